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
