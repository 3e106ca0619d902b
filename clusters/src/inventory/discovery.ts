// Per cluster, never assumed from another: which MCS API versions are served (one GET of /apis), and
// which implementation runs there with whether its controller is ready (read-only GETs of the workloads
// and ConfigMap each implementation documents).
import type { ClusterAccess } from '../access';
import type { ClusterFault, Result } from '../faults';
import type { McsApiVersion, McsImplementation } from './snapshot';

export interface Served {
  /** Every MCS group/version served, in a stable order. */
  mcs: McsApiVersion[];
  /** The one the objects are read with: v1beta1 over v1alpha1 (identical schemas in mcs-api v0.5), GKE's last. */
  read?: McsApiVersion;
  /** about.k8s.io version for ClusterProperty, v1beta1 preferred. */
  about?: string;
}

interface ApiGroupList {
  groups?: Array<{ name?: string; versions?: Array<{ version?: string }> }>;
}

const MCS_ORDER: McsApiVersion[] = ['multicluster.x-k8s.io/v1alpha1', 'multicluster.x-k8s.io/v1beta1', 'net.gke.io/v1'];

export function servedVersions(list: ApiGroupList | null | undefined): Served {
  // Whatever the server sent: anything but the documented shape reads as "nothing served".
  const groups = Array.isArray(list?.groups) ? list.groups : [];
  const versions = (group: string): string[] => {
    const found = groups.find((g) => g?.name === group)?.versions;
    return Array.isArray(found) ? found.map((v) => (typeof v?.version === 'string' ? v.version : '')) : [];
  };
  const served = new Set<string>();
  for (const v of versions('multicluster.x-k8s.io')) served.add(`multicluster.x-k8s.io/${v}`);
  if (versions('net.gke.io').includes('v1')) served.add('net.gke.io/v1');
  const mcs = MCS_ORDER.filter((v) => served.has(v));
  const read = (['multicluster.x-k8s.io/v1beta1', 'multicluster.x-k8s.io/v1alpha1', 'net.gke.io/v1'] as const).find((v) =>
    served.has(v),
  );
  const about = ['v1beta1', 'v1alpha1'].find((v) => versions('about.k8s.io').includes(v));
  return { mcs, ...(read ? { read } : {}), ...(about ? { about } : {}) };
}

export async function readServed(a: ClusterAccess): Promise<Result<Served>> {
  const r = await a.getJson<ApiGroupList>('/apis', 'the API groups (/apis)');
  return r.ok ? { ok: true, value: servedVersions(r.value) } : r;
}

export interface Detection {
  implementation: McsImplementation;
  controllerReady?: boolean;
  /** What was found, e.g. `Deployment kube-system/cilium-operator 1/1 ready`. */
  controller: string;
  endpointSliceSync?: boolean;
  /** Probes this context may not make (e.g. a reader role without access to Deployments). */
  forbidden: ClusterFault[];
}

interface Workload {
  kind: 'Deployment' | 'DaemonSet';
  namespace: string;
  name: string;
}

type Probe<T> = { found: true; value: T } | { found: false } | { fault: ClusterFault };

const NOT_FOUND: Promise<{ found: false }> = Promise.resolve({ found: false });

interface WorkloadStatus {
  ready: number;
  desired: number;
  env: Record<string, string>;
}

interface WorkloadJson {
  spec?: {
    replicas?: number;
    template?: { spec?: { containers?: Array<{ env?: Array<{ name?: string; value?: string }> }> } };
  };
  status?: { readyReplicas?: number; numberReady?: number; desiredNumberScheduled?: number };
}

async function probe<T>(a: ClusterAccess, path: string, what: string, map: (v: unknown) => T): Promise<Probe<T>> {
  const r = await a.getJson<unknown>(path, what);
  if (r.ok) return { found: true, value: map(r.value) };
  // A missing object (404 with details) or a namespace/API that does not exist: the implementation is absent.
  return r.fault.kind === 'notFound' || r.fault.kind === 'crdMissing' ? { found: false } : { fault: r.fault };
}

function workloadStatus(v: unknown): WorkloadStatus {
  const w = v as WorkloadJson;
  const env: Record<string, string> = {};
  for (const c of w.spec?.template?.spec?.containers ?? [])
    for (const e of c.env ?? []) if (e.name && typeof e.value === 'string') env[e.name] = e.value;
  const ready = w.status?.readyReplicas ?? w.status?.numberReady ?? 0;
  const desired = w.spec?.replicas ?? w.status?.desiredNumberScheduled ?? 1;
  return { ready, desired, env };
}

function probeWorkload(a: ClusterAccess, w: Workload): Promise<Probe<WorkloadStatus>> {
  const group = `/apis/apps/v1/namespaces/${w.namespace}/${w.kind === 'Deployment' ? 'deployments' : 'daemonsets'}/${w.name}`;
  return probe(a, group, `${w.kind} ${w.namespace}/${w.name}`, workloadStatus);
}

