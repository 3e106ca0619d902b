import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitDocuments } from '../../../../../server/src/service/parse/splitDocuments';

test('splitDocuments keeps offsets and puts the marker line in the next document', () => {
  const text = 'a: 1\n---\nb: 2\n--- |\n  c\n';
  const chunks = splitDocuments(text);
  assert.deepEqual(
    chunks.map((c) => c.offset),
    [0, 5, 14],
  );
  assert.deepEqual(
    chunks.map((c) => c.text),
    ['a: 1\n', '---\nb: 2\n', '--- |\n  c\n'],
  );
  assert.equal(chunks.map((c) => c.text).join(''), text);
});

test('splitDocuments ignores indented dashes, `---x`, and a leading marker makes no empty chunk', () => {
  assert.equal(splitDocuments('---\na:\n  ---\nb: ---x\n---x: 1\n').length, 1);
  assert.equal(splitDocuments('\uFEFF---\na: 1\n---\r\nb: 1\n').length, 2);
  assert.deepEqual(splitDocuments(''), [{ offset: 0, text: '' }]);
});
