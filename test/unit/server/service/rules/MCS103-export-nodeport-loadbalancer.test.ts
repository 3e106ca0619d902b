import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const svc = (type: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {type: ${type}, selector: {app: web}, ports: [{port: 80}]}\n---\n`;
const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

test('MCS103 is a Hint for an exported LoadBalancer Service', () => {
  const d = lintOne(svc('LoadBalancer') + EXPORT, 'MCS103');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endCharacter, d[0].severity], [7, 17, 20, 4]);
  assert.match(d[0].message, /imported as a ClusterSetIP service; its load balancer and node ports are not part of the import/);
});

test('MCS103 is an Error in the submariner profile', () => {
  const [d] = lintOne(svc('NodePort') + EXPORT, 'MCS103', { implementation: 'submariner' });
  assert.equal(d.severity, 1);
  assert.match(d.message, /type NodePort: Submariner Lighthouse exports only ClusterIP Services .*UnsupportedServiceType/);
});

test('MCS103 is quiet for ClusterIP', () => {
  assert.deepEqual(lintOne(svc('ClusterIP') + EXPORT, 'MCS103'), []);
});
