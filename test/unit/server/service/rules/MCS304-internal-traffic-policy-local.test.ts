import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const SVC =
  'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  internalTrafficPolicy: Local\n  ports: [{port: 80}]\n';
const EXPORT = '---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

test('MCS304 warns on internalTrafficPolicy: Local of an exported Service', () => {
  const d = lintOne(SVC + EXPORT, 'MCS304');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endCharacter, x.severity]),
    [[4, 25, 30, 2]],
  );
  assert.match(d[0].message, /callers in other clusters have none there; cross-cluster traffic is dropped/);
});

test('MCS304 ignores Services that are not exported', () => {
  assert.deepEqual(lintOne(SVC, 'MCS304'), []);
});
