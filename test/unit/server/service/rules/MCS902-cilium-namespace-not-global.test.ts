import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith, uriOf } from '../../../../helpers/lint';

const ns = (global: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, annotations: {clustermesh.cilium.io/global: "${global}"}}\n`;
const exportText = 'apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

test('MCS902 flags an export from a namespace annotated global "false" in the cilium profile', () => {
  const s = serviceWith({ 'a.yaml': `${ns('false')}---\n${exportText}` }, { implementation: 'cilium' });
  const d = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS902');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, { start: { line: 6, character: 33 }, end: { line: 6, character: 37 } });
  assert.equal(d[0].severity, 2);
  assert.match(d[0].message, /Valid=False \(NamespaceNotGlobal\)/);
  assert.deepEqual(d[0].relatedInformation?.[0].location.range.start, { line: 2, character: 67 });
});

test('MCS902 accepts a global namespace and other profiles', () => {
  assert.deepEqual(
    diagnosticsOf(serviceWith({ 'a.yaml': `${ns('true')}---\n${exportText}` }, { implementation: 'cilium' }), 'a.yaml', 'MCS902'),
    [],
  );
  assert.deepEqual(diagnosticsOf(serviceWith({ 'a.yaml': `${ns('false')}---\n${exportText}` }), 'a.yaml', 'MCS902'), []);
});
