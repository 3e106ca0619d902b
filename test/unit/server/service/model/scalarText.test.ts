import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scalarTextMap } from '../../../../../server/src/service/model/scalarText';
import { parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';
import { nodeAt } from '../../../../../server/src/service/parse/path';
import type { YScalar } from '../../../../../server/src/service/parse/yamlTree';

function mapOf(text: string, path: string[]) {
  const doc = parseDocumentText(text, { force: true });
  const scalar = nodeAt(doc.root, path) as YScalar;
  return { map: scalarTextMap(text, scalar), value: String(scalar.value) };
}

test('literal block: value offsets map to the indented source lines', () => {
  const text = 'kind: ConfigMap\ndata:\n  Corefile: |\n    .:53 {\n\n        errors\n    }\n';
  const { map, value } = mapOf(text, ['data', 'Corefile']);
  assert.ok(map.exact);
  const at = value.indexOf('errors');
  const s = map.span(at, at + 6);
  assert.equal(text.slice(s.start, s.end), 'errors');
});

test('plain and quoted scalars map exactly; escaped ones fall back to the whole scalar', () => {
  const plain = mapOf('kind: ConfigMap\ndata: {url: http://web.shop.svc}\n', ['data', 'url']);
  assert.deepEqual(plain.map.span(7, 10), { start: 35, end: 38 });
  const escaped = 'kind: ConfigMap\ndata: {url: "a\\tweb"}\n';
  const e = mapOf(escaped, ['data', 'url']);
  assert.equal(e.map.exact, false);
  assert.deepEqual(e.map.span(2, 5), { start: 28, end: 36 });
});
