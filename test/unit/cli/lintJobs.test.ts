// The pieces of `clusterset lint --jobs` that need no worker: the cut of a large file
// into parts at document markers, and the --jobs flag. The worker path itself is checked byte for byte against
// the plain path by lintIdentity.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runLint } from '../../../cli/src/lint';
import { partStarts } from '../../../cli/src/lint/units';
import { generateMcsFile } from '../../../bench/generate';
import { sink, workspace } from './fixtures';

test('partStarts: parts start at document markers at column 0 and tile the file', () => {
  const text = generateMcsFile(20000).text;
  const starts = partStarts(text, 4096);
  assert.ok(starts.length > 10, `${starts.length} parts`);
  assert.equal(starts[0], 0);
  for (const s of starts.slice(1)) {
    assert.equal(text[s - 1], '\n');
    assert.match(text.slice(s, s + 4), /^---(\n| |$)/);
  }
  assert.deepEqual(
    [...starts].sort((a, b) => a - b),
    starts,
  );
  // The last part is not a sliver.
  assert.ok(text.length - starts[starts.length - 1] >= 2048);
});

test('partStarts: a small file, a file with CRs and a file without markers stay whole', () => {
  const text = generateMcsFile(20000).text;
  assert.deepEqual(partStarts(text.slice(0, 5000), 4096), [0]);
  assert.deepEqual(partStarts(text.replace(/\n/g, '\r\n'), 4096), [0]);
  assert.deepEqual(partStarts(text.replace(/^---$/gm, '# --'), 4096), [0]);
  // A `---` inside a line or after indentation is content, not a marker.
  assert.deepEqual(partStarts(`a: |\n  ---\n${'b: c\n'.repeat(4000)}  --- x\n${'d: e\n'.repeat(4000)}`, 4096), [0]);
});

test('--jobs: a whole number ≥ 1, else a usage error (exit 2)', async () => {
  const ws = workspace({ 'a.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n' });
  try {
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const err = sink();
      assert.equal(await runLint(['.', `--jobs=${bad}`], sink(), err, { cwd: ws.root }), 2, bad);
      assert.match(err.text, /--jobs needs a whole number ≥ 1/);
    }
    const out = sink();
    assert.equal(await runLint(['.', '--jobs', '2', '--format', 'json'], out, sink(), { cwd: ws.root }), 0);
    assert.deepEqual(JSON.parse(out.text), { diagnostics: [] });
  } finally {
    ws.dispose();
  }
});
