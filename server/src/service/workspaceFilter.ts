// Which paths of a workspace are linted: one policy for the editor's workspace index and `clusterset lint`,
// so CI and the editor see the same files and agree on cross-file findings. Pure (paths in, yes/no out);
// the walker that applies it to a disk is server/src/workspaceFiles.ts. Folders skipped: WORKSPACE_SKIP_DIRS
// (protocol.ts, so the client's searches skip them too) and every dot-folder; a root is walked whatever its name.

import { WORKSPACE_SKIP_DIRS } from '../protocol';

export const YAML_EXTENSIONS: readonly string[] = ['.yaml', '.yml'];

/**
 * Files larger than this are not read (reported instead, with the same words in the editor and the CLI):
 * reading one means holding it whole as a string, and no hand-written manifest comes near it.
 */
export const MAX_WORKSPACE_FILE_BYTES = 16 * 1024 * 1024;

export function isYamlFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return YAML_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** Why a file was not read, in one wording for every front end. */
export function tooLargeReason(bytes: number, limit = MAX_WORKSPACE_FILE_BYTES): string {
  const mib = (n: number): string => `${(n / 1048576).toFixed(1)} MiB`;
  return `not read: ${mib(bytes)} is over the ${mib(limit)} limit for workspace YAML files (list it under ignore to silence this)`;
}

/** Why a path that is not a regular file (FIFO, socket, device) was not read. */
export function notRegularFileReason(type: string): string {
  return `not read: not a regular file (${type})`;
}

/**
 * One glob as a regular expression over a `/`-separated path relative to the workspace root, in the
 * .gitignore subset people write: `*` and `?` stay within a segment, `**` spans segments, `[…]` and
 * `{a,b}` as usual; a glob without a `/` (other than a trailing one) matches a name at any depth; a
 * leading `/` anchors it to the root; a trailing `/` matches folders only. Negation (`!`) is not supported.
 */
export function globToRegExp(glob: string): { re: RegExp; dirOnly: boolean } {
  let g = glob.trim().replace(/\\/g, '/');
  const dirOnly = g.endsWith('/');
  if (dirOnly) g = g.replace(/\/+$/, '');
  const anchored = g.startsWith('/') || g.includes('/');
  g = g.replace(/^\/+/, '').replace(/^\.\//, '');
  let re = '';
  let braces = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        const atStart = i === 0 || g[i - 1] === '/';
        const atEnd = i + 2 === g.length || g[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` = any number of whole segments (zero included); a final `**` = everything below.
          re += i + 2 === g.length ? '.*' : '(?:[^/]+/)*';
          i += i + 2 === g.length ? 1 : 2;
          continue;
        }
        i++;
      }
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = g.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        const body = g
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  re += ')'.repeat(braces);
  return { re: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}$`), dirOnly };
}

/** The ignore globs of a project, compiled once: does `relPath` (or a folder it is in) match one? */
export function compileIgnore(globs: readonly string[] = []): (relPath: string, isDir: boolean) => boolean {
  const compiled = globs.filter((g) => g.trim() && !g.trim().startsWith('#')).map(globToRegExp);
  if (compiled.length === 0) return () => false;
  return (relPath, isDir) => {
    const parts = relPath.split('/').filter(Boolean);
    // A path is ignored when it, or any folder above it, matches: `generated` hides `generated/a.yaml`.
    for (let n = 1; n <= parts.length; n++) {
      const prefix = parts.slice(0, n).join('/');
      const prefixIsDir = n < parts.length || isDir;
      if (compiled.some((c) => (!c.dirOnly || prefixIsDir) && c.re.test(prefix))) return true;
    }
    return false;
  };
}

/**
 * Should the walker enter this folder (`isDir`) or read this file? `relPath` is relative to the root being
 * walked, `/`-separated. Files: YAML extensions only; folders: not in the skip list, not a dot-folder.
 */
export function shouldWalk(
  relPath: string,
  isDir: boolean,
  ignored: (relPath: string, isDir: boolean) => boolean = () => false,
): boolean {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  if (isDir ? name.startsWith('.') || WORKSPACE_SKIP_DIRS.includes(name) : !isYamlFileName(name)) return false;
  return !ignored(relPath, isDir);
}
