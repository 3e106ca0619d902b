// The pieces of `clusterset lint --jobs` that need no worker: the split of the validation into shares below
// file level, and the --jobs flag. The worker path itself is checked byte for byte against
// the plain path by lintIdentity.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runLint } from '../../../cli/src/lint';
import { splitShares, validatePieces } from '../../../cli/src/lint/shares';
import { createLanguageService, type LanguageService } from '../../../server/src/service/public';
import { generateMcsFile } from '../../../bench/generate';
import { sink, workspace } from './fixtures';

function serviceOf(files: Record<string, string>): { service: LanguageService; uris: string[] } {
  const service = createLanguageService({ syntaxErrors: 'all', roots: ['file:///ws'] });
  const uris = Object.keys(files).map((f) => `file:///ws/${f}`);
  uris.forEach((uri, i) => service.setFile(uri, Object.values(files)[i]));
  return { service, uris };
}

const FILES = {
  'clusters/a/mcs.yaml': generateMcsFile(3000).text,
  'empty.yaml': '',
  'broken.yaml': '\uFEFFkind: [\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
  'clusters/b/mcs.yaml': generateMcsFile(1000).text,
};

test('splitShares: the shares tile every file in order, below file level, at about the asked-for cost', () => {
  const { service, uris } = serviceOf(FILES);
  for (const count of [1, 2, 3]) {
    const { shares, documentsOfInterest } = splitShares(service, uris, count);
    assert.equal(shares.length, count);
    assert.ok(documentsOfInterest > 300, `${documentsOfInterest}`);
    const pieces = shares.flat();
    // In order, without gaps or overlaps: each file from its first document to its last.
    let at = { file: 0, doc: 0 };
    for (const p of pieces) {
      if (p.file !== at.file) {
        assert.equal(at.doc, service.getFile(uris[at.file])?.documents.length, `file ${at.file} covered to its end`);
        assert.equal(p.file, at.file + 1);
        at = { file: p.file, doc: 0 };
      }
      assert.equal(p.from, at.doc);
      assert.ok(p.to >= p.from);
      at.doc = p.to;
    }
    assert.equal(at.file, uris.length - 1);
    if (count > 1) {
      // The big file is cut: a share boundary falls inside it.
      assert.ok(shares.every((s) => s.length > 0));
      assert.ok(shares[1][0].from > 0, JSON.stringify(shares.map((s) => s[0])));
      const docs = shares.map((s) => s.reduce((n, p) => n + p.to - p.from, 0));
      assert.ok(Math.max(...docs) < 1.5 * Math.min(...docs), `documents per share ${docs.join(', ')}`);
    }
  }
  // The small files each have one piece (their file-level problems go with it).
  for (const file of [1, 2])
    assert.equal(
      splitShares(service, uris, 2)
        .shares.flat()
        .filter((p) => p.file === file).length,
      1,
    );
});

test('validatePieces: the shares concatenated give each file exactly its whole validation', () => {
  const { service, uris } = serviceOf(FILES);
  const whole = uris.map((uri) => service.validate(uri).diagnostics.map((d) => `${d.range.start.line}:${d.code}:${d.message}`));
  for (const count of [2, 3]) {
    const pieces = splitShares(service, uris, count, 0.3).shares.flatMap((s) => validatePieces(service, [], uris, s));
    const joined = uris.map((_, i) =>
      pieces
        .filter((r) => r.piece.file === i)
        .flatMap((r) => r.diagnostics.map((d) => `${d.range.start.line}:${d.code}:${d.message}`)),
    );
    assert.deepEqual(joined, whole);
  }
  assert.ok(whole[2].length > 0 && whole[0].length > 0, 'findings to compare, the file-level byte-order mark one too');
});

test('--jobs: a whole number ≥ 1 or auto, else a usage error (exit 2)', async () => {
  const ws = workspace({ 'a.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n' });
  try {
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const err = sink();
      assert.equal(await runLint(['.', `--jobs=${bad}`], sink(), err, { cwd: ws.root }), 2, bad);
      assert.match(err.text, /--jobs needs a whole number ≥ 1 or auto/);
    }
    for (const good of ['1', '2', 'auto']) {
      const out = sink();
      assert.equal(await runLint(['.', '--jobs', good, '--format', 'json'], out, sink(), { cwd: ws.root }), 0, good);
      assert.deepEqual(JSON.parse(out.text), { diagnostics: [] });
    }
  } finally {
    ws.dispose();
  }
});
