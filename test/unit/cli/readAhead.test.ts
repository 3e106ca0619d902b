// The reader thread's main-thread end (cli/src/lint/readAhead.ts): the walk's entries in walk order, the rest read
// here when the thread dies first, and the dispatcher's reading of the lint arguments.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ReadAhead, readAheadForArgs } from '../../../cli/src/lint/readAhead';
import { readEntries } from '../../../cli/src/lint/readEntries';
import type { ReadEntry, ReaderSetup } from '../../../cli/src/lint/readProtocol';

let root: string;
let setup: ReaderSetup;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'clusterset-readahead-'));
  mkdirSync(join(root, 'clusters/east'), { recursive: true });
  for (const n of ['a', 'b', 'c', 'd'])
    writeFileSync(join(root, `clusters/east/${n}.yaml`), `kind: ServiceExport\nmetadata: {name: ${n}}\n`);
  setup = { paths: ['.'], cwd: root };
});
after(() => rmSync(root, { recursive: true, force: true }));

/** A reader thread that sends the first `sent` entries of the walk, then dies (or, with `finish`, says it is done). */
function fakeReader(sent: number, finish: boolean): string {
  const script = join(root, `reader-${sent}-${finish}.cjs`);
  const entries = [...readEntries(setup)].slice(0, sent);
  writeFileSync(
    script,
    `const { parentPort } = require('node:worker_threads');
     parentPort.postMessage({ kind: 'entries', entries: ${JSON.stringify(entries)} });
     ${finish ? "parentPort.postMessage({ kind: 'done' });" : 'process.exit(3);'}`,
  );
  return script;
}

async function drain(reader: ReadAhead): Promise<{ entries: ReadEntry[]; fallbackFrom: number[] }> {
  const fallbackFrom: number[] = [];
  const entries: ReadEntry[] = [];
  for await (const batch of reader.batches((skip) => {
    fallbackFrom.push(skip);
    return readEntries(setup, skip);
  }))
    entries.push(...batch);
  return { entries, fallbackFrom };
}

test('the reader thread: every entry in walk order; a thread that dies midway is taken over where it stopped', async () => {
  const all = [...readEntries(setup)];
  assert.equal(all.filter((e) => e.kind === 'file').length, 4);
  const died = ReadAhead.start(setup, fakeReader(2, false));
  assert.ok(died, 'a reader thread was started');
  const d = await drain(died);
  assert.deepEqual(d.fallbackFrom, [2], 'the rest read here, from the third entry');
  assert.deepEqual(d.entries, all);
  const done = ReadAhead.start(setup, fakeReader(4, true));
  assert.ok(done);
  const ok = await drain(done);
  assert.deepEqual(ok.fallbackFrom, [], 'nothing read here when the thread finished');
  assert.deepEqual(ok.entries, all);
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
    readAheadForArgs(['clusters', '--format', 'json', 'more', '--quiet', '--max-warnings=3'], root)?.stop();
    readAheadForArgs(['--format', 'sarif'], root)?.stop();
  } finally {
    ReadAhead.start = start;
  }
  assert.deepEqual(seen, [
    { paths: ['clusters', 'more'], cwd: root },
    { paths: ['.'], cwd: root },
  ]);
  const r = ReadAhead.start(setup, script);
  assert.ok(r?.matches({ paths: ['.'], cwd: `${root}/` }));
  assert.equal(r?.matches({ paths: ['clusters'], cwd: root }), false);
  assert.equal(r?.matches({ paths: ['.'], cwd: root, ignore: ['x/**'] }), false);
  r?.stop();
});
