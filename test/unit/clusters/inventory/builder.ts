// A tiny builder of inventory snapshots for the pure tests (our own data contract, no Kubernetes API faked).
import type {
  ClusterState,
  ClustersetSnapshot,
  Condition,
  EndpointSliceState,
  ExportState,
  ImportState,
  McsImplementation,
  ServiceState,
} from '../../../../clusters/src/inventory/snapshot';

export const NOW = '2026-11-30T12:00:00.000Z';
export const LONG_AGO = '2026-11-30T10:00:00Z';
const MCS = 'multicluster.x-k8s.io/v1beta1';

export const VALID: Condition[] = [
  { type: 'Valid', status: 'True', reason: 'Valid' },
  { type: 'Ready', status: 'True', reason: 'Exported' },
  { type: 'Conflict', status: 'False', reason: 'NoConflicts' },
];

export function cluster(name: string, extra: Partial<ClusterState> = {}): ClusterState {
  return {
    name,
    context: name,
    reachable: true,
    implementation: 'generic',
    crdVersions: ['multicluster.x-k8s.io/v1alpha1', 'multicluster.x-k8s.io/v1beta1'],
    clusterId: name,
    readAt: NOW,
    namespaces: ['default', 'shop'],
    ...extra,
  };
}

export function svc(cluster: string, name: string, extra: Partial<ServiceState> = {}): ServiceState {
  return {
    ref: { cluster, apiVersion: 'v1', kind: 'Service', namespace: 'shop', name },
    type: 'ClusterIP',
    clusterIP: '10.96.0.10',
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    ...extra,
  };
}

export function exp(
  cluster: string,
  name: string,
  extra: Partial<ExportState> = {},
  service: ServiceState | null = svc(cluster, name),
): ExportState {
  return {
    ref: { cluster, apiVersion: MCS, kind: 'ServiceExport', namespace: 'shop', name },
    creationTimestamp: LONG_AGO,
    conditions: VALID,
    service,
    ...extra,
  };
}

export function imp(cluster: string, name: string, extra: Partial<ImportState> = {}): ImportState {
  return {
    ref: { cluster, apiVersion: MCS, kind: 'ServiceImport', namespace: 'shop', name },
    type: 'ClusterSetIP',
    ips: ['10.99.0.1'],
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    statusClusters: [],
    ...extra,
  };
}

export function slice(cluster: string, service: string, source: string, ready: number, total = ready): EndpointSliceState {
  return {
    ref: { cluster, apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', namespace: 'shop', name: `${service}-${source}` },
    sourceCluster: source,
    serviceName: service,
    addressType: 'IPv4',
    ready,
    total,
  };
}

export function snapshot(parts: {
  clusters: ClusterState[];
  exports?: ExportState[];
  imports?: ImportState[];
  slices?: EndpointSliceState[];
}): ClustersetSnapshot {
  return {
    clusters: parts.clusters,
    exports: parts.exports ?? [],
    imports: parts.imports ?? [],
    endpointSlices: parts.slices ?? [],
    takenAt: NOW,
  };
}

/** east exports `web`; east, west and central import it; west and central have east's endpoints. */
export function healthyTrio(impl: McsImplementation = 'generic'): ClustersetSnapshot {
  const clusters = ['east', 'west', 'central'].map((n) => cluster(n, { implementation: impl }));
  return snapshot({
    clusters,
    exports: [exp('east', 'web')],
    imports: clusters.map((c) => imp(c.name, 'web', { statusClusters: ['east'] })),
    slices: [slice('west', 'web', 'east', 2), slice('central', 'web', 'east', 2)],
  });
}
