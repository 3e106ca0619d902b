import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const prop = (name: string) =>
  `apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata:\n  name: ${name}\nspec: {value: eu-west-1}\n`;

test('MCS604 warns on reserved suffixes', () => {
  const d = lintOne(prop('region.k8s.io'), 'MCS604');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [3, 8, 3, 21, 2]);
  assert.match(d[0].message, /reserved suffix.*e\.g\. region\.example\.com/);
  assert.equal(lintOne(prop('zone.kubernetes.io'), 'MCS604').length, 1);
});

test('MCS604 hints at bare names', () => {
  const [d] = lintOne(prop('region'), 'MCS604');
  assert.equal(d.severity, 4);
  assert.match(d.message, /no domain suffix/);
});

test('MCS604 accepts well-known and suffixed names', () => {
  for (const n of ['cluster.clusterset.k8s.io', 'clusterset.k8s.io', 'id.k8s.io', 'region.example.com'])
    assert.deepEqual(lintOne(prop(n), 'MCS604'), [], n);
});
