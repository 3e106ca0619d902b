// Loads the given paths into a language service as one workspace, walked exactly as the editor walks it (one
// walker, one skip list). Shared by `lint` and `generate`, so both see the same files.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LanguageService } from '../../server/src/service/public';
import { readWorkspaceFile, walkWorkspace } from '../../server/src/workspaceFiles';

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
 * Files in flight at once. The walk and each read are separate thread-pool round trips; one at a time, a
 * 10,000-file repository spends most of its wall time waiting between them (measured: docs/lint-performance.md).
 */
const READ_AHEAD = 32;

/**
 * Walks and reads the workspace with up to READ_AHEAD reads in flight, handing each file to `onFile` in walk
 * order, exactly the files and order `loadWorkspace` sees (same walker, same dedup, same ignore check).
 */
export async function readWorkspace(
  service: Pick<LanguageService, 'isIgnored'>,
  paths: readonly string[],
  options: WalkOptions,
  onFile: (f: ReadFile) => void,
): Promise<LoadedWorkspace> {
  const fileOf = new Map<string, string>(options.loaded ?? []);
  const unreadable: LoadedWorkspace['unreadable'] = [];
  const encodingProblems: LoadedWorkspace['encodingProblems'] = [];
  type Pending =
    | { kind: 'unreadable'; file: string; reason: string }
    | { kind: 'read'; uri: string; file: string; read: ReturnType<typeof readWorkspaceFile> };
  const queue: Pending[] = [];
  const settle = async (p: Pending): Promise<void> => {
    if (p.kind === 'unreadable') {
      unreadable.push({ file: p.file, reason: p.reason });
      return;
    }
    const read = await p.read;
    if ('reason' in read) {
      unreadable.push({ file: p.file, reason: read.reason });
      return;
    }
    fileOf.set(p.uri, p.file);
    if (read.problem) encodingProblems.push({ file: p.file, problem: read.problem });
    onFile({ uri: p.uri, file: p.file, text: read.text });
  };
  /** URIs queued or done, so a file reached through two of the given paths is read once. */
  const seen = new Set<string>(fileOf.keys());
  for await (const entry of walkWorkspace(paths, { cwd: options.cwd, ignore: options.ignore })) {
    if (entry.kind === 'unreadable') queue.push({ kind: 'unreadable', file: entry.path, reason: entry.reason });
    else {
      const uri = pathToFileURL(resolve(options.cwd, entry.path)).href;
      if (seen.has(uri) || service.isIgnored(uri)) continue;
      seen.add(uri);
      queue.push({ kind: 'read', uri, file: entry.path, read: readWorkspaceFile(entry.path, { cwd: options.cwd }) });
    }
    while (queue.length > READ_AHEAD) await settle(queue.shift() as Pending);
  }
  for (const p of queue) await settle(p);
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
