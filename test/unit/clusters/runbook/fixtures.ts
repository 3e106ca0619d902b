// Snapshot builders for the runbook's unit tests: a two-cluster clusterset (east exports shop/web, west
// consumes it) that is healthy as built; each test breaks one thing. Checks run on these snapshots and on
// typed read results (our own interfaces), never on a faked Kubernetes API.
import type { Check, CheckContext, Outcome, Reads } from '../../../../clusters/src/runbook/check';
import { buildContext, type ContextInput } from '../../../../clusters/src/runbook/context';
import type { Result } from '../../../../clusters/src/faults';
import type {
  ClusterState,
  ClustersetSnapshot,
  EndpointSliceState,
  ExportState,
  ImportState,
} from '../../../../clusters/src/inventory/snapshot';

export const NOW = new Date('2026-12-01T10:00:00Z');
const OLD = '2026-12-01T09:00:00Z';

export function cluster(name: string, extra: Partial<ClusterState> = {}): ClusterState {
  return {
    name,
    context: name,
    reachable: true,
    implementation: 'generic',
    crdVersions: ['multicluster.x-k8s.io/v1alpha1', 'multicluster.x-k8s.io/v1beta1'],
    clusterId: name,
    clustersetId: 'prod',
    readAt: OLD,
    ...extra,
  };
}

export function exportIn(c: string, extra: Partial<ExportState> = {}): ExportState {
  return {
    ref: { cluster: c, apiVersion: 'multicluster.x-k8s.io/v1alpha1', kind: 'ServiceExport', namespace: 'shop', name: 'web' },
    creationTimestamp: OLD,
    conditions: [
      { type: 'Valid', status: 'True', reason: 'Valid', lastTransitionTime: OLD },
      { type: 'Ready', status: 'True', reason: 'Exported', lastTransitionTime: OLD },
      { type: 'Conflict', status: 'False', reason: 'NoConflicts', lastTransitionTime: OLD },
    ],
    service: {
      ref: { cluster: c, apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'web' },
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    },
    ...extra,
  };
}

export function importIn(c: string, extra: Partial<ImportState> = {}): ImportState {
  return {
    ref: { cluster: c, apiVersion: 'multicluster.x-k8s.io/v1alpha1', kind: 'ServiceImport', namespace: 'shop', name: 'web' },
    type: 'ClusterSetIP',
    ips: ['10.97.0.50'],
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    statusClusters: [],
    ...extra,
  };
}

export function sliceIn(c: string, source: string, ready = 1): EndpointSliceState {
  return {
    ref: { cluster: c, apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', namespace: 'shop', name: `web-${source}` },
    sourceCluster: source,
    serviceName: 'web',
    addressType: 'IPv4',
    ready,
    total: 1,
  };
}

/** east exports shop/web, both clusters import it, west has east's MCS slice. */
export function healthySnapshot(): ClustersetSnapshot {
  return {
    clusters: [cluster('east'), cluster('west')],
    exports: [exportIn('east')],
    imports: [importIn('east'), importIn('west')],
    endpointSlices: [sliceIn('west', 'east')],
    takenAt: OLD,
  };
}

export const MEMBERS = [
  { name: 'east', context: 'east' },
  { name: 'west', context: 'west' },
];

export function contextFor(
  snapshot: ClustersetSnapshot,
  extra: Partial<ContextInput> = {},
  prior: Map<string, Outcome[]> = new Map(),
): CheckContext {
  return buildContext(
    { service: { namespace: 'shop', name: 'web' }, members: MEMBERS, snapshot, now: NOW, ...extra },
    prior as Map<never, Outcome[]>,
  );
}

/** Runs one check's `run` on a snapshot with the given per-cluster read results. */
export async function runCheck<R>(
  check: Check,
  snapshot: ClustersetSnapshot,
  reads: Record<string, R | Result<R>> = {},
  extra: Partial<ContextInput> = {},
): Promise<Outcome[]> {
  const ctx = contextFor(snapshot, extra);
  const r: Reads<unknown> = (c) => {
    const v = reads[c];
    if (v === undefined) return undefined;
    const isResult = typeof v === 'object' && v !== null && 'ok' in v && ('value' in v || 'fault' in v);
    return isResult ? (v as Result<R>) : { ok: true, value: v };
  };
  return check.run(ctx, r);
}

export const byCluster = (outcomes: Outcome[], c: string | null): Outcome | undefined => outcomes.find((o) => o.cluster === c);
export const causesOf = (outcomes: Outcome[]) => [...new Set(outcomes.flatMap((o) => o.causes ?? []))].sort();
