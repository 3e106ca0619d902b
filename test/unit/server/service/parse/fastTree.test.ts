import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateMcsFile } from '../../../../../bench/generate';
import { fastTree } from '../../../../../server/src/service/parse/fastTree';
import { yamlTextOf } from '../../../../../server/src/service/parse/parsedFile';
import { splitDocuments } from '../../../../../server/src/service/parse/splitDocuments';
import { generateDocument, mutate, rng } from './fastTreeGen';
import { checkAgainstPlain, plainTree } from './fastTreeOracle';

// The fast path is a shortcut: wherever it takes a document, its tree must be exactly the one `yaml` + buildTree
// give, and `yaml` must have had nothing to report.

const ROOT = join(__dirname, '../../../../..');

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

function documentsOf(text: string): string[] {
  return splitDocuments(yamlTextOf(text)).map((c) => c.text);
}

test('every document of the generated bench files (the lint bench folder’s two sizes): taken by the fast path and equal', () => {
  const docs = [1_000, 50_000].flatMap((lines) => documentsOf(generateMcsFile(lines).text));
  const taken = docs.filter(checkAgainstPlain).length;
  assert.ok(docs.length > 4_000);
  assert.equal(taken, docs.length, 'the bench documents are all inside the subset');
});

test('every document of the YAML fixtures under test/: equal wherever taken, and most are taken', (t) => {
  let docs = 0;
  let taken = 0;
  let realDocs = 0;
  let realTaken = 0;
  for (const file of yamlFilesUnder(join(ROOT, 'test'))) {
    const real = file.includes('/real-world/');
    for (const d of documentsOf(readFileSync(file, 'utf8'))) {
      const ok = checkAgainstPlain(d);
      assert.equal(checkAgainstPlain(d.replace(/\r?\n/g, '\r\n')), ok, 'CRLF line ends change nothing');
      docs++;
      if (ok) taken++;
      if (real) {
        realDocs++;
        if (ok) realTaken++;
      }
    }
  }
  t.diagnostic(`fast path took ${taken}/${docs} fixture documents (real-world: ${realTaken}/${realDocs})`);
  assert.ok(realDocs > 100);
  assert.ok(realTaken / realDocs > 0.85, `real-world acceptance ${realTaken}/${realDocs}`);
});

test('seeded random manifest-shaped documents: equal wherever taken', (t) => {
  const r = rng(20261201);
  let taken = 0;
  const runs = 4000;
  let takenCrlf = 0;
  for (let i = 0; i < runs; i++) {
    const d = generateDocument(r);
    if (checkAgainstPlain(d)) taken++;
    // The same document with CRLF line ends (as a Windows editor saves it).
    if (checkAgainstPlain(d.replace(/\r?\n/g, '\r\n'))) takenCrlf++;
  }
  t.diagnostic(`fast path took ${taken}/${runs} random documents, ${takenCrlf}/${runs} with CRLF`);
  assert.ok(takenCrlf > runs / 5);
  // The generator mixes in constructs outside the subset; both branches must be exercised.
  assert.ok(taken > runs / 5 && taken < runs);
});

test('mutations of random documents and of the fixtures (a character, a space, a tab, a colon, a quote, a #, an indent): equal wherever taken', (t) => {
  const r = rng(7);
  const bases = [
    ...documentsOf(generateMcsFile(600).text).slice(0, 40),
    ...yamlFilesUnder(join(ROOT, 'test/fixtures/real-world'))
      .slice(0, 60)
      .flatMap((f) => documentsOf(readFileSync(f, 'utf8'))),
  ];
  let taken = 0;
  let runs = 0;
  for (let i = 0; i < 6000; i++) {
    let d = i % 3 === 0 ? generateDocument(r) : bases[Math.floor(r() * bases.length)];
    const edits = 1 + Math.floor(r() * 3);
    for (let e = 0; e < edits; e++) d = mutate(d, r);
    runs++;
    if (checkAgainstPlain(d)) taken++;
  }
  t.diagnostic(`fast path took ${taken}/${runs} mutated documents`);
  assert.ok(taken > runs / 10);
});

test('large maps (keys looked up by hash past the first few): same pairs, same replacements, duplicates declined', () => {
  const r = rng(3);
  // Distinct texts, several of which resolve alike (true, 1, null…), so later pairs replace earlier ones.
  const pool = ['yes', 'true', 'True', 'on', 'y', '1', '01', '0x1', '1.0', '+1', '~', 'null', 'no', 'false', 'n', '"q"'];
  for (let i = 0; i < 30; i++) pool.push(`k${i}`);
  let taken = 0;
  for (let run = 0; run < 300; run++) {
    const keys = [...pool].sort(() => r() - 0.5).slice(0, 9 + Math.floor(r() * 30));
    if (run % 5 === 0) keys.push(keys[Math.floor(r() * keys.length)]);
    const body = keys.map((k, i) => `${k}: v${i}`);
    const text = run % 2 ? `m:\n${body.map((l) => `  ${l}`).join('\n')}\n` : `m: {${body.join(', ')}}\n`;
    if (checkAgainstPlain(text)) taken++;
    else assert.ok(run % 5 === 0, `declined: ${text}`);
  }
  assert.equal(taken, 240);
});

