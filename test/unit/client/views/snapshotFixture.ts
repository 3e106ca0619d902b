// A small clusterset snapshot for the row tests: east and west export shop/web (healthy), shop/cart is
// exported from east and west but central has endpoints from east only (degraded), billing/payments has an
// export whose Service is missing (broken); "lost" did not answer. The summaries stand in for health.ts.
import type {
  ClusterState,
  ClustersetSnapshot,
  Condition,
  EndpointSliceState,
  ExportState,
  ImportState,
  ServiceSummary,
} from '../../../../clusters/src/inventory/snapshot';

const AT = '2026-12-01T10:42:05.000Z';
const V1A1 = 'multicluster.x-k8s.io/v1alpha1';

function cluster(name: string, extra: Partial<ClusterState> = {}): ClusterState {
  return {
    name,
    context: `${name}-ctx`,
    reachable: true,
    implementation: 'cilium',
    controllerReady: true,
    crdVersions: ['multicluster.x-k8s.io/v1alpha1', 'multicluster.x-k8s.io/v1beta1'],
    clusterId: name,
    readAt: AT,
    ...extra,
  };
}

const ok: Condition[] = [
  { type: 'Valid', status: 'True', reason: 'Exported' },
  { type: 'Ready', status: 'True' },
  { type: 'Conflict', status: 'False' },
];

function exp(c: string, ns: string, name: string, conditions = ok, service: ExportState['service'] = undefined): ExportState {
  return { ref: { cluster: c, apiVersion: V1A1, kind: 'ServiceExport', namespace: ns, name }, conditions, service };
}

function imp(c: string, ns: string, name: string, ips: string[], from: string[]): ImportState {
  return {
    ref: { cluster: c, apiVersion: V1A1, kind: 'ServiceImport', namespace: ns, name },
    type: 'ClusterSetIP',
    ips,
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    statusClusters: from,
  };
}

function slice(c: string, ns: string, svc: string, source: string, ready: number, total: number): EndpointSliceState {
  return {
    ref: { cluster: c, apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', namespace: ns, name: `${svc}-${source}-x1` },
    sourceCluster: source,
    serviceName: svc,
    addressType: 'IPv4',
    ready,
    total,
  };
}

export const snapshot: ClustersetSnapshot = {
  clusters: [
    cluster('east'),
    cluster('west', { staleSince: AT }),
    cluster('central', {
      partial: [{ resource: 'endpointslices', fault: { kind: 'forbidden', message: 'forbidden: cannot list endpointslices' } }],
    }),
    cluster('lost', {
      reachable: false,
      fault: { kind: 'unreachable', message: 'cannot connect to https://127.0.0.1:1 (ECONNREFUSED): connect refused' },
      crdVersions: [],
      clusterId: undefined,
      controllerReady: undefined,
    }),
  ],
  exports: [
    exp('east', 'shop', 'web', ok, {
      ref: { cluster: 'east', apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'web' },
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    }),
    exp('west', 'shop', 'web'),
    exp('east', 'shop', 'cart'),
    exp('west', 'shop', 'cart', [
      { type: 'Valid', status: 'True' },
      { type: 'Conflict', status: 'True', reason: 'PortConflict', message: 'port 80 vs 8080' },
    ]),
    exp('west', 'billing', 'payments', [{ type: 'Valid', status: 'False', reason: 'ServiceNotFound' }], null),
  ],
  imports: [
    imp('central', 'shop', 'web', ['10.42.0.20'], ['east', 'west']),
    imp('central', 'shop', 'cart', ['10.42.0.21'], ['east']),
  ],
  endpointSlices: [
    slice('central', 'shop', 'web', 'east', 2, 2),
    slice('central', 'shop', 'web', 'west', 1, 1),
    slice('central', 'shop', 'cart', 'east', 2, 2),
    slice('central', 'shop', 'cart', 'west', 0, 1),
  ],
  takenAt: AT,
};

export const summaries: ServiceSummary[] = [
  {
    namespace: 'shop',
    name: 'web',
    exportedFrom: ['east', 'west'],
    importedIn: ['central'],
    endpoints: { east: 2, west: 1 },
    health: 'healthy',
    reasons: [],
  },
  {
    namespace: 'shop',
    name: 'cart',
    exportedFrom: ['east', 'west'],
    importedIn: ['central'],
    endpoints: { east: 2, west: 0 },
    health: 'degraded',
    reasons: ['central has no ready endpoints from west', 'Conflict on west: PortConflict'],
  },
  {
    namespace: 'billing',
    name: 'payments',
    exportedFrom: ['west'],
    importedIn: [],
    endpoints: {},
    health: 'broken',
    reasons: ['west: the export has no Service billing/payments'],
  },
];

export const members = [
  ...snapshot.clusters.map((c) => ({ name: c.name, context: c.context })),
  { name: 'north', context: 'north-ctx' },
];
