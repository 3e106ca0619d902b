import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const slice = (managedBy: string) =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: web-east\n  labels:\n    multicluster.kubernetes.io/service-name: web\n    multicluster.kubernetes.io/source-cluster: east\n    endpointslice.kubernetes.io/managed-by: ${managedBy}\n`;

test('MCS502 flags managed-by endpointslice-controller.k8s.io on an MCS slice, on the value', () => {
  const d = lintOne(slice('endpointslice-controller.k8s.io'), 'MCS502');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [7, 44, 7, 75, 1]);
  assert.match(d[0].message, /rewrites or deletes it/);
});

test('MCS502 accepts an MCS controller and ignores non-MCS slices', () => {
  assert.deepEqual(lintOne(slice('endpointslice-mesh-controller.cilium.io'), 'MCS502'), []);
  const plain =
    'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: web-abc\n  labels: {kubernetes.io/service-name: web, endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io}\n';
  assert.deepEqual(lintOne(plain, 'MCS502'), []);
});
