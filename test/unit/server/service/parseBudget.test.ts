import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../../server/src/service/languageService';

// With a parse budget (the editor's setting) a huge file is parsed in steps: each step parses at least one
// document, says how many are left, and the findings complete once every document is parsed.
const exportDoc = (i: number): string =>
  `apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web${i}, namespace: shop}\n`;
const text = [0, 1, 2, 3].map(exportDoc).join('---\n');
const uri = 'file:///w/big.yaml';

test('a budget that is always spent parses one document per step and reports the rest as pending', () => {
  const s = createLanguageService({ parseBudgetMs: -1 });
  s.setFile(uri, text, 1);
  assert.equal(s.deferredCount(uri), 3);
  let d = s.validate(uri).diagnostics;
  assert.equal(d.filter((x) => x.code === 'MCS001').length, 1);
  const pending = d.find((x) => x.code === 'BUDGET');
  assert.match(pending?.message ?? '', /has not parsed 3 of 4 documents/);
  assert.equal(pending?.range.start.line, 3, 'points at the first document not parsed yet (its --- line)');

  let steps = 0;
  while (s.deferredCount(uri) > 0 && steps < 10) {
    s.continueParsing(uri);
    steps++;
  }
  assert.equal(steps, 3);
  d = s.validate(uri).diagnostics;
  assert.equal(d.filter((x) => x.code === 'MCS001').length, 4);
  assert.equal(d.filter((x) => x.code === 'BUDGET').length, 0);
  assert.equal(s.continueParsing(uri), false);
});

test('without a budget (the CLI) everything is parsed at once', () => {
  const s = createLanguageService();
  s.setFile(uri, text, 1);
  assert.equal(s.deferredCount(uri), 0);
  assert.equal(s.validate(uri).diagnostics.filter((x) => x.code === 'MCS001').length, 4);
});

test('an edit keeps the documents already parsed and parses the changed one first', () => {
  const s = createLanguageService({ parseBudgetMs: -1 });
  s.setFile(uri, text, 1);
  while (s.deferredCount(uri) > 0) s.continueParsing(uri);
  s.setFile(uri, text.replace('web3', 'web33'), 2);
  assert.equal(s.deferredCount(uri), 0);
  assert.match(
    s
      .validate(uri)
      .diagnostics.map((x) => x.message)
      .join('\n'),
    /ServiceExport uses unknown API group/,
  );
});
