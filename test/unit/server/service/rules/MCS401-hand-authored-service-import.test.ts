import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith } from '../../../../helpers/lint';

const IMPORT =
  'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\nspec: {type: ClusterSetIP, ports: [{port: 80, protocol: TCP}]}\n';

test('MCS401 warns on a hand-authored ServiceImport and names the controller that owns it', () => {
  const d = lintOne(IMPORT, 'MCS401', { implementation: 'cilium' });
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]),
    [[1, 6, 1, 19, 2]],
  );
  assert.match(
    d[0].message,
    /ServiceImport shop\/web is written by hand: Cilium ClusterMesh owns ServiceImports and will overwrite or delete this one/,
  );
  assert.match(d[0].message, /ServiceExport/);
  assert.match(lintOne(IMPORT, 'MCS401', { implementation: 'submariner' })[0].message, /Submariner Lighthouse agent/);
});

test('MCS401 is only a Hint in the generic profile, where the reference controller expects hand-made imports', () => {
  const d = lintOne(IMPORT, 'MCS401');
  assert.deepEqual(
    d.map((x) => [x.line, x.severity]),
    [[1, 4]],
  );
  assert.match(d[0].message, /reference controller/);
});

test('MCS401 stays quiet in test fixtures and can be suppressed', () => {
  for (const path of ['test/fixtures/web.yaml', 'testdata/import.yaml', 'e2e/web.yaml']) {
    assert.deepEqual(diagnosticsOf(serviceWith({ [path]: IMPORT }, { implementation: 'cilium' }), path, 'MCS401'), [], path);
  }
  const suppressed = IMPORT.replace('kind:', '# clusterset-disable-next-line MCS401\nkind:');
  assert.deepEqual(lintOne(suppressed, 'MCS401', { implementation: 'cilium' }), []);
});

test('MCS401 ignores ServiceExports', () => {
  assert.deepEqual(lintOne(IMPORT.replace('ServiceImport', 'ServiceExport'), 'MCS401', { implementation: 'cilium' }), []);
});

test('MCS401 stays quiet on a kubectl get -o yaml dump (server-written metadata)', () => {
  const dump = IMPORT.replace(
    'metadata: {name: web, namespace: shop}',
    'metadata: {name: web, namespace: shop, resourceVersion: "12"}',
  );
  assert.deepEqual(lintOne(dump, 'MCS401', { implementation: 'cilium' }), []);
});
