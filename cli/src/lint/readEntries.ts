// The walk and reads of `clusterset lint` as one sequence of entries, on whichever thread runs it: the reader
// thread (readWorker.ts), or the main thread when there is none (running from sources, a reader that failed).
import { pathToFileURL } from 'node:url';
import { readWorkspaceFileSync, walkWorkspaceSync } from '../../../server/src/workspaceFiles';
import type { ReadEntry, ReaderSetup } from './readProtocol';

/** Every entry of the walk of `setup`, read, in walk order; the first `skip` walk entries are passed over unread. */
export function* readEntries(setup: ReaderSetup, skip = 0): Generator<ReadEntry> {
  const { cwd } = setup;
  // Plain files come unstated (statFiles: false): the read's fstat does the walk's checks, `seen` its dedup.
  const seen = new Set<string>();
  let n = 0;
  for (const entry of walkWorkspaceSync(setup.paths, { cwd, ignore: setup.ignore, statFiles: false })) {
    const path = entry.path;
    if (n++ < skip) {
      // Read before (by the reader thread): only its identity is needed, for the dedup of what follows (a size
      // limit below every size stops the read right after the fstat that records it).
      if (entry.kind === 'file') readWorkspaceFileSync(entry.absolute, { seen, maxFileBytes: -1 });
      continue;
    }
    if (entry.kind === 'unreadable') {
      yield { kind: 'unreadable', path, reason: entry.reason };
      continue;
    }
    const absolute = entry.absolute;
    const read = readWorkspaceFileSync(absolute, { seen });
    if ('seen' in read) {
      yield { kind: 'duplicate', path };
      continue;
    }
    // What the walk's stat would have said of an unstated file is said as the walk says it.
    if ('reason' in read && read.checked && entry.size < 0) {
      yield { kind: 'unreadable', path, reason: read.reason };
      continue;
    }
    const uri = fileUri(absolute);
    if ('reason' in read) yield { kind: 'unreadableFile', path, uri, reason: read.reason };
    else yield { kind: 'file', path, uri, text: read.text, ...(read.problem ? { problem: read.problem } : {}) };
  }
}

/** Characters a `file:` URL keeps as they are in a path (pathToFileURL escapes `~`, `%`, spaces, non-ASCII…). */
const URL_SAFE_PATH = /^\/[A-Za-z0-9._/-]*$/;

/**
 * pathToFileURL(absolute).href for an absolute path from `resolve` (no `.`, `..` or empty segments): for the
 * usual file names, `file://` and the path as it is, without a URL parse per file (most of this thread's
 * own work after the system calls); any other path through pathToFileURL.
 */
export function fileUri(absolute: string): string {
  return process.platform !== 'win32' && URL_SAFE_PATH.test(absolute) ? `file://${absolute}` : pathToFileURL(absolute).href;
}
