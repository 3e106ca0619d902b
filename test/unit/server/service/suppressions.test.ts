// The `clusterset.dev/disable` annotation turns rules off for one object, however its key is spelt: the lookup is
// skipped only when the key's text cannot be in the document (no literal text, no escape that could spell it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../helpers/lint';

const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: web\n';

test('without the annotation the rule reports', () => {
  assert.equal(lintOne(EXPORT, 'MCS006').length, 1);
  // A backslash elsewhere only means the lookup runs: nothing changes.
  assert.equal(lintOne(`${EXPORT}  labels: {note: "a\\tb"}\n`, 'MCS006').length, 1);
});

for (const [how, key] of [
  ['plain', 'clusterset.dev/disable'],
  ['single-quoted', "'clusterset.dev/disable'"],
  ['double-quoted', '"clusterset.dev/disable"'],
  ['double-quoted with an escaped dot', '"clusterset\\x2edev/disable"'],
  ['double-quoted with a unicode escape', '"clusterset.dev\\u002Fdisable"'],
] as const) {
  test(`the annotation turns the rule off with a ${how} key`, () => {
    assert.deepEqual(lintOne(`${EXPORT}  annotations:\n    ${key}: "MCS006"\n`, 'MCS006'), []);
    // Only the rules it names: another id leaves MCS006 on.
    assert.equal(lintOne(`${EXPORT}  annotations:\n    ${key}: "MCS101"\n`, 'MCS006').length, 1);
  });
}
