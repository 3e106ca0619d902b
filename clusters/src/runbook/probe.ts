// The reachability probe (check 12), the runbook's only write: one short-lived pod per consumer that
// resolves the clusterset name and connects to the service's port. It is created only after the user
// confirmed (the pod names are fixed up front so the dialog can show them), waits a bounded time, and is
// deleted in every case — success, failure, timeout, cancellation — and the deletion is confirmed.
import { CoreV1Api, KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { credentialProgram } from '../access';
import { firstLine } from '../redact';
import type { Prober, ProbeResult, RunbookMember } from './check';

export const PROBE_IMAGE = 'busybox:1.36';
export const PROBE_LABEL = 'clusterset.dev/probe';

export interface ProberOptions {
  namespace: string;
  allowExecAuth: boolean;
  /** How long the pod may take to finish (scheduling included). Default 12 s. */
  waitMs?: number;
  signal?: AbortSignal;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function apiFor(kc: KubeConfig, context: string): CoreV1Api {
  const own = new KubeConfig();
  own.loadFromOptions({ clusters: kc.clusters, users: kc.users, contexts: kc.contexts, currentContext: context });
  return own.makeApiClient(CoreV1Api);
}

const statusOf = (e: unknown): number | undefined => {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
};
const messageOf = (e: unknown) => firstLine(e instanceof Error ? e.message : String(e));

export function probePod(name: string, namespace: string, fqdn: string, port: number | undefined): V1Pod {
  const script = port ? 'nslookup "$0" && nc -w 5 "$0" "$1" </dev/null && echo CONNECTED' : 'nslookup "$0" && echo RESOLVED';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { [PROBE_LABEL]: 'true', 'app.kubernetes.io/managed-by': 'clusterset' } },
    spec: {
      restartPolicy: 'Never',
      activeDeadlineSeconds: 60,
      automountServiceAccountToken: false,
      securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'probe',
          image: PROBE_IMAGE,
          command: ['sh', '-c', script, fqdn, String(port ?? '')],
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
      ],
    },
  };
}

/** A Prober over the kubeconfig; pod names are chosen now so the confirmation can name them. */
export function createPodProber(kc: KubeConfig, members: RunbookMember[], options: ProberOptions): Prober {
  const names = new Map(members.map((m) => [m.name, `clusterset-probe-${randomBytes(3).toString('hex')}`]));
  const waitMs = options.waitMs ?? 12_000;
  const ns = options.namespace;
  return {
    describe: (cluster) => `Pod ${ns}/${names.get(cluster) ?? '?'} (image ${PROBE_IMAGE}) in ${cluster}, deleted afterwards`,
    async probe(cluster, fqdn, port): Promise<ProbeResult> {
      const pod = names.get(cluster) ?? `clusterset-probe-${randomBytes(3).toString('hex')}`;
      const member = members.find((m) => m.name === cluster);
      if (!member) return { kind: 'not-run', pod, why: `${cluster} is not a member`, deleted: true };
      const ctx = kc.getContextObject(member.context);
      if (!ctx) return { kind: 'not-run', pod, why: `context ${member.context} is not in the kubeconfig`, deleted: true };
      if (credentialProgram(kc.getUser(ctx.user)) && !options.allowExecAuth)
        return { kind: 'not-run', pod, why: 'the context needs a credential plugin, which may not run here', deleted: true };
      const api = apiFor(kc, member.context);
      try {
        await api.createNamespacedPod({ namespace: ns, body: probePod(pod, ns, fqdn, port) });
      } catch (e) {
        const code = statusOf(e);
        const why =
          code === 403
            ? 'creating a pod is forbidden for this context'
            : `the pod could not be created (${code ?? messageOf(e)})`;
        // A create that failed may still have created it (e.g. a timeout after the write): clean up anyway.
        return { kind: 'not-run', pod, why, deleted: await remove(api, pod, ns) };
      }
      // Deleted on every path: watchPod never throws, and anything unexpected becomes "not run".
      const outcome = await watchPod(api, pod, ns, waitMs, options.signal).catch((e: unknown): Watched => ({
        kind: 'not-run',
        pod,
        why: `watching the pod failed: ${messageOf(e)}`,
      }));
      return { ...outcome, deleted: await remove(api, pod, ns) } as ProbeResult;
    },
  };
}

type Watched = { kind: 'ok' | 'failed'; pod: string; output: string } | { kind: 'not-run'; pod: string; why: string };

async function watchPod(api: CoreV1Api, pod: string, ns: string, waitMs: number, signal?: AbortSignal): Promise<Watched> {
  const deadline = Date.now() + waitMs;
  let last: V1Pod | undefined;
  while (Date.now() < deadline && !signal?.aborted) {
    try {
      last = await api.readNamespacedPod({ name: pod, namespace: ns });
    } catch {
      // A transient read error: keep polling until the deadline.
    }
    const phase = last?.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      const output = await api.readNamespacedPodLog({ name: pod, namespace: ns }).then(
        (l) => String(l),
        () => '',
      );
      return { kind: phase === 'Succeeded' ? 'ok' : 'failed', pod, output };
    }
    await sleep(500);
  }
  const scheduled = last?.status?.conditions?.find((c) => c.type === 'PodScheduled');
  const why = signal?.aborted
    ? 'cancelled'
    : !last?.spec?.nodeName
      ? `the pod was not scheduled within ${Math.round(waitMs / 1000)} s (${scheduled?.message ? firstLine(scheduled.message) : 'no scheduler or node took it'})`
      : `the pod did not finish within ${Math.round(waitMs / 1000)} s (phase ${last.status?.phase ?? 'unknown'})`;
  return { kind: 'not-run', pod, why };
}

/** Deletes the pod (grace 0) and confirms it is gone; false when that could not be confirmed. */
export async function remove(api: CoreV1Api, pod: string, ns: string): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await api.deleteNamespacedPod({ name: pod, namespace: ns, gracePeriodSeconds: 0 });
    } catch (e) {
      if (statusOf(e) !== 404) {
        await sleep(300);
        continue;
      }
    }
    for (let i = 0; i < 10; i++) {
      try {
        await api.readNamespacedPod({ name: pod, namespace: ns });
      } catch (e) {
        if (statusOf(e) === 404) return true;
      }
      await sleep(300);
    }
  }
  return false;
}
