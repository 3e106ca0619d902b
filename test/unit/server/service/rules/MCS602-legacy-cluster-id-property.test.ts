import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const text = 'apiVersion: about.k8s.io/v1alpha1\nkind: ClusterProperty\nmetadata:\n  name: id.k8s.io\nspec: {value: east}\n';

test('MCS602 flags id.k8s.io on metadata.name with a rename fix', () => {
  const d = lintOne(text, 'MCS602');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [3, 8, 3, 17, 2]);
  assert.match(d[0].message, /legacy name.*Rename it to cluster\.clusterset\.k8s\.io/);
  const s = serviceWith({ 'a.yaml': text });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS602');
  const fix = s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title.startsWith('Rename'));
  assert.deepEqual(fix?.edit?.changes?.[uriOf('a.yaml')], [
    { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 17 } }, newText: 'cluster.clusterset.k8s.io' },
  ]);
});

test('MCS602 accepts the current name', () => {
  assert.deepEqual(lintOne(text.replace('id.k8s.io', 'cluster.clusterset.k8s.io'), 'MCS602'), []);
});
