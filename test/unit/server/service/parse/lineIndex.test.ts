import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../../../../server/src/service/parse/lineIndex';

test('LineIndex ends lines at \\n, \\r\\n and a lone \\r, like LSP and the editor', () => {
  const text = 'a: 1\nb: 2\r\nc: 3\rd: 4';
  const lines = new LineIndex(text);
  const lsp = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  assert.equal(lines.lineCount, 4);
  for (let o = 0; o <= text.length; o++) {
    if (text[o] === '\n' && text[o - 1] === '\r') continue; // inside a CRLF: see the next test
    assert.deepEqual(lines.positionAt(o), lsp.positionAt(o), `offset ${o}`);
  }
  assert.equal(lines.offsetAt({ line: 3, character: 0 }), text.indexOf('d'));
});

test('LineIndex: an offset between the \\r and \\n of a CRLF maps to the end of its line', () => {
  const lines = new LineIndex('ab\r\ncd');
  assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
  assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
});
