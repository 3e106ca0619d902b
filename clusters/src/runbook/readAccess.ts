// The read side a check gets for one cluster: the access layer's GETs, memoised per run (cilium-config is
// read by three checks, fetched once) and gated by one `/version` request, so an unreachable cluster
// answers every read with the same fault at once instead of a timeout per check.
import type { KubeConfig } from '@kubernetes/client-node';
import { openClusterAccess, DEFAULT_TIMEOUT_MS, type ClusterAccess } from '../access';
import { discoverCluster, type ClusterCidrReport } from '../cidrs';
import { isClusterWide, type ClusterFault, type Result } from '../faults';
import type { ReadAccess, RunbookMember } from './check';

export interface ReadAccessOptions {
  allowExecAuth: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function openReadAccess(kc: KubeConfig, member: RunbookMember, options: ReadAccessOptions): ReadAccess {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const opened = openClusterAccess(kc, member.context, {
    allowExecAuth: options.allowExecAuth,
    timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const memo = new Map<string, Promise<Result<unknown>>>();
  let gate: Promise<ClusterFault | undefined> | undefined;
  const gated = (a: ClusterAccess): Promise<ClusterFault | undefined> =>
    (gate ??= a
      .getJson<unknown>('/version', 'the server version (/version)')
      .then((r) => (!r.ok && isClusterWide(r.fault) ? r.fault : undefined)));
  const once = <T>(key: string, load: (a: ClusterAccess) => Promise<Result<T>>): Promise<Result<T>> => {
    if (!opened.ok) return Promise.resolve({ ok: false, fault: opened.fault });
    const a = opened.value;
    let p = memo.get(key) as Promise<Result<T>> | undefined;
    if (!p) {
      p = gated(a).then((f) => (f ? { ok: false as const, fault: f } : load(a)));
      memo.set(key, p);
    }
    return p;
  };
  let cidrs: Promise<ClusterCidrReport> | undefined;
  return {
    cluster: member.name,
    context: member.context,
    getJson: <T>(path: string, what: string) => once<T>(`get ${path}`, (a) => a.getJson<T>(path, what)),
    listAll: <T>(path: string, what: string, maxItems?: number) =>
      once<{ items: T[]; truncated: boolean }>(`list ${path}`, (a) => a.listAll<T>(path, what, maxItems)),
    discoverCidrs: () =>
      (cidrs ??= discoverCluster(kc, member.context, {
        allowExecAuth: options.allowExecAuth,
        timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
      })),
  };
}

/** One ReadAccess per member for a whole run, so every check shares its memo and its `/version` gate. */
export function readAccessFactory(kc: KubeConfig, options: ReadAccessOptions): (m: RunbookMember) => ReadAccess {
  const byContext = new Map<string, ReadAccess>();
  return (m) => {
    let a = byContext.get(m.context);
    if (!a) byContext.set(m.context, (a = openReadAccess(kc, m, options)));
    return a;
  };
}
