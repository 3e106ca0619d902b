import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith, uriOf } from '../../../../helpers/lint';

const role = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: system:coredns}
rules:
- {apiGroups: [""], resources: [services, endpoints, namespaces, pods], verbs: [list, watch]}
- {apiGroups: [discovery.k8s.io], resources: [endpointslices], verbs: [list, watch]}
`;
const exportText = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

test('MCS804 flags system:coredns without serviceimports access, with a fix that adds the rule', () => {
  const s = serviceWith({ 'rbac.yaml': role, 'export.yaml': exportText });
  const diags = s.validate(uriOf('rbac.yaml')).diagnostics.filter((x) => x.code === 'MCS804');
  assert.equal(diags.length, 1);
  assert.deepEqual(diags[0].range, { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } });
  assert.equal(diags[0].severity, 2);
  assert.match(diags[0].message, /does not grant list and watch on serviceimports in multicluster\.x-k8s\.io/);
  const fix = s.codeActions(uriOf('rbac.yaml'), diags[0].range, diags).find((a) => a.title.startsWith('Grant'));
  assert.deepEqual(fix?.edit?.changes?.[uriOf('rbac.yaml')], [
    {
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
      newText: '- apiGroups: [multicluster.x-k8s.io]\n  resources: [serviceimports]\n  verbs: [list, watch]\n',
    },
  ]);
});

test('MCS804 names only the missing verb', () => {
  const partial = `${role}- {apiGroups: [multicluster.x-k8s.io], resources: [serviceimports], verbs: [list]}\n`;
  assert.match(
    diagnosticsOf(serviceWith({ 'rbac.yaml': partial, 'export.yaml': exportText }), 'rbac.yaml', 'MCS804')[0].message,
    /does not grant watch on/,
  );
});

test('MCS804 accepts a granted role, and stays quiet without MCS objects or in the submariner profile', () => {
  const granted = `${role}- {apiGroups: [multicluster.x-k8s.io], resources: [serviceimports, serviceexports], verbs: [list, watch]}\n`;
  assert.deepEqual(diagnosticsOf(serviceWith({ 'rbac.yaml': granted, 'export.yaml': exportText }), 'rbac.yaml', 'MCS804'), []);
  assert.deepEqual(diagnosticsOf(serviceWith({ 'rbac.yaml': role }), 'rbac.yaml', 'MCS804'), []);
  assert.deepEqual(
    diagnosticsOf(
      serviceWith({ 'rbac.yaml': role, 'export.yaml': exportText }, { implementation: 'submariner' }),
      'rbac.yaml',
      'MCS804',
    ),
    [],
  );
  const other = role.replace('system:coredns', 'view-services');
  assert.deepEqual(diagnosticsOf(serviceWith({ 'rbac.yaml': other, 'export.yaml': exportText }), 'rbac.yaml', 'MCS804'), []);
});
