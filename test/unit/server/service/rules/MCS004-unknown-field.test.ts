import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith } from '../../../../helpers/lint';
import { applyFix, fixTitles } from '../../../../helpers/quickFix';

const SE = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const SI = 'apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';

test('MCS004 explains spec.serviceName on a ServiceExport: mapping is by name only', () => {
  const d = lintOne(`${SE}spec:\n  serviceName: web\n`, 'MCS004');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [4, 2, 4, 13, 1]);
  assert.match(
    d[0].message,
    /^Unknown field "serviceName" in ServiceExport spec: a ServiceExport has no reference field: it exports the Service with the same metadata\.name/,
  );
  assert.match(d[0].message, /rejects the object under strict field validation/);
  const [s] = lintOne(`${SE}spec:\n  service: web\n`, 'MCS004');
  assert.match(s.message, /"service" in ServiceExport spec: a ServiceExport has no reference field/);
});

test('MCS004 follows clusterset.unknownFieldSeverity', () => {
  const [d] = lintOne(`${SE}spec:\n  serviceName: web\n`, 'MCS004', { unknownFieldSeverity: 'warning' });
  assert.equal(d.severity, 2);
});

test('MCS004 turns the KEP alpha field spec.ip into the list spec.ips', () => {
  const text = `${SI}spec:\n  type: ClusterSetIP\n  ip: 10.0.0.1\n  ports: [{port: 80}]\n`;
  const [d] = lintOne(text, 'MCS004');
  assert.deepEqual([d.line, d.character, d.endCharacter], [5, 2, 4]);
  assert.match(d.message, /"ip" in ServiceImport spec: the KEP's alpha field spec\.ip became the list spec\.ips/);
  const fixed = applyFix(serviceWith({ 'i.yaml': text }), 'i.yaml', 'MCS004', 'Replace with ips: [10.0.0.1]');
  assert.equal(fixed, `${SI}spec:\n  type: ClusterSetIP\n  ips: [10.0.0.1]\n  ports: [{port: 80}]\n`);
  assert.deepEqual(lintOne(fixed, 'MCS004'), []);
});

test('MCS004 flags ports[].targetPort on a ServiceImport with the reason', () => {
  const [d] = lintOne(`${SI}spec:\n  type: ClusterSetIP\n  ports:\n  - port: 80\n    targetPort: 8080\n`, 'MCS004');
  assert.deepEqual([d.line, d.character, d.endCharacter], [7, 4, 14]);
  assert.match(
    d.message,
    /"targetPort" in ServiceImport spec\.ports\[0\]: a ServiceImport has no targetPort: target ports stay on each exporting cluster's Service/,
  );
});

test('MCS004 suggests the closest field for a misspelling and renames it', () => {
  const text = `${SI}spec:\n  type: ClusterSetIP\n  ports:\n  - port: 80\n    protocl: TCP\n  sesionAffinity: None\n`;
  const d = lintOne(text, 'MCS004');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endCharacter]),
    [
      [8, 2, 16],
      [7, 4, 11],
    ],
  );
  assert.match(d[0].message, /"sesionAffinity" in ServiceImport spec; did you mean "sessionAffinity"\?/);
  assert.match(d[1].message, /"protocl" in ServiceImport spec\.ports\[0\]; did you mean "protocol"\?/);
  const s = serviceWith({ 'i.yaml': text });
  const fixed = applyFix(s, 'i.yaml', 'MCS004', 'Rename protocl to protocol');
  assert.match(fixed, /\n {4}protocol: TCP\n/);
});

test('MCS004 checks top-level keys and metadata, in flow style too', () => {
  const d = lintOne('apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetdata: {name: web}\n', 'MCS004');
  assert.deepEqual([d[0].line, d[0].character, d[0].endCharacter], [2, 0, 7]);
  assert.match(d[0].message, /"metdata" in ServiceExport; did you mean "metadata"\?/);
  const [f] = lintOne(
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namspace: shop, label: {a: b}}\n',
    'MCS004',
  );
  assert.deepEqual([f.line, f.character, f.endCharacter], [2, 22, 30]);
  assert.match(f.message, /did you mean "namespace"/);
});

test('MCS004 lists the known fields when nothing is close', () => {
  const [d] = lintOne(`${SE}spec:\n  replicas: 3\n`, 'MCS004');
  assert.match(d.message, /Known fields here: exportedLabels, exportedAnnotations\./);
  assert.deepEqual(fixTitles(serviceWith({ 'e.yaml': `${SE}spec:\n  replicas: 3\n` }), 'e.yaml', 'MCS004'), [
    'Suppress MCS004 on this line',
  ]);
});

test('MCS004 accepts every known field, free-form maps and server-set metadata', () => {
  const text = `apiVersion: multicluster.x-k8s.io/v1beta1
kind: ServiceImport
metadata:
  name: web
  namespace: shop
  labels: {anything: goes, "x/y": z}
  annotations: {a: b}
  uid: 0f6c
  resourceVersion: "12"
  creationTimestamp: null
  managedFields: [{manager: kubectl, operation: Apply, fieldsV1: {f:spec: {}}}]
  ownerReferences: [{apiVersion: v1, kind: Service, name: web, uid: x, controller: true}]
spec:
  type: ClusterSetIP
  ips: [10.0.0.1]
  ipFamilies: [IPv4]
  ports: [{name: http, port: 80, protocol: TCP, appProtocol: http}]
  sessionAffinity: ClientIP
  sessionAffinityConfig: {clientIP: {timeoutSeconds: 100}}
  internalTrafficPolicy: Cluster
  trafficDistribution: PreferSameZone
status:
  clusters: [{cluster: east}]
  conditions: [{type: Ready, status: "True", reason: Ready, message: ok, lastTransitionTime: "2026-01-01T00:00:00Z", observedGeneration: 1}]
  endpointSliceObjects: Present
`;
  assert.deepEqual(lintOne(text, 'MCS004'), []);
});

test('MCS004 validates the ClusterSet file, with specific hints', () => {
  const text =
    'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata: {name: prod}\nspec:\n  globalnet: {enabled: true}\n  clusters:\n  - name: east\n    podCIDR: [10.0.0.0/16]\n';
  const d = lintOne(text, 'MCS004');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endCharacter]),
    [
      [4, 2, 11],
      [7, 4, 11],
    ],
  );
  assert.match(
    d[0].message,
    /"globalnet" in ClusterSet spec: Globalnet is configured with spec\.overlap \{mode: globalnet, globalnetCIDR\}/,
  );
  assert.match(d[1].message, /did you mean "podCIDRs"/);
});

test("MCS004 leaves other groups' ClusterSet kinds and GKE's net.gke.io alone, and checks ClusterProperty", () => {
  assert.deepEqual(
    lintOne('apiVersion: multicluster.crd.antrea.io/v1alpha2\nkind: ClusterSet\nspec: {leaders: [{clusterID: a}]}\n', 'MCS004'),
    [],
  );
  assert.deepEqual(
    lintOne(
      'apiVersion: net.gke.io/v1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\nspec: {whatever: 1}\n',
      'MCS004',
    ),
    [],
  );
  const [p] = lintOne(
    'apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata: {name: clusterset.k8s.io}\nspec: {valeu: prod}\n',
    'MCS004',
  );
  assert.match(p.message, /"valeu" in ClusterProperty spec; did you mean "value"\?/);
});

test('MCS004 can be suppressed on the line', () => {
  assert.deepEqual(lintOne(`${SE}spec:\n  # clusterset-disable-next-line MCS004\n  serviceName: web\n`, 'MCS004'), []);
});
