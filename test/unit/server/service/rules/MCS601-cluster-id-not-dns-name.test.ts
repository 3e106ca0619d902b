import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const prop = (value: string) =>
  `apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata: {name: cluster.clusterset.k8s.io}\nspec:\n  value: ${value}\n`;

test('MCS601 flags an id that is not a DNS subdomain as an Error on spec.value', () => {
  const d = lintOne(prop('Prod_EU_West'), 'MCS601');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [4, 9, 4, 21, 1]);
  assert.match(d[0].message, /not an RFC-1123 DNS subdomain.*such as prod-eu-west/);
});

test('MCS601 warns for ids longer than 63, 128 or more, and with three labels', () => {
  const [long] = lintOne(prop('a'.repeat(70)), 'MCS601');
  assert.equal(long.severity, 2);
  assert.match(long.message, /70 characters: it cannot be the multicluster\.kubernetes\.io\/source-cluster label value/);
  const [veryLong] = lintOne(prop('a'.repeat(130)), 'MCS601');
  assert.match(veryLong.message, /should be shorter than 128/);
  const [dotted] = lintOne(prop('east.prod.example'), 'MCS601');
  assert.equal(dotted.severity, 2);
  assert.match(dotted.message, /not one DNS label or two joined by a dot/);
});

test('MCS601 accepts a label, two labels, a kube-system UID; ignores other properties', () => {
  for (const v of ['east', 'east.aws', '9d2b3e40-5c1a-4b8e-8f4e-2a1b3c4d5e6f'])
    assert.deepEqual(lintOne(prop(v), 'MCS601'), [], v);
  assert.deepEqual(
    lintOne(
      'apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata: {name: region.example.com}\nspec: {value: EU_West}\n',
      'MCS601',
    ),
    [],
  );
});
