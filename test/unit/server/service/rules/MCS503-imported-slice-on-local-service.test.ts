import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const slice = (serviceName: string) =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: web-east\n  labels:\n    kubernetes.io/service-name: ${serviceName}\n    multicluster.kubernetes.io/service-name: web\n    multicluster.kubernetes.io/source-cluster: east\n    endpointslice.kubernetes.io/managed-by: my-mcs-controller\n`;

test('MCS503 flags an imported slice attached to the local Service', () => {
  const d = lintOne(slice('web'), 'MCS503');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [5, 32, 5, 35, 2]);
  assert.match(d[0].message, /endpoints of cluster east.*cluster\.local traffic to remote endpoints/);
});

test('MCS503 accepts slices attached to a derived Service', () => {
  assert.deepEqual(lintOne(slice('derived-vm0kqc8pmf'), 'MCS503'), []);
});
