// Small helpers the checks share: faults as outcomes (a read that failed says why and names the right
// cause, never "missing"), object names for evidence, and kubectl lines to paste.
import { describeFault, type ClusterFault, type Result } from '../../faults';
import type { CauseId } from '../causes';
import type { CheckContext, Outcome } from '../check';

/** The cause a fault stands for: credentials and RBAC are access-denied, the rest cluster-unreachable. */
export function causeOfFault(f: ClusterFault): CauseId | undefined {
  switch (f.kind) {
    case 'unauthorized':
    case 'forbidden':
    case 'execPlugin':
      return 'access-denied';
    case 'unreachable':
    case 'timeout':
    case 'tls':
    case 'config':
      return 'cluster-unreachable';
    default:
      return undefined;
  }
}

/** A check that could not read what it needs in `cluster`: skipped, with the fault and its cause. */
export function unreadable(cluster: string, f: ClusterFault, what: string): Outcome {
  const cause = causeOfFault(f);
  return {
    cluster,
    status: 'skip',
    detail: `cannot run: ${what} could not be read (${describeFault(f)})`,
    ...(cause ? { causes: [cause] } : {}),
  };
}

/** The value of a read, `null` for an object that does not exist (404), or the fault. */
export function valueOrAbsent<T>(r: Result<T> | undefined): { value: T | null } | { fault: ClusterFault } | undefined {
  if (!r) return undefined;
  if (r.ok) return { value: r.value };
  if (r.fault.kind === 'notFound' || r.fault.kind === 'crdMissing') return { value: null };
  return { fault: r.fault };
}

export function contextOf(ctx: CheckContext, cluster: string): string {
  return ctx.members.find((m) => m.name === cluster)?.context ?? cluster;
}

/** `kubectl --context <ctx> <args>` for cluster (context names with odd characters are quoted). */
export function kubectl(ctx: CheckContext, cluster: string, args: string): string {
  const c = contextOf(ctx, cluster);
  return `kubectl --context ${/^[\w./@:-]+$/.test(c) ? c : JSON.stringify(c)} ${args}`;
}

export const ref = (kind: string, namespace: string | undefined, name: string): string =>
  `${kind} ${namespace ? `${namespace}/` : ''}${name}`;

/** Shortens an excerpt for evidence (one line, at most 160 characters). */
export function excerpt(text: string, max = 160): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export const pass = (cluster: string | null, detail: string, extra: Partial<Outcome> = {}): Outcome => ({
  cluster,
  status: 'pass',
  detail,
  ...extra,
});

export const fail = (cluster: string | null, cause: CauseId, detail: string, extra: Partial<Outcome> = {}): Outcome => ({
  cluster,
  status: 'fail',
  detail,
  causes: [cause],
  ...extra,
});

export const warn = (cluster: string | null, detail: string, extra: Partial<Outcome> = {}): Outcome => ({
  cluster,
  status: 'warn',
  detail,
  ...extra,
});
