import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateMcsFile } from '../../../../../bench/generate';
import { generateGitopsRepo } from '../../../../../bench/gitops';
import { fastChecks, fastScans, fastTree } from '../../../../../server/src/service/parse/fastTree';
import { splitDocuments } from '../../../../../server/src/service/parse/splitDocuments';
import { generateDocument, mutate, rng } from './fastTreeGen';
import { checkAgainstPlain } from './fastTreeOracle';

// The scan (fastScans) is the syntax check of the documents no rule reads, building no node, pair or string:
// it must answer as the check that builds them (fastChecks, itself equal to fastTree's taking the document)
// wherever it answers, and it answers undefined only where it cannot compare keys without building them.

const cases: Record<string, [text: string, scan: boolean | undefined]> = {
  'duplicate plain keys': ['a: 1\nb: 2\na: 3\n', false],
  'a quoted key equal to a plain one': ['a: 1\n"a": 2\n', false],
  'a single-quoted key equal to a plain one': ["a: 1\n'a': 2\n", false],
  'keys of equal length, different text': ['ab: 1\nba: 2\naa: 3\n', true],
  'the same keys in nested maps': ['a:\n  a:\n    a: 1\n  b: 2\nb: 3\n', true],
  'the same keys in the maps of a list': ['l:\n- name: x\n  port: 1\n- name: y\n  port: 2\n', true],
  'a key repeated after a nested map closed': ['a:\n  b: 1\nb:\n  a: 1\na: 2\n', false],
  'duplicate keys in a flow map': ['m: {a: 1, b: 2, a: 3}\n', false],
  'a flow map then a block key of its text': ['m: {a: 1}\na: 2\n', true],
  'a merge key': ['a:\n  <<: {y: 2}\n', false],
  'a quoted merge key is a plain key': ['a:\n  "<<": 1\n', true],
  'a quoted key with an escape': ['"a\\tb": 1\n', undefined],
  'a single-quoted key with a doubled quote': ["'it''s': 1\n", undefined],
  'a quoted value with escapes': ["a: \"x\\ty\\u00e9\\\"q\"\nb: 'it''s'\n", true],
  'a bad escape in a value': ['a: "\\q"\n', false],
  'a short hex escape at the end': ['a: "\\u00', false],
  'a map of more keys than the scan compares': [Array.from({ length: 70 }, (_, i) => `k${i}: v\n`).join(''), undefined],
};
for (const [name, [text, scan]] of Object.entries(cases)) {
  test(`scan: ${name}`, () => {
    assert.equal(fastScans(text), scan);
    assert.equal(fastChecks(text), fastTree(text) !== undefined);
    if (scan !== undefined) assert.equal(scan, fastChecks(text));
    checkAgainstPlain(text);
  });
}

test('the scan is sure of every document of the bench inputs and of most random ones, and agrees wherever it is', (t) => {
  const docs = [
    ...splitDocuments(generateMcsFile(2_000).text).map((c) => c.text),
    ...generateGitopsRepo(400).files.flatMap((f) => splitDocuments(f.text).map((c) => c.text)),
  ];
  for (const d of docs) assert.equal(fastScans(d), fastChecks(d), d);
  const r = rng(5);
  let sure = 0;
  const runs = 3000;
  for (let i = 0; i < runs; i++) {
    let d = generateDocument(r);
    if (i % 2) d = mutate(d, r);
    const scanned = fastScans(d);
    if (scanned !== undefined) {
      sure++;
      assert.equal(scanned, fastChecks(d), d);
    }
  }
  t.diagnostic(`scan sure of ${sure}/${runs} random documents`);
  assert.ok(sure > runs * 0.9);
});
