// The reader thread's main-thread end (cli/src/lint/readAhead.ts): the walk's entries in walk order, the rest read
// here when the thread dies first, and the dispatcher's reading of the lint arguments.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FEW_FILES, fewFiles, ReadAhead, readAheadForArgs } from '../../../cli/src/lint/readAhead';
import { readEntries } from '../../../cli/src/lint/readEntries';
import type { ReadEntry, ReaderSetup } from '../../../cli/src/lint/readProtocol';

let root: string;
let setup: ReaderSetup;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'clusterset-readahead-'));
  mkdirSync(join(root, 'clusters/east'), { recursive: true });
  for (const n of ['a', 'b', 'c', 'd'])
    writeFileSync(join(root, `clusters/east/${n}.yaml`), `kind: ServiceExport\nmetadata: {name: ${n}}\n`);
  // More than FEW_FILES under `bulk/`: the dispatcher starts a reader for `.` and for `bulk`.
  mkdirSync(join(root, 'bulk'));
  for (let i = 0; i <= FEW_FILES; i++)
    writeFileSync(join(root, `bulk/cm-${i}.yaml`), `kind: ConfigMap\nmetadata: {name: cm-${i}}\n`);
  setup = { paths: ['clusters'], cwd: root };
});
after(() => rmSync(root, { recursive: true, force: true }));

/**
 * A reader thread that sends the first `sent` entries of the walk, then dies (or, with `finish`, says it is done);
 * `delay`: only after 300 ms; `wrongPath`: with every path changed (a walk that differs from this thread's).
 */
function fakeReader(sent: number, finish: boolean, opts: { delay?: boolean; wrongPath?: boolean } = {}): string {
  const script = join(root, `reader-${sent}-${finish}-${opts.delay}-${opts.wrongPath}.cjs`);
  const entries = [...readEntries(setup)].slice(0, sent);
  if (opts.wrongPath) entries.forEach((e, i) => (entries[i] = { ...e, path: `elsewhere/${e.path}` }));
  // As readWorker.ts sends a batch: the texts in one string, each file's own `text` empty.
  const texts = entries.map((e) => (e.kind === 'file' ? e.text : '')).join('');
  const textEnds: number[] = [];
  let end = 0;
  for (const e of entries) if (e.kind === 'file') textEnds.push((end += e.text.length));
  const sentEntries = entries.map((e) => (e.kind === 'file' ? { ...e, text: '' } : e));
  writeFileSync(
    script,
    `const { workerData } = require('node:worker_threads');
     ${opts.delay ? 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);' : ''}
     workerData.port.postMessage({ kind: 'entries', entries: ${JSON.stringify(sentEntries)}, texts: ${JSON.stringify(texts)}, textEnds: ${JSON.stringify(textEnds)} });
     ${finish ? "workerData.port.postMessage({ kind: 'done' });" : 'process.exit(3);'}`,
  );
  return script;
}

/**
 * Every entry `reader` gives. `settleMs`: wait first (the thread's batch is then in before anything is read here);
 * `perEntryMs`: a slow lint of each entry (so this thread reads some, then the thread's batch comes in).
 */
async function drain(
  reader: ReadAhead,
  { settleMs = 500, perEntryMs = 0 } = {},
): Promise<{ entries: ReadEntry[]; readFrom: number[] }> {
  if (settleMs) await new Promise((r) => setTimeout(r, settleMs));
  const readFrom: number[] = [];
  const entries: ReadEntry[] = [];
  for await (const batch of reader.batches((skip) => {
    readFrom.push(skip);
    return readEntries(setup, skip);
  })) {
    entries.push(...batch);
    if (perEntryMs) await new Promise((r) => setTimeout(r, perEntryMs));
  }
  return { entries, readFrom };
}

const started = (script: string): ReadAhead => {
  const r = ReadAhead.start(setup, script);
  assert.ok(r, 'a reader thread was started');
  return r;
};

test('the reader thread: every entry in walk order, from the thread once its batches are in', async () => {
  const all = [...readEntries(setup)];
  assert.equal(all.filter((e) => e.kind === 'file').length, 4);
  const ok = await drain(started(fakeReader(4, true)));
  assert.deepEqual(ok.entries, all);
  // read(0) is where this thread would have started; it yielded nothing, since the batch was in first.
  assert.deepEqual(ok.readFrom, [0]);
});

