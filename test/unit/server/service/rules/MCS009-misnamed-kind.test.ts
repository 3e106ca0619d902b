import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith } from '../../../../helpers/lint';

const META = 'metadata: {name: web, namespace: shop}\n';

test('MCS009: a kind in the wrong case gets "did you mean", pointing at the kind value', () => {
  const s = serviceWith({ 'a.yaml': `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: serviceexport\n${META}` });
  const d = diagnosticsOf(s, 'a.yaml', 'MCS009');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endCharacter, x.severity]),
    [[1, 6, 19, 1]],
  );
  assert.match(d[0].message, /kinds are case-sensitive.*Did you mean ServiceExport\?$/);
});

test('MCS009: an MCS apiVersion without a kind says what kubectl says and which kinds fit', () => {
  const s = serviceWith({ 'b.yaml': `apiVersion: multicluster.x-k8s.io/v1alpha1\n${META}` });
  const [d] = diagnosticsOf(s, 'b.yaml', 'MCS009');
  assert.match(
    d.message,
    /no kind: kubectl refuses it \("Object 'Kind' is missing"\)\. Add kind: ServiceExport or kind: ServiceImport\./,
  );
});

test('MCS009 stays quiet on another vendor’s ServiceExport and on a correct kind', () => {
  const s = serviceWith({
    'c.yaml': `apiVersion: networking.fleet.azure.com/v1alpha1\nkind: ServiceExport\n${META}`,
    'd.yaml': `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\n${META}`,
  });
  assert.deepEqual(diagnosticsOf(s, 'c.yaml', 'MCS009'), []);
  assert.deepEqual(diagnosticsOf(s, 'd.yaml', 'MCS009'), []);
});
