import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const crd = (alphaServed: string, betaServed: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: serviceimports.multicluster.x-k8s.io}
spec:
  versions:
  - {name: v1alpha1, served: ${alphaServed}, storage: false}
  - {name: v1beta1, served: ${betaServed}, storage: true}
`;

test('MCS907 flags an unserved v1alpha1 on its served value', () => {
  const d = lintOne(crd('false', 'true'), 'MCS907');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [5, 29, 5, 34, 2]);
  assert.match(d[0].message, /does not serve v1alpha1: CoreDNS, Istio/);
});

test('MCS907 requires v1beta1 only in the cilium profile', () => {
  assert.deepEqual(lintOne(crd('true', 'false'), 'MCS907'), []);
  const [d] = lintOne(crd('true', 'false'), 'MCS907', { implementation: 'cilium' });
  assert.match(d.message, /does not serve v1beta1: Cilium 1\.20/);
  const onlyAlpha =
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: serviceexports.multicluster.x-k8s.io}\nspec:\n  versions:\n  - {name: v1alpha1, served: true, storage: true}\n';
  const [e] = lintOne(onlyAlpha, 'MCS907', { implementation: 'cilium' });
  assert.deepEqual([e.line, e.character], [4, 2]);
});

test('MCS907 accepts both versions served and ignores other CRDs', () => {
  assert.deepEqual(lintOne(crd('true', 'true'), 'MCS907', { implementation: 'cilium' }), []);
  assert.deepEqual(
    lintOne(crd('false', 'false').replace('serviceimports.multicluster.x-k8s.io', 'widgets.example.com'), 'MCS907'),
    [],
  );
});
