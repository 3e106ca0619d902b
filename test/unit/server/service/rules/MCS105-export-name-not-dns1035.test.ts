import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const exp = (name: string) =>
  `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: ${name}\n  namespace: shop\n`;

test('MCS105 flags names no Service can have', () => {
  const d = lintOne(exp('web.v2'), 'MCS105');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endCharacter, x.severity]),
    [[3, 8, 14, 1]],
  );
  assert.match(d[0].message, /"web\.v2" can never match a Service: a Service name must be a DNS-1035 label/);
  assert.equal(lintOne(exp('9web'), 'MCS105').length, 1);
  assert.match(lintOne(exp('a'.repeat(64)), 'MCS105')[0].message, /has 64 characters/);
});

test('MCS105 accepts DNS-1035 labels', () => {
  assert.deepEqual(lintOne(exp('web-v2'), 'MCS105'), []);
  assert.deepEqual(lintOne(exp('a'.repeat(63)), 'MCS105'), []);
});