const accepted: Record<string, string> = {
  'compact list items': 'spec:\n  ports:\n  - name: http\n    port: 80\n  - name: https\n    port: 443\n',
  'a list at its key’s indent, then the next key': 'a:\n- x\n- y\nb: c\n',
  'YAML 1.1 words and numbers': 'a: on\nb: 0120\nc: 1_000\nd: 0x1F\ne: ~\nf: yes\ng: 1:20\n',
  'quoted scalars with escapes': `a: "x\\ty\\u00e9\\"q"\nb: 'it''s'\n"c": d\n`,
  'flow collections on one line': 'ips: [10.42.0.1, "10.42.0.2"]\nm: {a: b, "c": 1}\ne: []\nf: {}\n',
  'comments everywhere': '# top\na: b # trailing\n  # deeper\n# col 0\nc:\n  # before\n  d: e\n    # deep\n  # same\nf: g\n',
  'empty values': 'a:\nb:\n- \n-\nc: x\n',
  'document start marker': '--- # first\na: b\n',
  'trailing spaces and no final newline': 'a: b   \nc: d',
  'keys that resolve alike (later wins, as go-yaml)': 'yes: 1\ntrue: 2\n1: a\n01: b\n',
  'literal block scalars (a Corefile)':
    'data:\n  Corefile: |\n    .:53 {\n        errors\n\n        # a comment line is content\n    }\n\n\n  other: |-\n    x\n',
  'folded block scalars': 'a: >\n  one\n  two\n\n  three\n\n\nb: >-\n  x\n',
  'empty values with comments, followed by more items':
    'metadata:\n  annotations:\n    # a: b\n  labels: # none\n  name: x\nl:\n- # c\n-\n# d\n-\n- y\n',
  'comments only': '# only a comment\n\n',
  'an empty document after its marker': '--- # nothing\n# here\n',
  'nothing at all': '',
  'CRLF line ends': '--- \r\na: b # c\r\n\r\nc:\r\n- \r\n- d: |\r\n    x\r\n\r\n    y\r\n  e: "f"\r\n# g\r\n',
  'a block scalar as a list item, then a comment': 'a:\n- |\n  x\n # c\n- y\n',
};
for (const [name, text] of Object.entries(accepted)) {
  test(`taken and equal: ${name}`, () => {
    assert.ok(fastTree(text) !== undefined, 'taken');
    assert.ok(checkAgainstPlain(text));
  });
}

const declined: Record<string, string> = {
  'duplicate keys': 'a: 1\na: 2\n',
  'duplicate keys, one quoted': 'a: 1\n"a": 2\n',
  'a tab': 'a:\n\tb: 1\n',
  'bad indentation': 'a:\n    b: 1\n  c: 2\n',
  'a multi-line plain scalar': 'a: b\n  c\n',
  'a multi-line quoted scalar': 'a: "b\n  c"\n',
  'an anchor and an alias': 'a: &x 1\nb: *x\n',
  'a tag': 'a: !!str 1\n',
  'a merge key': 'a: {x: 1}\nb:\n  <<: {y: 2}\n',
  'a block scalar with an indentation indicator': 'a: |2\n   text\n',
  'a block scalar that keeps its final line breaks': 'a: |+\n  text\n\n',
  'a block scalar with a comment on its header': 'a: | # c\n  text\n',
  'a block scalar with a line of spaces': 'a: |\n  x\n   \n  y\n',
  'a folded block scalar with a more-indented line': 'a: >\n  x\n    y\n',
  'an empty block scalar': 'a: |\nb: c\n',
  'a nested mapping on one line': 'a: b: c\n',
  'an unknown escape': 'a: "\\q"\n',
  'a lone CR': 'a: b\rc: d\n',
  'a directive': '%YAML 1.2\n---\na: b\n',
  'a document end marker': 'a: b\n...\n',
  'a comment without a space before it after a quote': 'a: "b"# c\n',
  'a scalar document': 'just text\n',
  'nested flow collections': 'a: [[1]]\n',
  'a flow collection over two lines': 'a: [1,\n  2]\n',
  'an empty last value with a comment after it': 'a:\n  b: 1\n  c:\n    # c\nd: 1\n',
  'a seq item on the key line': 'a: - b\n',
};
for (const [name, text] of Object.entries(declined)) {
  test(`declined: ${name}`, () => {
    assert.equal(fastTree(text), undefined);
    // And `yaml` reads it (or reports it) as before: the fallback is today's path.
    assert.ok(plainTree(text));
  });
}

test('plain scalars resolve as buildTree resolves them, whatever their first character (the quick cases included)', () => {
  const r = rng(11);
  const alphabet = 'yYnNtTfFoO~0123456789+-._aeElsrux:/@ ';
  let taken = 0;
  for (let i = 0; i < 3000; i++) {
    const len = 1 + Math.floor(r() * 8);
    let w = '';
    for (let j = 0; j < len; j++) w += alphabet[Math.floor(r() * alphabet.length)];
    const words = [
      'false',
      'FALSE',
      'False',
      'falsey',
      'nullnull',
      'Yes',
      'yesyes',
      'offset',
      'Onward',
      '~tilde~',
      '123456789012345',
      '1234567890123456',
    ];
    const text = `k: ${i % 4 === 0 ? words[i % words.length] : w}\n`;
    if (checkAgainstPlain(text)) taken++;
  }
  assert.ok(taken > 1000);
});
