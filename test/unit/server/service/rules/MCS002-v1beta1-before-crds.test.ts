import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith } from '../../../../helpers/lint';
import { applyFix } from '../../../../helpers/quickFix';

const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

test('MCS002 is an error for v1beta1 when clusterset.crdVersion (a named release) predates v0.5.0, on the apiVersion value', () => {
  const d = lintOne(EXPORT, 'MCS002', { crdVersion: 'v0.4.1' });
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [0, 12, 0, 41, 1]);
  assert.match(d[0].message, /serve only from v0\.5\.0, but clusterset\.crdVersion is v0\.4\.1/);
  assert.match(d[0].message, /no matches for kind ServiceExport in version multicluster\.x-k8s\.io\/v1beta1/);
  assert.match(d[0].message, /Use multicluster\.x-k8s\.io\/v1alpha1 \(identical schema\)/);
});

test('MCS002 is silent for v1beta1 with v0.5.0+ or the latest CRDs, and for v1alpha1 with old CRDs', () => {
  assert.deepEqual(lintOne(EXPORT, 'MCS002', { crdVersion: 'v0.5.0' }), []);
  assert.deepEqual(lintOne(EXPORT, 'MCS002', { crdVersion: '0.6' }), []);
  assert.deepEqual(lintOne(EXPORT, 'MCS002'), []);
  assert.deepEqual(lintOne(EXPORT.replace('v1beta1', 'v1alpha1'), 'MCS002', { crdVersion: 'v0.1.0' }), []);
});

test('MCS002 uses the aws and submariner profiles when crdVersion is empty; an explicit crdVersion wins', () => {
  const [aws] = lintOne(EXPORT, 'MCS002', { implementation: 'aws' });
  assert.match(aws.message, /aws profile installs the Cloud Map controller's vendored v1alpha1-only CRDs/);
  const [sub] = lintOne(EXPORT.replace('ServiceExport', 'ServiceImport'), 'MCS002', { implementation: 'submariner' });
  assert.match(sub.message, /ServiceImport uses multicluster\.x-k8s\.io\/v1beta1.*submariner profile/);
  assert.deepEqual(lintOne(EXPORT, 'MCS002', { implementation: 'submariner', crdVersion: 'v0.5.0' }), []);
  assert.deepEqual(lintOne(EXPORT, 'MCS002', { implementation: 'cilium' }), []);
});

test('MCS002 takes the implementation from the workspace ClusterSet file', () => {
  const s = serviceWith({
    'set.yaml': 'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata: {name: prod}\nspec: {implementation: aws}\n',
    'e.yaml': EXPORT,
  });
  assert.equal(s.validate('file:///workspace/e.yaml').diagnostics.filter((d) => d.code === 'MCS002').length, 1);
});

test('MCS002 quick fix switches to v1alpha1 and the warning goes away', () => {
  const s = serviceWith({ 'e.yaml': EXPORT }, { crdVersion: 'v0.4.1' });
  const fixed = applyFix(s, 'e.yaml', 'MCS002', 'Change apiVersion to multicluster.x-k8s.io/v1alpha1');
  assert.equal(fixed, EXPORT.replace('v1beta1', 'v1alpha1'));
  assert.deepEqual(lintOne(fixed, 'MCS002', { crdVersion: 'v0.4.1' }), []);
});

test('MCS002 can be suppressed on the line', () => {
  assert.deepEqual(lintOne(`# clusterset-disable-next-line MCS002\n${EXPORT}`, 'MCS002', { crdVersion: 'v0.4.1' }), []);
});
