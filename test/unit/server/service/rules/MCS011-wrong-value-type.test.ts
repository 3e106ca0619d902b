import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith } from '../../../../helpers/lint';
import { applyFix } from '../../../../helpers/quickFix';

const SI = 'apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const SE = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const spec = (extra: string) => `${SI}spec:\n  type: ClusterSetIP\n  ports: [{port: 80}]\n${extra}`;

test("MCS011 reports the issue's whole-value types in the API server's words", () => {
  const ips = lintOne(spec('  ips: 10.0.0.1\n'), 'MCS011');
  assert.deepEqual(
    ips.map((d) => [d.line, d.character, d.endCharacter, d.severity]),
    [[6, 7, 15, 1]],
  );
  assert.match(
    ips[0].message,
    /^spec\.ips is the string "10\.0\.0\.1", but the CRD declares an array: the API server rejects the ServiceImport \("spec\.ips in body must be of type array: \\"string\\""\)/,
  );
  assert.match(
    lintOne(`${SI}spec: {type: ClusterSetIP, ports: [80]}\n`, 'MCS011')[0].message,
    /spec\.ports\[0\] in body must be of type object: \\"integer\\"/,
  );
  assert.match(
    lintOne(`${SE}spec: {exportedLabels: [a]}\n`, 'MCS011')[0].message,
    /spec\.exportedLabels in body must be of type object: \\"array\\"/,
  );
  assert.match(
    lintOne(`${SI}spec: {type: ClusterSetIP, ports: [{port: 80, appProtocol: 8080}]}\n`, 'MCS011')[0].message,
    /appProtocol in body must be of type string: \\"integer\\"/,
  );
  assert.match(lintOne(`${SE}spec: web\n`, 'MCS011')[0].message, /spec in body must be of type object: \\"string\\"/);
});

test('MCS011 quick fixes: a single value becomes a list, a number meant as a string is quoted', () => {
  const s = serviceWith({ 'a.yaml': spec('  ips: 10.0.0.1\n') });
  assert.match(applyFix(s, 'a.yaml', 'MCS011', 'Make it a list: ["10.0.0.1"]'), /ips: \["10\.0\.0\.1"\]/);
  const t = serviceWith({ 'b.yaml': `${SI}spec: {type: ClusterSetIP, ports: [{port: 80, appProtocol: 8080}]}\n` });
  assert.match(applyFix(t, 'b.yaml', 'MCS011', 'Quote it: "8080"'), /appProtocol: "8080"/);
});

test('MCS011 follows what the server drops: nulls in mappings, status types (but not a mapping in status)', () => {
  assert.deepEqual(lintOne(spec('  ips: null\n  sessionAffinityConfig: ~\n'), 'MCS011'), []);
  assert.match(lintOne(spec('  ipFamilies: [null]\n'), 'MCS011')[0].message, /a null list item is not dropped/);
  assert.deepEqual(lintOne(spec('status: {clusters: east, conditions: 3}\n'), 'MCS011'), []);
  const inStatus = lintOne(spec('status: {clusters: [{cluster: {name: east}}]}\n'), 'MCS011');
  assert.equal(inStatus.length, 1);
  assert.match(
    inStatus[0].message,
    /status\.clusters\[0\]\.cluster is a mapping.*strict field validation .* reports the mapping's keys as unknown fields/,
  );
});

test('MCS011 speaks of kubectl for metadata, which kubectl decodes into ObjectMeta first', () => {
  const [d] = lintOne(
    `${SE.replace('metadata: {name: web, namespace: shop}\n', 'metadata:\n  name: web\n  labels: {tier: 1}\n')}`,
    'MCS011',
  );
  assert.match(
    d.message,
    /^metadata\.labels\.tier is an integer \(1\), but ObjectMeta declares a string: kubectl apply rejects the ServiceExport before sending it \(json: cannot unmarshal number into Go struct field ObjectMeta\.metadata\.labels\.tier of type string\)/,
  );
  assert.match(
    lintOne(`${SE.split('metadata')[0]}metadata: web\n`, 'MCS011')[0].message,
    /^metadata is the string "web", but ObjectMeta declares an object/,
  );
  assert.deepEqual(lintOne(`${SE.split('metadata')[0]}metadata:\n  name: web\n  creationTimestamp: null\n`, 'MCS011'), []);
});

test('MCS011 leaves types to the rules that own them, and checks nothing in GKE or ClusterSet files', () => {
  assert.deepEqual(lintOne(`${SI}spec: {type: ClusterSetIP, ports: [{port: "80"}]}\n`, 'MCS011'), []);
  assert.equal(lintOne(`${SI}spec: {type: ClusterSetIP, ports: [{port: "80"}]}\n`, 'MCS411').length, 1);
  assert.deepEqual(lintOne(`${SE}spec: {exportedLabels: {a: 1}}\n`, 'MCS011'), []);
  assert.deepEqual(
    lintOne(`apiVersion: net.gke.io/v1\nkind: ServiceImport\nmetadata: {name: web}\nspec: {ips: 1}\n`, 'MCS011'),
    [],
  );
});

test('MCS011 accepts well-typed objects', () => {
  assert.deepEqual(
    lintOne(
      spec('  ips: [10.0.0.1]\n  ipFamilies: [IPv4]\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 30}}\n'),
      'MCS011',
    ),
    [],
  );
});