test('the reader thread: a thread that dies midway is taken over where it stopped', async () => {
  const d = await drain(started(fakeReader(2, false)));
  assert.deepEqual(d.readFrom, [0, 2], 'the rest read here, from the third entry');
  assert.deepEqual(d.entries, [...readEntries(setup)]);
});

test('the reader thread: what is read here before its first batch is not taken twice; a walk that differs is not trusted', async () => {
  const all = [...readEntries(setup)];
  // All four read here before the thread sends anything (a small input).
  const small = await drain(started(fakeReader(4, true, { delay: true })), { settleMs: 0 });
  assert.deepEqual(small.entries, all);
  // Three read here (150 ms each), then the thread's batch of four: its first three are dropped, the fourth taken.
  const takeover = await drain(started(fakeReader(4, true, { delay: true })), { settleMs: 0, perEntryMs: 150 });
  assert.deepEqual(takeover.entries, all);
  assert.deepEqual(takeover.readFrom, [0]);
  // The same, but the thread's walk differs from this one: this thread reads everything itself.
  const wrong = await drain(started(fakeReader(4, true, { delay: true, wrongPath: true })), { settleMs: 0, perEntryMs: 150 });
  assert.deepEqual(wrong.entries, all, 'every entry once, from this thread');
});

test('the reader thread: none without its script, or when CLUSTERSET_LINT_READER=0', () => {
  assert.equal(ReadAhead.start(setup, join(root, 'missing.js')), undefined);
  process.env.CLUSTERSET_LINT_READER = '0';
  try {
    assert.equal(ReadAhead.start(setup, fakeReader(4, true)), undefined);
  } finally {
    delete process.env.CLUSTERSET_LINT_READER;
  }
});

test("the dispatcher's reader: the lint paths of the arguments; none for --help or arguments lint refuses", () => {
  // Run from sources there is no dist/lintReader.js beside readAhead.ts: the arguments are judged all the same.
  assert.equal(readAheadForArgs(['--help'], root), undefined);
  assert.equal(readAheadForArgs(['--bogus'], root), undefined);
  const script = fakeReader(4, true);
  const start = ReadAhead.start;
  const seen: ReaderSetup[] = [];
  ReadAhead.start = (s: ReaderSetup) => {
    seen.push(s);
    return start(s, script);
  };
  try {
    readAheadForArgs(['clusters', '--format', 'json', 'bulk', '--quiet', '--max-warnings=3'], root)?.stop();
    readAheadForArgs(['--format', 'sarif'], root)?.stop();
    // Four files: read here before a thread could have started, so none is.
    readAheadForArgs(['clusters', '--format', 'json'], root)?.stop();
  } finally {
    ReadAhead.start = start;
  }
  assert.deepEqual(seen, [
    { paths: ['clusters', 'bulk'], cwd: root },
    { paths: ['.'], cwd: root },
  ]);
  const r = ReadAhead.start(setup, script);
  assert.ok(r?.matches({ paths: ['clusters'], cwd: `${root}/` }));
  assert.equal(r?.matches({ paths: ['.'], cwd: root }), false);
  assert.equal(r?.matches({ paths: ['clusters'], cwd: root, ignore: ['x/**'] }), false);
  r?.stop();
});

test('fewFiles: counts files by a bounded look; a missing path, a symlink or too many folders say "not few"', () => {
  assert.equal(fewFiles(['clusters'], root), true, 'four files');
  assert.equal(fewFiles(['clusters/east/a.yaml', 'clusters/east/b.yaml'], root), true);
  assert.equal(fewFiles(['bulk'], root), false, `${FEW_FILES + 1} files`);
  assert.equal(fewFiles(['clusters'], root, 3), false);
  assert.equal(fewFiles(['missing'], root), false);
  const deep = join(root, 'deep');
  mkdirSync(join(deep, ...Array.from({ length: 20 }, (_, i) => `d${i}`)), { recursive: true });
  assert.equal(fewFiles(['deep'], root), false, 'more folders than it lists');
  symlinkSync(join(root, 'clusters'), join(root, 'link'));
  assert.equal(fewFiles(['link'], root), false);
  rmSync(deep, { recursive: true });
  rmSync(join(root, 'link'));
});
