// The runbook's one entry for the palette command, `clusterset doctor`, the tests and the bench: resolve the
// members (ClusterSet file, explicit contexts, else every context), read the inventory and every check's
// objects at the same time, run the checks, and return the report. Read-only unless `probe` is set.
import type { KubeConfig } from '@kubernetes/client-node';
import { DEFAULT_TIMEOUT_MS } from '../access';
import { readInventory } from '../inventory/read';
import type { McsImplementation, ServiceKey } from '../inventory/snapshot';
import { loadKubeConfig } from '../kubeconfig';
import { membersForContexts, resolveScope } from '../scope';
import type { Prober, RunbookMember } from './check';
import { readRunbookClusterSet, type RunbookClusterSet } from './clusterSetFile';
import { createPodProber } from './probe';
import { readAccessFactory } from './readAccess';
import { emptyReport, runRunbook, type RunbookProgress, type RunbookReport } from './run';

export interface DiagnoseOptions {
  service: ServiceKey;
  /** A loaded kubeconfig, or a path (default $KUBECONFIG or ~/.kube/config). */
  kubeconfig?: KubeConfig | string;
  /** Contexts named by the user (CLI --context, the palette's pick); default: the ClusterSet file, else all. */
  contexts?: string[];
  /** The ClusterSet file's text, when there is one. */
  clusterSetText?: string;
  implementation?: McsImplementation;
  allowExecAuth: boolean;
  /** Deadline per cluster for every read. Default 15 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: RunbookProgress) => void;
  /** Create the reachability pods (the user confirmed them). */
  probe?: boolean;
  probeWaitMs?: number;
  /** Called with the pods the probe will create, before any is created; false stops the probe. */
  confirmProbe?: (pods: string[]) => Promise<boolean> | boolean;
}

export interface Prepared {
  kc: KubeConfig;
  members: RunbookMember[];
  clusterSet?: RunbookClusterSet;
}

/** Kubeconfig, ClusterSet file and members, or why the run cannot start (a usage error for the CLI). */
export function prepare(
  o: Pick<DiagnoseOptions, 'kubeconfig' | 'contexts' | 'clusterSetText'>,
): { ok: true; value: Prepared } | { ok: false; error: string } {
  let kc: KubeConfig;
  if (o.kubeconfig && typeof o.kubeconfig !== 'string') kc = o.kubeconfig;
  else {
    const loaded = loadKubeConfig(o.kubeconfig);
    if (!loaded.ok) return { ok: false, error: loaded.error };
    kc = loaded.kc;
  }
  let clusterSet: RunbookClusterSet | undefined;
  let model;
  if (o.clusterSetText !== undefined) {
    const r = readRunbookClusterSet(o.clusterSetText);
    if (!r.ok) return { ok: false, error: `the ClusterSet file: ${r.error}` };
    clusterSet = r.value;
    model = r.model;
  }
  const known = kc.getContexts().map((c) => c.name);
  const members = o.contexts?.length
    ? membersForContexts(o.contexts, model)
    : resolveScope({ ...(model ? { clusterSet: model } : {}), kubeconfigContexts: known }).members;
  if (members.length === 0) return { ok: false, error: 'no clusters to check: the kubeconfig has no contexts' };
  return { ok: true, value: { kc, members, ...(clusterSet ? { clusterSet } : {}) } };
}

export async function diagnoseService(o: DiagnoseOptions): Promise<RunbookReport> {
  const prepared = prepare(o);
  if (!prepared.ok) return emptyReport(o.service, prepared.error);
  const { kc, members, clusterSet } = prepared.value;
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = o.signal;
  let prober: Prober | undefined;
  if (o.probe) {
    prober = createPodProber(kc, members, {
      namespace: o.service.namespace,
      allowExecAuth: o.allowExecAuth,
      ...(o.probeWaitMs ? { waitMs: o.probeWaitMs } : {}),
      ...(signal ? { signal } : {}),
    });
    const pods = members.map((m) => prober?.describe(m.name) ?? '');
    if (o.confirmProbe && !(await o.confirmProbe(pods))) prober = undefined;
  }
  const snapshot = readInventory(kc, members, { allowExec: o.allowExecAuth, timeoutMs, ...(signal ? { signal } : {}) });
  return runRunbook(
    {
      service: o.service,
      members,
      snapshot,
      ...(clusterSet ? { clusterSet } : {}),
      ...(o.implementation ? { implementation: o.implementation } : {}),
      access: readAccessFactory(kc, { allowExecAuth: o.allowExecAuth, timeoutMs, ...(signal ? { signal } : {}) }),
      ...(prober ? { prober } : {}),
    },
    {
      ...(signal ? { signal } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      // A check may wait for one slow cluster's deadline, plus the probe's own wait.
      checkTimeoutMs: timeoutMs + (o.probeWaitMs ?? 12_000) + 5_000,
    },
  );
}

/** `ns/name` → ServiceKey; undefined when it is not two DNS labels. */
export function parseServiceRef(text: string): ServiceKey | undefined {
  const m = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)$/.exec(text.trim());
  return m?.[1] && m[3] ? { namespace: m[1], name: m[3] } : undefined;
}
