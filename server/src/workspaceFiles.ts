// The one workspace walker, shared by the editor's workspace index (server.ts) and `clusterset lint`
// (cli/src/lint.ts), so both read exactly the same files. The policy (skip list, YAML names, ignore globs,
// size limit) is pure code in the language service (service/workspaceFilter.ts); this module does the I/O.
// It must stay free of LSP code: the CLI imports it.
//
// Only regular files are read: a FIFO, socket or device named `*.yaml` (found while walking or named as a
// root) is reported, never opened for a blocking read. Symlinked folders are not followed (so there are no
// loops, and no object is indexed twice through a second path); a symlinked file is read once, under the
// first path that reaches it.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  compileIgnore,
  decodeManifestBytes,
  MAX_WORKSPACE_FILE_BYTES,
  notRegularFileReason,
  shouldWalk,
  tooLargeReason,
} from './service/public';

export type WalkEntry =
  /**
   * `path` is the root joined with the path below it (relative when the root was), `size` in bytes; with
   * `statFiles: false`, a plain file is yielded unstated (`size` -1): its reader checks it (readWorkspaceFileSync).
   */
  | { kind: 'file'; path: string; size: number; /** `path` resolved against the walk's cwd. */ absolute: string }
  /** Not read; `reason` is the same text in the editor's log and the CLI's report. */
  | { kind: 'unreadable'; path: string; reason: string };

export interface WalkOptions {
  /** Globs relative to each root (see `globToRegExp`); matching files and folders are not walked. */
  ignore?: readonly string[];
  /** Stops the walk (between entries). */
  signal?: AbortSignal;
  /** Relative roots are resolved against it (default: the process's working directory). */
  cwd?: string;
  /** Larger files are reported, not read (default MAX_WORKSPACE_FILE_BYTES). */
  maxFileBytes?: number;
  /**
   * False: a directory entry that is a plain file (not a symlink) is yielded without its own stat, and its
   * reader does the size, type and already-seen checks through the open descriptor (readWorkspaceFileSync with
   * `seen`), one system call fewer per file. Default true (the editor).
   */
  statFiles?: boolean;
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENOTDIR: 'not a directory',
  ENAMETOOLONG: 'file name too long',
};

/** An I/O error in words (`permission denied (EACCES)`), never a stack. */
export function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code && ERRNO_TEXT[code] ? `${ERRNO_TEXT[code]} (${code})` : err instanceof Error ? err.message : String(err);
}

function typeOf(st: Stats | Dirent): string {
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  if (st.isDirectory()) return 'directory';
  return 'special file';
}

/**
 * What `join(dir, name)` puts before the name, for every name of one folder: `dir` normalised once (a name from
 * readdir is one plain segment, so normalising leaves it as it is), not once per name. Undefined on Windows,
 * where drive-relative forms (`C:`) make `join` itself the safe answer.
 */
export function childPathBase(dir: string): string | undefined {
  return process.platform === 'win32' ? undefined : join(dir, 'x').slice(0, -1);
}

