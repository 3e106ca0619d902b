import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

test('MCS104 warns on exports from kube-system and default', () => {
  const d = lintOne(
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: kube-dns, namespace: kube-system}\n',
    'MCS104',
  );
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endCharacter, d[0].severity], [2, 38, 49, 2]);
  assert.match(d[0].message, /Exporting kube-dns from the kube-system namespace: .*restrict exports from kube-system/);
  assert.equal(lintOne('kind: ServiceExport\nmetadata:\n  name: web\n  namespace: default\n', 'MCS104').length, 1);
});

test('MCS104 is quiet for other namespaces', () => {
  assert.deepEqual(lintOne('kind: ServiceExport\nmetadata: {name: web, namespace: shop}\n', 'MCS104'), []);
});
