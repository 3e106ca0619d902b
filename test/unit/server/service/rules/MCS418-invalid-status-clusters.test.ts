import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith } from '../../../../helpers/lint';

const HEAD =
  'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\nspec: {type: ClusterSetIP, ports: [{port: 80}]}\n';
const FIXTURE = 'test/fixtures/import.yaml';
const inFixture = (text: string) => diagnosticsOf(serviceWith({ [FIXTURE]: text }), FIXTURE, 'MCS418');
const at = (d: ReturnType<typeof lintOne>) => d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]);

test('MCS418 flags a cluster id that is not a DNS label and its duplicate, as Errors in fixtures', () => {
  const d = inFixture(`${HEAD}status:\n  clusters: [{cluster: East_1}, {cluster: East_1}]\n`);
  assert.deepEqual(at(d), [
    [5, 23, 5, 29, 1],
    [5, 42, 5, 48, 1],
    [5, 42, 5, 48, 1],
  ]);
  assert.match(d[0].message, /status\.clusters\[0\]\.cluster "East_1" is not an RFC 1123 DNS label/);
  assert.match(d[2].message, /status\.clusters\[1\] repeats cluster "East_1" \(also at \[0\]\): cluster is the list-map key/);
});

test('MCS418 is a Warning outside fixtures', () => {
  const d = lintOne(`${HEAD}status:\n  clusters: [{cluster: east}, {cluster: east}]\n`, 'MCS418');
  assert.deepEqual(
    d.map((x) => x.severity),
    [2],
  );
});

test('MCS418 flags entries without a cluster string', () => {
  const d = inFixture(`${HEAD}status:\n  clusters:\n  - name: east\n  - cluster: 42\n  - west\n`);
  assert.deepEqual(
    d.map((x) => x.line),
    [6, 7, 8],
  );
  assert.match(d[0].message, /status\.clusters\[0\] has no cluster field/);
  assert.match(d[1].message, /has cluster number 42 instead of a cluster id string/);
  assert.match(d[2].message, /must be a mapping with a cluster field/);
});

test('MCS418 accepts distinct DNS-label cluster ids', () => {
  assert.deepEqual(inFixture(`${HEAD}status:\n  clusters: [{cluster: east}, {cluster: west-2}]\n`), []);
});