/** `join(dir, name)` for a name from readdir (no separator, never `.` or `..`); `base` is `childPathBase(dir)`. */
export function childPath(base: string | undefined, dir: string, name: string): string {
  return base === undefined ? join(dir, name) : base + name;
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A file-system call the walk needs, done by its driver (async for the editor, sync for the CLI). */
type FsCall = { op: 'readdir'; path: string } | { op: 'stat'; path: string };
type FsAnswer = { value: Dirent[] | Stats } | { error: unknown };
type WalkStep = FsCall | { op: 'entry'; entry: WalkEntry };

/**
 * The walk itself, with its file-system calls left to a driver: it yields each call and is resumed with the
 * answer, so the async walk (the editor) and the sync one (the CLI, where thread-pool round trips cost more
 * than the calls) are one algorithm and cannot drift apart.
 */
function* walkSteps(roots: readonly string[], options: WalkOptions): Generator<WalkStep, void, FsAnswer> {
  const cwd = options.cwd ?? process.cwd();
  const maxBytes = options.maxFileBytes ?? MAX_WORKSPACE_FILE_BYTES;
  const ignored = compileIgnore(options.ignore);
  /** dev:ino of every file yielded, so a file reached twice (symlink, overlapping roots) is read once. */
  const seen = new Set<string>();

  const fileEntry = (path: string, absolute: string, st: Stats): WalkEntry | undefined => {
    if (!st.isFile()) return { kind: 'unreadable', path, reason: notRegularFileReason(typeOf(st)) };
    const id = `${st.dev}:${st.ino}`;
    if (seen.has(id)) return undefined;
    seen.add(id);
    if (st.size > maxBytes) return { kind: 'unreadable', path, reason: tooLargeReason(st.size, maxBytes) };
    return { kind: 'file', path, size: st.size, absolute };
  };

  /**
   * `rel`: `dir` below `root` with `/` separators ('' at the root); `absolute`: `dir` resolved against cwd. Both
   * are extended name by name (a name from readdir has no separator and is never `.` or `..`, so this is what
   * relative() and resolve() give, without their normalisation of every entry's path).
   */
  function* walkDir(root: string, dir: string, rel: string, absolute: string): Generator<WalkStep, void, FsAnswer> {
    const listed = yield { op: 'readdir', path: absolute };
    if ('error' in listed) {
      yield { op: 'entry', entry: { kind: 'unreadable', path: dir, reason: reasonOf(listed.error) } };
      return;
    }
    const base = childPathBase(dir);
    for (const e of (listed.value as Dirent[]).sort(byName)) {
      if (options.signal?.aborted) return;
      const path = childPath(base, dir, e.name);
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      const childAbsolute = absolute.endsWith(sep) ? absolute + e.name : `${absolute}${sep}${e.name}`;
      if (e.isDirectory()) {
        if (shouldWalk(childRel, true, ignored)) yield* walkDir(root, path, childRel, childAbsolute);
        continue;
      }
      // A symlink is followed only to a file: its folder, if it is one, is skipped like any other symlinked folder.
      if (!shouldWalk(childRel, false, ignored)) continue;
      if (options.statFiles === false && e.isFile()) {
        yield { op: 'entry', entry: { kind: 'file', path, size: -1, absolute: childAbsolute } };
        continue;
      }
      const stated = yield { op: 'stat', path: childAbsolute };
      if ('error' in stated) {
        yield { op: 'entry', entry: { kind: 'unreadable', path, reason: reasonOf(stated.error) } };
        continue;
      }
      const st = stated.value as Stats;
      if (e.isSymbolicLink() && st.isDirectory()) continue;
      const entry = fileEntry(path, childAbsolute, st);
      if (entry) yield { op: 'entry', entry };
    }
  }

  for (const root of roots) {
    if (options.signal?.aborted) return;
    const rootAbsolute = resolve(cwd, root);
    const stated = yield { op: 'stat', path: rootAbsolute };
    if ('error' in stated) {
      yield { op: 'entry', entry: { kind: 'unreadable', path: root, reason: reasonOf(stated.error) } };
      continue;
    }
    const st = stated.value as Stats;
    if (st.isDirectory()) yield* walkDir(root, root, '', rootAbsolute);
    else {
      const entry = fileEntry(root, rootAbsolute, st);
      if (entry) yield { op: 'entry', entry };
    }
  }
}

/**
 * The workspace's YAML files under `roots`, in a stable order (roots as given, names by code unit). A root
 * that is a file is yielded whatever its extension (the user named it); a root folder is walked whatever
 * its name. Problems are yielded as `unreadable` entries and the walk goes on.
 */
export async function* walkWorkspace(roots: readonly string[], options: WalkOptions = {}): AsyncGenerator<WalkEntry> {
  const steps = walkSteps(roots, options);
  try {
    let step = steps.next();
    while (!step.done) {
      const call = step.value;
      if (call.op === 'entry') {
        yield call.entry;
        step = steps.next();
        continue;
      }
      let answer: FsAnswer;
      try {
        answer = { value: call.op === 'readdir' ? await readdir(call.path, { withFileTypes: true }) : await stat(call.path) };
      } catch (error) {
        answer = { error };
      }
      step = steps.next(answer);
    }
  } finally {
    steps.return();
  }
}

/** `walkWorkspace` with blocking calls, for the CLI (same entries, same order: the same walk). */
export function* walkWorkspaceSync(roots: readonly string[], options: WalkOptions = {}): Generator<WalkEntry> {
  const steps = walkSteps(roots, options);
  try {
    let step = steps.next();
    while (!step.done) {
      const call = step.value;
      if (call.op === 'entry') {
        yield call.entry;
        step = steps.next();
        continue;
      }
      let answer: FsAnswer;
      try {
        answer = { value: call.op === 'readdir' ? readdirSync(call.path, { withFileTypes: true }) : statSync(call.path) };
      } catch (error) {
        answer = { error };
      }
      step = steps.next(answer);
    }
  } finally {
    steps.return();
  }
}

/**
 * Reads a file the walker yielded (or the editor's watcher named), decoded as kubectl decodes manifests (UTF-16
 * with a byte-order mark, UTF-8 with or without one; `problem` says what kubectl would choke on), checking again through the open
 * handle that it is a regular file within the size limit: it may have been replaced since, and opening with
 * O_NONBLOCK means a FIFO put there meanwhile cannot block the read.
 */
export async function readWorkspaceFile(
  path: string,
  options: { cwd?: string; maxFileBytes?: number } = {},
): Promise<{ text: string; problem?: string } | { reason: string }> {
  const maxBytes = options.maxFileBytes ?? MAX_WORKSPACE_FILE_BYTES;
  let handle;
  try {
    handle = await open(resolve(options.cwd ?? process.cwd(), path), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { reason: reasonOf(err) };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { reason: notRegularFileReason(typeOf(st)) };
    if (st.size > maxBytes) return { reason: tooLargeReason(st.size, maxBytes) };
    const decoded = decodeManifestBytes(await handle.readFile());
    return decoded.problem ? { text: decoded.text, problem: decoded.problem } : { text: decoded.text };
  } catch (err) {
    return { reason: reasonOf(err) };
  } finally {
    await handle.close();
  }
}

/** What readWorkspaceFileSync gives: the text, or why not (`checked`: the descriptor's checks said so), or `seen`. */
export type SyncRead = { text: string; problem?: string } | { reason: string; checked?: true } | { seen: true };

/**
 * `readWorkspaceFile` with blocking calls, for the CLI: the same checks through the open descriptor. With `seen`
 * (dev:ino of the files read so far), a file read before under another path is not read again: the walk with
 * `statFiles: false` leaves that check to the reader.
 */
export function readWorkspaceFileSync(
  path: string,
  options: { cwd?: string; maxFileBytes?: number; seen?: Set<string> } = {},
): SyncRead {
  const maxBytes = options.maxFileBytes ?? MAX_WORKSPACE_FILE_BYTES;
  let fd: number;
  try {
    // An absolute path opens as it is: the kernel resolves it (path.resolve per file was a tenth of the reader's time).
    const full = isAbsolute(path) ? path : resolve(options.cwd ?? process.cwd(), path);
    fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { reason: reasonOf(err) };
  }
  try {
    const st = fstatSync(fd);
    if (options.seen) {
      const id = `${st.dev}:${st.ino}`;
      if (options.seen.has(id)) return { seen: true };
      options.seen.add(id);
    }
    if (!st.isFile()) return { reason: notRegularFileReason(typeOf(st)), checked: true };
    if (st.size > maxBytes) return { reason: tooLargeReason(st.size, maxBytes), checked: true };
    const decoded = decodeManifestBytes(readKnownSize(fd, st.size));
    return decoded.problem ? { text: decoded.text, problem: decoded.problem } : { text: decoded.text };
  } catch (err) {
    return { reason: reasonOf(err) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of a regular file whose size fstat just gave: one read of one byte more than that, where
 * readFileSync would fstat again and read once more to see the end. A read of a regular file that returns less
 * than asked has met the end; a file that grew meanwhile is read on to its new end.
 */
function readKnownSize(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size + 1);
  const n = readSync(fd, bytes, 0, size + 1, null);
  if (n <= size) return bytes.subarray(0, n);
  return Buffer.concat([bytes, readFileSync(fd)]);
}

/**
 * Would `walkWorkspace([root])` reach `path` (absolute), judging by names alone? For the editor's file-watcher
 * events and closed documents, so a change under `node_modules/` or an ignored folder stays out of the index
 * exactly as the first walk left it out. Returns false for a path outside `root`.
 */
export function isWalkedPath(root: string, path: string, ignore?: readonly string[]): boolean {
  const rel = relative(root, path).split(sep).join('/');
  if (!rel || rel === '..' || rel.startsWith('../') || isAbsolute(rel)) return false;
  const ignored = compileIgnore(ignore);
  const parts = rel.split('/');
  for (let n = 1; n < parts.length; n++) if (!shouldWalk(parts.slice(0, n).join('/'), true, ignored)) return false;
  return shouldWalk(rel, false, ignored);
}