const describe = (w: Workload, s: WorkloadStatus) => `${w.kind} ${w.namespace}/${w.name} ${s.ready}/${s.desired} ready`;

const W = {
  lighthouse: { kind: 'Deployment', namespace: 'submariner-operator', name: 'submariner-lighthouse-agent' },
  gke: { kind: 'Deployment', namespace: 'gke-mcs', name: 'gke-mcs-importer' },
  aws: { kind: 'Deployment', namespace: 'cloud-map-mcs-system', name: 'cloud-map-mcs-controller-manager' },
  ciliumOperator: { kind: 'Deployment', namespace: 'kube-system', name: 'cilium-operator' },
  istiod: { kind: 'Deployment', namespace: 'istio-system', name: 'istiod' },
} satisfies Record<string, Workload>;

/**
 * The implementation from the signals of each one's documentation, most specific first: Submariner's
 * Lighthouse agent, GKE's importer, the AWS controller, Cilium with MCS-API support on, istiod with
 * MCS discovery on, then a Cilium without MCS-API support (a finding in itself). A controller counts as
 * ready with at least one ready replica: an HA controller with one replica down still reconciles.
 * With `namespaces` (the cluster's complete Namespace list) only objects in existing namespaces are asked for.
 */
export async function detectImplementation(a: ClusterAccess, namespaces?: ReadonlySet<string>): Promise<Detection> {
  // An object in a namespace the cluster does not have is not there: answered without asking.
  const absent = (ns: string) => !!namespaces && !namespaces.has(ns);
  const workload = (w: Workload) => (absent(w.namespace) ? NOT_FOUND : probeWorkload(a, w));
  const [lighthouse, gke, aws, operator, istiod, ciliumConfig] = await Promise.all([
    workload(W.lighthouse),
    workload(W.gke),
    workload(W.aws),
    workload(W.ciliumOperator),
    workload(W.istiod),
    absent('kube-system')
      ? NOT_FOUND
      : probe(a, '/api/v1/namespaces/kube-system/configmaps/cilium-config', 'ConfigMap kube-system/cilium-config', (v) => {
          const data = (v as { data?: Record<string, unknown> }).data ?? {};
          return {
            mcsApi: data['clustermesh-enable-mcs-api'] === 'true',
            endpointSync: data['clustermesh-enable-endpoint-sync'] === 'true',
          };
        }),
  ]);
  const forbidden = [lighthouse, gke, aws, operator, istiod, ciliumConfig].flatMap((p) => ('fault' in p ? [p.fault] : []));
  const found = <T>(p: Probe<T>): T | undefined => ('found' in p && p.found ? p.value : undefined);
  const fromWorkload = (implementation: McsImplementation, w: Workload, s: WorkloadStatus): Detection => ({
    implementation,
    controllerReady: s.ready >= 1,
    controller: describe(w, s),
    forbidden,
  });

  const lh = found(lighthouse);
  if (lh) return fromWorkload('submariner', W.lighthouse, lh);
  const g = found(gke);
  if (g) return fromWorkload('gke', W.gke, g);
  const awsc = found(aws);
  if (awsc) return fromWorkload('aws', W.aws, awsc);
  const cc = found(ciliumConfig);
  const op = found(operator);
  if (cc?.mcsApi) {
    const base: Detection = op
      ? fromWorkload('cilium', W.ciliumOperator, op)
      : { implementation: 'cilium', controller: 'cilium-config has MCS-API support on; cilium-operator not readable', forbidden };
    return { ...base, endpointSliceSync: cc.endpointSync };
  }
  const ist = found(istiod);
  if (ist && ist.env.ENABLE_MCS_SERVICE_DISCOVERY === 'true') return fromWorkload('istio', W.istiod, ist);
  if (cc) {
    return {
      implementation: 'cilium',
      controllerReady: false,
      controller: 'Cilium runs, but cilium-config has clustermesh-enable-mcs-api not "true": no MCS-API support',
      endpointSliceSync: cc.endpointSync,
      forbidden,
    };
  }
  return {
    implementation: 'generic',
    controller:
      forbidden.length > 0
        ? 'not determined: this context may not read the controllers’ workloads'
        : 'no known MCS controller found (Submariner, GKE, AWS, Cilium, Istio)',
    forbidden,
  };
}

/** A cluster that serves GKE's own MCS group where no other controller was found (see gkeDetection's caller). */
export function gkeDetection(d: Detection): Detection {
  // The importer may run outside what this context can see; Google manages it either way.
  return { ...d, implementation: 'gke', controller: 'API group net.gke.io served; gke-mcs-importer not visible' };
}
