// The reader thread of `clusterset lint` (dist/lintReader.js): walks and reads the files while the main thread
// parses and lints the ones that came before, so the file system calls of a 10,000-file repository (a quarter
// of a one-thread run: docs/lint-performance.md) run on the second core. Only texts cross, never trees: trees
// crossing by structured clone is what made the parse workers (--jobs) slower than one thread.
import { workerData } from 'node:worker_threads';
import { readEntries } from './readEntries';
import type { FromReader, ReadEntry, ReaderData } from './readProtocol';

/** A batch goes out at this many characters of text or this many entries, whichever comes first… */
const BATCH_CHARS = 128 * 1024;
const BATCH_ENTRIES = 128;
/** …except the first ones, kept small so the main thread has work as early as possible. */
const FIRST_BATCHES = [2, 8, 32];
/** A character V8 cannot store in a one-byte string. */
// eslint-disable-next-line no-control-regex -- the whole Latin-1 range, NUL included
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

const data = workerData as ReaderData | undefined;
if (data?.port) {
  const { port, ...setup } = data;
  let batch: ReadEntry[] = [];
  let texts: string[] = [];
  let textEnds: number[] = [];
  let joined = 0;
  let chars = 0;
  let sent = 0;
  const flush = () => {
    if (!batch.length) return;
    port.postMessage({ kind: 'entries', entries: batch, texts: texts.join(''), textEnds } satisfies FromReader);
    batch = [];
    texts = [];
    textEnds = [];
    joined = 0;
    chars = 0;
    sent++;
  };
  for (const entry of readEntries(setup)) {
    if (entry.kind === 'file') {
      chars += entry.text.length;
      if (BEYOND_LATIN1.test(entry.text)) {
        // Joined with the others it would make every text of the batch a two-byte string: it travels alone.
        textEnds.push(-1);
        batch.push(entry);
      } else {
        texts.push(entry.text);
        joined += entry.text.length;
        textEnds.push(joined);
        batch.push({ ...entry, text: '' });
      }
    } else batch.push(entry);
    if (chars >= BATCH_CHARS || batch.length >= (FIRST_BATCHES[sent] ?? BATCH_ENTRIES)) flush();
  }
  flush();
  port.postMessage({ kind: 'done' } satisfies FromReader);
}
