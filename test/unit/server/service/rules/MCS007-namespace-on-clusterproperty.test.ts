import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith } from '../../../../helpers/lint';
import { applyFix } from '../../../../helpers/quickFix';

test('MCS007 warns on the namespace value of a ClusterProperty (catalogue example)', () => {
  const text =
    'apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata: {name: clusterset.k8s.io, namespace: kube-system}\nspec: {value: prod-set}\n';
  const d = lintOne(text, 'MCS007');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [2, 47, 2, 58, 2]);
  assert.match(
    d[0].message,
    /^ClusterProperty is cluster-scoped: metadata\.namespace "kube-system" is dropped by the API server/,
  );
  const fixed = applyFix(serviceWith({ 'p.yaml': text }), 'p.yaml', 'MCS007', 'Remove metadata.namespace');
  assert.equal(fixed, text.replace(', namespace: kube-system', ''));
  assert.deepEqual(lintOne(fixed, 'MCS007'), []);
});

test('MCS007 quick fix removes the whole namespace line in block style', () => {
  const text =
    'apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata:\n  namespace: default\n  name: cluster.clusterset.k8s.io\nspec:\n  value: east\n';
  assert.equal(
    applyFix(serviceWith({ 'p.yaml': text }), 'p.yaml', 'MCS007', 'Remove metadata.namespace'),
    text.replace('  namespace: default\n', ''),
  );
});

test('MCS007 is silent without a namespace and for namespaced kinds', () => {
  assert.deepEqual(
    lintOne(
      'apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata: {name: clusterset.k8s.io}\nspec: {value: x}\n',
      'MCS007',
    ),
    [],
  );
  assert.deepEqual(
    lintOne(
      'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n',
      'MCS007',
    ),
    [],
  );
});

test('MCS007 can be suppressed on the line', () => {
  assert.deepEqual(
    lintOne(
      'apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata:\n  name: x.example.com\n  # clusterset-disable-next-line MCS007\n  namespace: default\nspec: {value: x}\n',
      'MCS007',
    ),
    [],
  );
});
