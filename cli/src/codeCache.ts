// Loads a CLI bundle (dist/cli-lint.js …) with a V8 code cache, so a command does not compile the same
// 400 KB of JavaScript on every start (Node 20 has no module.enableCompileCache). The cache is written once,
// after a command ran (then it holds the functions that command compiled), under the user's cache folder, beside
// those of the two builds used before it.
// Anything unexpected — no cache, a stale or corrupt one, an unwritable folder, someone else's file — falls
// back to a plain compile: the cache can make a start faster, never break it.
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Set to 1 to compile without the cache (and write none). */
export const NO_CACHE_ENV = 'CLUSTERSET_NO_CODE_CACHE';
const DIGEST = 'sha256';
const DIGEST_BYTES = 32;
/** The caches of this many builds of one bundle are kept (the newest). */
const KEPT_BUILDS = 3;
/** A cache larger than this is not ours (the lint bundle's is ~1 MiB). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

interface Pending {
  script: Script;
  path: string;
  /** Caches of other builds of the same bundle start with this. */
  prefix: string;
}
const pending: Pending[] = [];

/** `$XDG_CACHE_HOME/clusterset/v8` or `~/.cache/clusterset/v8`. */
function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'clusterset', 'v8');
}

/**
 * The cache file's bytes when it is safe to hand to V8: a regular file of ours (same owner, writable by no one
 * else), whose payload matches its digest. V8 itself checks version, flags and source length, but in release
 * builds not the payload, so a corrupt file must never reach it.
 */
function readCache(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (!st.isFile() || st.size <= DIGEST_BYTES || st.size > MAX_CACHE_BYTES) return undefined;
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return undefined;
    if ((st.mode & 0o022) !== 0) return undefined;
    const bytes = Buffer.allocUnsafe(st.size);
    if (readSync(fd, bytes, 0, st.size, 0) !== st.size) return undefined;
    const payload = bytes.subarray(DIGEST_BYTES);
    const digest = createHash(DIGEST).update(payload).digest();
    return digest.equals(bytes.subarray(0, DIGEST_BYTES)) ? payload : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Requires the CommonJS bundle at `file` as `require` would, compiled from the code cache when a valid one
 * exists. `module.exports` of the bundle is returned.
 */
export function requireWithCodeCache(file: string): unknown {
  const source = readFileSync(file, 'utf8');
  const wrapped = wrap(source.startsWith('#!') ? `//${source.slice(2)}` : source);
  let cachePath: string | undefined;
  let prefix = '';
  let cached: Buffer | undefined;
  if (process.env[NO_CACHE_ENV] !== '1') {
    // The key covers the bundle's bytes and the V8 that compiled it; V8 rejects a cache of other flags itself.
    const key = createHash('sha1').update(wrapped).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 20);
    prefix = `${basename(file, '.js')}-`;
    cachePath = join(cacheDir(), `${prefix}${key}.bin`);
    cached = readCache(cachePath);
  }
  let script: Script;
  try {
    script = new Script(wrapped, { filename: file, cachedData: cached });
  } catch (err) {
    if (!cached) throw err; // a syntax error of the bundle itself
    script = new Script(wrapped, { filename: file });
    cached = undefined;
  }
  if (cachePath && (!cached || script.cachedDataRejected)) pending.push({ script, path: cachePath, prefix });
  const mod = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/**
 * Keeps the caches of the newest KEPT_BUILDS builds of a bundle. Two installs used in turn (a global `clusterset`
 * and a project's `npx clusterset`, or two builds compared in a benchmark) each keep theirs: removing every other
 * build's cache made each of them compile and write again on every start.
 */
function removeOldBuilds(dir: string, prefix: string): void {
  const builds = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.bin'))
    .map((f) => {
      try {
        return { path: join(dir, f), mtimeMs: statSync(join(dir, f)).mtimeMs };
      } catch {
        return undefined; // removed meanwhile by another process
      }
    })
    .filter((b) => b !== undefined)
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const old of builds.slice(KEPT_BUILDS)) unlinkSync(old.path);
}

/**
 * Writes the caches of the bundles loaded without a valid one, now that the command ran (so they hold what it
 * compiled). Best effort: a read-only or full disk only means the next start compiles again.
 */
export function writeCodeCaches(): void {
  for (const { script, path, prefix } of pending.splice(0)) {
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      const data = script.createCachedData();
      const dir = dirname(path);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(tmp, Buffer.concat([createHash(DIGEST).update(data).digest(), data]), { mode: 0o600 });
      renameSync(tmp, path);
      removeOldBuilds(dir, prefix);
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was written
      }
    }
  }
}
