// Kinds that rules read from the workspace index beyond their own `kinds` (a ServiceExport's rules look up the
// Service, the Namespace, the ClusterSet file…). The parser keeps exactly the rules' kinds plus these
// (parse/kindsOfInterest.ts); test/unit/server/service/parse/kindsOfInterest.test.ts fails when a rule reads a
// kind listed nowhere.
export const INDEX_KINDS: readonly string[] = [
  'Service',
  'ServiceExport',
  'ServiceImport',
  'ClusterProperty',
  'ClusterSet',
  'Namespace',
  'ConfigMap',
  'Deployment',
  'StatefulSet',
];
