import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentCache, parseFile } from '../../../../../server/src/service/parse/parsedFile';

test('parseFile re-parses only the documents whose text changed', () => {
  const cache = new DocumentCache();
  const v1 = parseFile('u', 'kind: Service\nmetadata: {name: a}\n---\nkind: ServiceExport\nmetadata: {name: a}\n', 1, cache);
  const v2 = parseFile('u', 'kind: Service\nmetadata: {name: a}\n---\nkind: ServiceExport\nmetadata: {name: b}\n', 2, cache);
  assert.equal(v2.documents[0].doc, v1.documents[0].doc, 'unchanged document reused');
  assert.notEqual(v2.documents[1].doc, v1.documents[1].doc);
});

test('documents of no interest are not parsed; syntax errors are kept with ranges inside the text', () => {
  const f = parseFile('u', 'kind: Deploymentx\nfoo: [\n---\nkind: ServiceExport\na: b: c\n', 1);
  assert.equal(f.documents[0].doc.skipped, true);
  const d = f.documents[1].doc;
  assert.equal(d.skipped, false);
  assert.ok(d.syntaxProblems.length > 0);
  for (const p of d.syntaxProblems) assert.ok(p.start >= 0 && p.end <= d.text.length);
});

test('duplicate keys are reported and alias bombs cost nothing', () => {
  const dup = parseFile('u', 'kind: ServiceExport\nkind: ServiceImport\n', 1).documents[0].doc;
  assert.ok(dup.syntaxProblems.some((p) => p.code === 'DUPLICATE_KEY'));
  let bomb = 'kind: ServiceExport\na0: &a0 [x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 30; i++)
    bomb += `a${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  const t = performance.now();
  const f = parseFile('u', bomb, 1);
  assert.equal(f.documents[0].doc.kind, 'ServiceExport');
  assert.ok(performance.now() - t < 5000);
});
