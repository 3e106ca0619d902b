import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

test('MCS001 flags the KEP example group on apiVersion with the exact range', () => {
  const text = 'apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
  const d = lintOne(text, 'MCS001');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [0, 12, 0, 40, 1]);
  assert.match(d[0].message, /unknown API group\/version "multicluster\.k8s\.io\/v1alpha1"/);
  assert.match(d[0].message, /Use multicluster\.x-k8s\.io\/v1alpha1/);
});

test('MCS001 accepts v1alpha1 and v1beta1 of multicluster.x-k8s.io for both kinds', () => {
  for (const kind of ['ServiceExport', 'ServiceImport'])
    for (const v of ['v1alpha1', 'v1beta1']) {
      assert.deepEqual(
        lintOne(`apiVersion: multicluster.x-k8s.io/${v}\nkind: ${kind}\nmetadata: {name: web, namespace: shop}\n`, 'MCS001'),
        [],
      );
    }
});

test('MCS001 flags a wrong version and keeps a real version in the suggestion', () => {
  const [d] = lintOne('apiVersion: multicluster.x-k8s.io/v1\nkind: ServiceImport\n', 'MCS001');
  assert.match(d.message, /serves only v1alpha1 and v1beta1/);
  const [e] = lintOne('apiVersion: multicluster.k8s.io/v1beta1\nkind: ServiceImport\n', 'MCS001');
  assert.match(e.message, /Use multicluster\.x-k8s\.io\/v1beta1/);
});

test('MCS001 suggests net.gke.io/v1 in the gke profile and accepts it', () => {
  const [d] = lintOne('apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\n', 'MCS001', { implementation: 'gke' });
  assert.match(d.message, /Use net\.gke\.io\/v1/);
  assert.deepEqual(lintOne('apiVersion: net.gke.io/v1\nkind: ServiceExport\n', 'MCS001', { implementation: 'gke' }), []);
});

test('MCS001 finds the document inside a multi-document file at the right line', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: foo/v1\nkind: ServiceExport\n';
  const d = lintOne(text, 'MCS001');
  assert.equal(d.length, 1);
  assert.equal(d[0].line, 4);
});

test('MCS001 quick fix replaces the apiVersion value', () => {
  const s = serviceWith({ 'a.yaml': 'apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\n' });
  const diags = s.validate(uriOf('a.yaml')).diagnostics;
  const actions = s.codeActions(uriOf('a.yaml'), diags[0].range, diags);
  const fix = actions.find((a) => a.title.startsWith('Change apiVersion'));
  assert.ok(fix, 'quick fix offered');
  assert.equal(fix.isPreferred, true);
  const edits = fix.edit?.changes?.[uriOf('a.yaml')];
  assert.deepEqual(edits, [
    { range: { start: { line: 0, character: 12 }, end: { line: 0, character: 40 } }, newText: 'multicluster.x-k8s.io/v1alpha1' },
  ]);
  assert.ok(actions.some((a) => a.title === 'Suppress MCS001 on this line'));
});

test('MCS001 can be suppressed by comment and by annotation', () => {
  assert.deepEqual(lintOne('# clusterset-disable-next-line MCS001\napiVersion: foo/v1\nkind: ServiceExport\n', 'MCS001'), []);
  assert.deepEqual(lintOne('# clusterset-disable MCS001\napiVersion: foo/v1\nkind: ServiceExport\n', 'MCS001'), []);
  assert.deepEqual(
    lintOne('apiVersion: foo/v1\nkind: ServiceExport\nmetadata:\n  annotations: {clusterset.dev/disable: "MCS001"}\n', 'MCS001'),
    [],
  );
  assert.equal(lintOne('# clusterset-disable-next-line MCS101\napiVersion: foo/v1\nkind: ServiceExport\n', 'MCS001').length, 1);
});
