import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateMcsFile } from '../../../../../bench/generate';
import { parseDocumentText, type ParseOptions } from '../../../../../server/src/service/parse/parsedDocument';
import { DocumentCache, parseFile } from '../../../../../server/src/service/parse/parsedFile';
import { generateDocument, rng } from './fastTreeGen';

// The `fastParse` option: on (the default) or off, every parsed document is the same, whatever the mode.

const ROOT = join(__dirname, '../../../../..');

function realWorldTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(ROOT, 'test/fixtures/real-world'));
  return out;
}

const modes: ParseOptions[] = [{}, { syntaxOfAll: true }, { force: true }];

test('parseFile gives the same documents with and without the fast path (bench file, real-world fixtures, random files)', () => {
  const r = rng(99);
  const random = Array.from({ length: 40 }, () =>
    Array.from({ length: 1 + Math.floor(r() * 12) }, () => generateDocument(r)).join('---\n'),
  );
  const texts = [generateMcsFile(3_000).text, ...realWorldTexts(), ...random];
  for (const mode of modes) {
    for (const text of texts) {
      const fast = parseFile('u', text, 1, new DocumentCache({ ...mode, fastParse: true }));
      const plain = parseFile('u', text, 1, new DocumentCache({ ...mode, fastParse: false }));
      assert.deepStrictEqual(fast, plain);
    }
  }
});

test('parseDocumentText: a document of no interest parsed for its syntax only reports the same problems either way', () => {
  const cases = ['kind: ConfigMap\ndata:\n  a: b\n', 'kind: ConfigMap\ndata:\n  a: b\n  a: c\n', 'kind: Pod\nspec: [\n'];
  for (const text of cases) {
    assert.deepStrictEqual(
      parseDocumentText(text, { syntaxOfAll: true }),
      parseDocumentText(text, { syntaxOfAll: true, fastParse: false }),
    );
  }
  assert.equal(parseDocumentText(cases[1], { syntaxOfAll: true }).syntaxProblems[0]?.code, 'DUPLICATE_KEY');
});
