// What `clusterset lint`'s reader thread (readWorker.ts) sends the main thread: the walk's entries in walk
// order, each file already read and decoded. Plain data only: it crosses by structured clone.

/** What the reader walks: the lint's paths, resolved against `cwd`, with the walk's own ignore globs. */
export interface ReaderSetup {
  paths: string[];
  cwd: string;
  ignore?: string[];
}

/** What the reader thread gets: the setup, and the port its batches go through. */
export interface ReaderData extends ReaderSetup {
  port: import('node:worker_threads').MessagePort;
}

/** One entry of the walk, in walk order: every walk entry gives exactly one (the fallback counts on it). */
export type ReadEntry =
  /** The walk could not go there (a FIFO, a file over the size limit, an unreadable folder). */
  | { kind: 'unreadable'; path: string; reason: string }
  /** A file the walk found, read and decoded as kubectl decodes manifests. */
  | { kind: 'file'; path: string; uri: string; text: string; problem?: string }
  /** A file the walk found that could not be read (gone, replaced, no permission). */
  | { kind: 'unreadableFile'; path: string; uri: string; reason: string }
  /** A file read before under another path (a symlink, a hard link, overlapping paths): nothing to do. */
  | { kind: 'duplicate'; path: string };

/**
 * A batch: its files' texts travel as one string, `texts`, each file's `text` sent empty and its `textEnds` entry
 * where its text ends in `texts` (it starts where the previous joined one's ends); -1 for a file sent with its
 * own `text` (one with a character beyond Latin-1, which would make the joined string two-byte). One large string is one allocation on the
 * main thread, made outside the young generation, which the collector then never copies; a string per file was
 * copied twice by it (to the survivor space, then the old one).
 */
export type FromReader = { kind: 'entries'; entries: ReadEntry[]; texts: string; textEnds: number[] } | { kind: 'done' };

/** The entries of a batch with their texts back (sliced out of the batch's string). */
export function entriesOf(msg: Extract<FromReader, { kind: 'entries' }>): ReadEntry[] {
  let start = 0;
  let f = 0;
  for (const e of msg.entries) {
    if (e.kind !== 'file') continue;
    const end = msg.textEnds[f++];
    if (end < 0) continue; // sent with its own text
    e.text = msg.texts.slice(start, end);
    start = end;
  }
  return msg.entries;
}
