import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const head = 'apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata: {name: clusterset.k8s.io}\n';

test('MCS603 flags an empty value on the value', () => {
  const d = lintOne(`${head}spec: {value: ""}\n`, 'MCS603');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [3, 14, 3, 16, 1]);
  assert.match(d[0].message, /clusterset\.k8s\.io has an empty spec\.value.*rejects/);
});

test('MCS603 flags a missing value on the spec key, a missing spec on kind, and a number', () => {
  const [noValue] = lintOne(`${head}spec: {}\n`, 'MCS603');
  assert.deepEqual([noValue.line, noValue.character, noValue.endCharacter], [3, 0, 4]);
  assert.match(noValue.message, /has no spec\.value/);
  const [noSpec] = lintOne(head, 'MCS603');
  assert.deepEqual([noSpec.line, noSpec.character], [1, 0]);
  const [num] = lintOne(`${head}spec: {value: 42}\n`, 'MCS603');
  assert.match(num.message, /is a number.*Quote it: "42"/);
});

test('MCS603 accepts a non-empty string', () => {
  assert.deepEqual(lintOne(`${head}spec: {value: prod}\n`, 'MCS603'), []);
  assert.deepEqual(lintOne(`${head}spec: {value: "42"}\n`, 'MCS603'), []);
});

test('MCS603 on an unquoted YAML 1.1 boolean value says how kubectl reads it and gives the fix once', () => {
  const [d] = lintOne(`${head}spec:\n  value: yes\n`, 'MCS603');
  assert.match(d.message, /is a boolean \(`yes` is the boolean true for kubectl \(YAML 1\.1\)\), but the CRD declares a string/);
  assert.equal(d.message.match(/quote it/gi)?.length, 1);
});
