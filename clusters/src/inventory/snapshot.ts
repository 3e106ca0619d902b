// The inventory snapshot: pure data read from every cluster of the clusterset, shared by the tree, `clusterset
// status` and the runbook. Its service/cluster summaries are the `status --format json` contract. The
// reader (read.ts) and the watch (watch.ts) produce it; health.ts judges it; nothing here does I/O.
// Contract for the rooms that consume it: fields may be added, never renamed or removed.
import type { ClusterFault } from '../faults';

export type McsImplementation = 'generic' | 'cilium' | 'submariner' | 'gke' | 'istio' | 'aws';

/** An API group/version pair the cluster serves for MCS kinds, e.g. `multicluster.x-k8s.io/v1alpha1`. */
export type McsApiVersion = 'multicluster.x-k8s.io/v1alpha1' | 'multicluster.x-k8s.io/v1beta1' | 'net.gke.io/v1';

export interface ObjectRef {
  /** The cluster (ClusterSet member name, else the context name). */
  cluster: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface ExportState {
  ref: ObjectRef;
  creationTimestamp?: string;
  conditions: Condition[];
  /** The Service behind the export in the same cluster, when read; `null` when it does not exist. */
  service?: ServiceState | null;
  /** MCS-relevant annotations only (e.g. `lighthouse.submariner.io/use-clusterset-ip`). */
  annotations?: Record<string, string>;
}

export interface ServiceState {
  ref: ObjectRef;
  type: string;
  clusterIP?: string;
  ports: Array<{ name?: string; port: number; protocol: string; appProtocol?: string }>;
  /** `clusterIP: None`. */
  headless?: boolean;
  ipFamilies?: string[];
  /** MCS-relevant annotations only (e.g. `service.cilium.io/global-sync-endpoint-slices`). */
  annotations?: Record<string, string>;
}

export interface ImportState {
  ref: ObjectRef;
  type?: 'ClusterSetIP' | 'Headless' | string;
  ips: string[];
  ports: Array<{ name?: string; port: number; protocol: string; appProtocol?: string }>;
  /** `status.clusters[].cluster`: the clusters the import says it was derived from. */
  statusClusters: string[];
  ipFamilies?: string[];
  conditions?: Condition[];
  creationTimestamp?: string;
  annotations?: Record<string, string>;
}

export interface EndpointSliceState {
  ref: ObjectRef;
  /** Label `multicluster.kubernetes.io/source-cluster`. */
  sourceCluster?: string;
  /** Label `multicluster.kubernetes.io/service-name`. */
  serviceName?: string;
  addressType: string;
  ready: number;
  total: number;
  /** Label `endpointslice.kubernetes.io/managed-by`. */
  managedBy?: string;
}

export interface ClusterState {
  /** ClusterSet member name, else the context name. */
  name: string;
  context: string;
  reachable: boolean;
  /** The fault that stopped (or limited) the read of this cluster; partial reads keep what was read. */
  fault?: ClusterFault;
  /** Per-resource faults of a partial read (e.g. 403 on endpointslices for a reader role). */
  partial?: Array<{ resource: string; fault: ClusterFault }>;
  implementation: McsImplementation;
  controllerReady?: boolean;
  crdVersions: McsApiVersion[];
  /** ClusterProperty `cluster.clusterset.k8s.io` value. */
  clusterId?: string;
  /** ClusterProperty `clusterset.k8s.io` value. */
  clustersetId?: string;
  /** When this cluster's data was last known to be current (ISO time); set when a watch broke. */
  staleSince?: string;
  /** Why the data is stale: the last error of a broken watch or relist (the data shown is from before it). */
  staleReason?: ClusterFault;
  readAt: string;
  /** The API server's URL (origin only, never credentials). */
  server?: string;
  /** The group/version the MCS objects were read with (`crdVersions` lists every one served). */
  readVersion?: McsApiVersion;
  /** How the implementation was recognised and how its controller was judged, e.g. `Deployment kube-system/cilium-operator 1/1 ready`. */
  controller?: string;
  /** Whether the implementation syncs remote EndpointSlices for ClusterSetIP imports (Cilium: `clustermesh-enable-endpoint-sync`). */
  endpointSliceSync?: boolean;
  /** Namespaces of this cluster, when readable: an import is expected in every cluster that has the namespace. */
  namespaces?: string[];
  /** True while the live watch of this cluster is paused (the view is hidden). */
  paused?: boolean;
}

export interface ServiceKey {
  namespace: string;
  name: string;
}

export interface ClustersetSnapshot {
  clusters: ClusterState[];
  exports: ExportState[];
  imports: ImportState[];
  endpointSlices: EndpointSliceState[];
  takenAt: string;
}

export type Health = 'healthy' | 'degraded' | 'broken';

/** One service across the clusterset, as `status` prints it and the tree shows it. */
export interface ServiceSummary extends ServiceKey {
  exportedFrom: string[];
  importedIn: string[];
  /** Ready endpoint count per source cluster, as seen by the consumers. */
  endpoints: Record<string, number>;
  health: Health;
  reasons: string[];
  /** Per member cluster what it holds of this service, for the tree's per-cluster rows. */
  perCluster?: ServiceInCluster[];
}

export interface ServiceInCluster {
  cluster: string;
  export?: ExportState;
  import?: ImportState;
  /** MCS EndpointSlices in this cluster for the service, per source cluster (member name when known). */
  endpoints: Array<{ source: string; ready: number; total: number; slices: number }>;
}
