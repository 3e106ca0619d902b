// The walk and reads of `clusterset lint` as one sequence of entries, on whichever thread runs it: the reader
// thread (readWorker.ts), or the main thread when there is none (running from sources, a reader that failed).
import { resolve } from 'node:path';
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
      if (entry.kind === 'file') readWorkspaceFileSync(resolve(cwd, path), { seen, maxFileBytes: -1 });
      continue;
    }
    if (entry.kind === 'unreadable') {
      yield { kind: 'unreadable', path, reason: entry.reason };
      continue;
    }
    const absolute = resolve(cwd, path);
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
    const uri = pathToFileURL(absolute).href;
    if ('reason' in read) yield { kind: 'unreadableFile', path, uri, reason: read.reason };
    else yield { kind: 'file', path, uri, text: read.text, ...(read.problem ? { problem: read.problem } : {}) };
  }
}
