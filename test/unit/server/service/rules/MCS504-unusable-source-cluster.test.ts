import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith } from '../../../../helpers/lint';

const slice = (cluster: string) =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: web-east\n  labels: {multicluster.kubernetes.io/source-cluster: ${cluster}}\n`;

test('MCS504 flags an ARN as source-cluster: invalid label value (Error)', () => {
  const d = lintOne(slice('"arn:aws:eks:eu-west-1:123:cluster/east"'), 'MCS504');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [4, 54, 4, 94, 1]);
  assert.match(d[0].message, /not a valid label value.*API server rejects/);
});

test('MCS504 warns when the value is not a declared cluster id', () => {
  const clusterSet =
    'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata: {name: prod}\nspec:\n  clusters:\n  - name: east\n  - name: west\n';
  const s = serviceWith({ 'clusterset.yaml': clusterSet, 'slice.yaml': slice('eats') });
  const d = diagnosticsOf(s, 'slice.yaml', 'MCS504');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 2);
  assert.match(d[0].message, /"eats" is not a cluster id of this clusterset \(known: east, west\)/);
  const ok = serviceWith({ 'clusterset.yaml': clusterSet, 'slice.yaml': slice('west') });
  assert.deepEqual(diagnosticsOf(ok, 'slice.yaml', 'MCS504'), []);
});

test('MCS504 accepts any valid value when no cluster ids are declared', () => {
  assert.deepEqual(lintOne(slice('east'), 'MCS504'), []);
});
