// Loads the given paths into a language service as one workspace, walked exactly as the editor walks it (one
// walker, one skip list). Shared by `lint` and `generate`, so both see the same files.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LanguageService } from '../../server/src/service/public';
import { readWorkspaceFile, walkWorkspace } from '../../server/src/workspaceFiles';
import type { ReadEntry } from './lint/readProtocol';

export interface LoadedWorkspace {
  /** uri → path as the user gave it (relative to cwd), in walk order. */
  fileOf: Map<string, string>;
  unreadable: Array<{ file: string; reason: string }>;
  /** Files that decoded with a problem kubectl would meet too (UTF-16 without a byte-order mark, bad bytes). */
  encodingProblems: Array<{ file: string; problem: string }>;
}

/** One file read by `readWorkspace`, in walk order. */
export interface ReadFile {
  uri: string;
  file: string;
  text: string;
}

interface WalkOptions {
  cwd: string;
  ignore?: readonly string[];
  /** Files set before the walk (the project config): they keep their place and are not read twice. */
  loaded?: ReadonlyMap<string, string>;
}

/**
 * The walk and reads of `loadWorkspace` as batches of read entries (cli/src/lint/readEntries.ts: the same walker
 * and checks, with blocking calls, on the reader thread or this one), handing each file to `onFile` in walk
 * order. One thread-pool round trip per stat/open/read/close made a 10,000-file repository wait seconds for a
 * few hundred milliseconds of system calls (docs/lint-performance.md).
 */
export async function readWorkspace(
  service: Pick<LanguageService, 'isIgnored'>,
  batches: AsyncIterable<ReadEntry[]> | Iterable<ReadEntry[]>,
  options: Pick<WalkOptions, 'loaded'>,
  onFile: (f: ReadFile) => void,
): Promise<LoadedWorkspace> {
  const fileOf = new Map<string, string>(options.loaded ?? []);
  const unreadable: LoadedWorkspace['unreadable'] = [];
  const encodingProblems: LoadedWorkspace['encodingProblems'] = [];
  for await (const batch of batches) {
    for (const entry of batch) {
      const file = entry.path;
      if (entry.kind === 'duplicate') continue;
      if (entry.kind === 'unreadable') {
        unreadable.push({ file, reason: entry.reason });
        continue;
      }
      // The reader reads ahead: what this workspace does not take (a file set before the walk, one reached
      // twice, one the project config ignores) is dropped here, before its read could matter.
      if (fileOf.has(entry.uri) || service.isIgnored(entry.uri)) continue;
      if (entry.kind === 'unreadableFile') {
        unreadable.push({ file, reason: entry.reason });
        continue;
      }
      fileOf.set(entry.uri, file);
      if (entry.problem) encodingProblems.push({ file, problem: entry.problem });
      onFile({ uri: entry.uri, file, text: entry.text });
    }
  }
  return { fileOf, unreadable, encodingProblems };
}

export async function loadWorkspace(
  service: LanguageService,
  paths: readonly string[],
  options: { cwd: string; ignore?: readonly string[]; loaded?: ReadonlyMap<string, string> },
): Promise<LoadedWorkspace> {
  // Files set before the walk (the project config) keep their place and are not read twice.
  const fileOf = new Map<string, string>(options.loaded ?? []);
  const unreadable: LoadedWorkspace['unreadable'] = [];
  const encodingProblems: LoadedWorkspace['encodingProblems'] = [];
  for await (const entry of walkWorkspace(paths, { cwd: options.cwd, ignore: options.ignore })) {
    const file = entry.path;
    if (entry.kind === 'unreadable') {
      unreadable.push({ file, reason: entry.reason });
      continue;
    }
    const uri = pathToFileURL(resolve(options.cwd, file)).href;
    if (fileOf.has(uri)) continue; // the same file reached through two of the given paths
    // Files the project config ignores stay out, as they stay out of the editor's index.
    if (service.isIgnored(uri)) continue;
    const read = await readWorkspaceFile(file, { cwd: options.cwd });
    if ('reason' in read) {
      unreadable.push({ file, reason: read.reason });
      continue;
    }
    service.setFile(uri, read.text);
    fileOf.set(uri, file);
    if (read.problem) encodingProblems.push({ file, problem: read.problem });
  }
  return { fileOf, unreadable, encodingProblems };
}
