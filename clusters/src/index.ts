// The cluster logic's public surface. The client loads it (and @kubernetes/client-node with it) only when a
// view or command needs a cluster, as the separate bundle dist/clusters.js.
export * from './kubeconfig';
export * from './faults';
export * from './redact';
export * from './access';
export * from './cidrs';
export * from './clusterSetUpdate';
export * from './cidrReport';
export * from './scope';
export * from './inventory/snapshot';
export * from './inventory/read';
export * from './inventory/watch';
export * from './inventory/health';
export * from './runbook/index';
export * from './inventory/statusReport';
export * from './objectYaml';
export * from './clusterSetLocate';
// The one ClusterSet reader, for the client (which may not import the language service itself).
export { readClusterSetText, type ClusterSetModel } from '../../server/src/service/public';
