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

/**
 * Kinds whose documents the rules read only when their text says so. A ConfigMap matters for its Corefile
 * (`Corefile`, `*.server` keys: MCS801–804), as cilium-config (MCS606) or for a service DNS name in a value
 * (`….svc.cluster(set).local`: MCS805/806); a Deployment as istiod (MCS901/906), as CoreDNS (its image: MCS802)
 * or for a DNS name in an env value. A block-style document of these kinds whose text has none of these words is
 * parsed for its syntax only — in a GitOps repository that is most of them. A backslash could spell any word
 * through an escape, so it counts as a marker too. test/unit/cli/lintIdentity.test.ts compares with the plain
 * path (no markers) on every corpus; kindsOfInterest.test.ts checks each marker against its rules' fixtures.
 */
export const KIND_MARKERS: ReadonlyMap<string, RegExp> = new Map([
  ['ConfigMap', /Corefile|\.server|cilium-config|svc|\\/],
  ['Deployment', /istiod|coredns|svc|\\/],
]);
