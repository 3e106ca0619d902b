import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const text =
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns}\ndata:\n  Corefile: |-\n    .:53 {\n        multicluster cluster.local.\n    }\n';

test('MCS803 flags multicluster on cluster.local with a fix to clusterset.local', () => {
  const d = lintOne(text, 'MCS803');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [6, 21, 6, 35, 1]);
  assert.match(d[0].message, /pointed at cluster\.local\., the cluster domain/);
  const s = serviceWith({ 'a.yaml': text });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS803');
  const fix = s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title === 'Use clusterset.local');
  assert.deepEqual(fix?.edit?.changes?.[uriOf('a.yaml')], [{ range: diags[0].range, newText: 'clusterset.local' }]);
});

test('MCS803 accepts the clusterset zone', () => {
  assert.deepEqual(lintOne(text.replace('cluster.local.', 'clusterset.local'), 'MCS803'), []);
});

test('MCS803 can be suppressed by a comment line inside the Corefile', () => {
  const withComment = text.replace('        multicluster', '        # clusterset-disable-next-line MCS803\n        multicluster');
  assert.deepEqual(lintOne(withComment, 'MCS803'), []);
  assert.equal(lintOne(withComment.replace('MCS803\n', 'MCS801\n'), 'MCS803').length, 1);
});
