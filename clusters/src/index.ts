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
