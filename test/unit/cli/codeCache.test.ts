// The V8 code cache of the CLI's bundles (cli/src/codeCache.ts): written once after a run, used on the next,
// and never in the way — a corrupt, truncated, foreign-looking or unwritable cache means a plain compile.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { NO_CACHE_ENV, requireWithCodeCache, writeCodeCaches } from '../../../cli/src/codeCache';

const REPO = resolve(__dirname, '../../..');
const CLI = resolve(REPO, 'dist/cli.js');
const BUNDLE = `"use strict";
const { join } = require('node:path');
function twice(x) { return x * 2; }
exports.answer = twice(21);
exports.where = join(__dirname, 'x');
exports.file = __filename;
exports.selfExports = module.exports === exports;
`;

let root: string;
let bundle: string;
let cacheHome: string;
const savedEnv = { xdg: process.env.XDG_CACHE_HOME, off: process.env[NO_CACHE_ENV] };

before(() => {
  root = mkdtempSync(join(tmpdir(), 'clusterset-codecache-'));
  bundle = join(root, 'dist', 'cli-demo.js');
  mkdirSync(join(root, 'dist'));
  writeFileSync(bundle, `#!/usr/bin/env node\n${BUNDLE}`);
});
after(() => {
  process.env.XDG_CACHE_HOME = savedEnv.xdg;
  if (savedEnv.off === undefined) delete process.env[NO_CACHE_ENV];
  else process.env[NO_CACHE_ENV] = savedEnv.off;
  rmSync(root, { recursive: true, force: true });
});
beforeEach(() => {
  cacheHome = mkdtempSync(join(root, 'cache-'));
  process.env.XDG_CACHE_HOME = cacheHome;
  delete process.env[NO_CACHE_ENV];
});

const cacheDir = () => join(cacheHome, 'clusterset', 'v8');
function cacheFiles(): string[] {
  try {
    return readdirSync(cacheDir()).filter((f) => f.startsWith('cli-demo-'));
  } catch {
    return [];
  }
}

function load(): Record<string, unknown> {
  const m = requireWithCodeCache(bundle) as Record<string, unknown>;
  assert.equal(m.answer, 42);
  assert.equal(m.where, join(root, 'dist', 'x'));
  assert.equal(m.file, bundle);
  assert.equal(m.selfExports, true);
  return m;
}

test('codeCache: the first run writes a cache, the next run uses it and writes nothing', () => {
  load();
  assert.deepEqual(cacheFiles(), []);
  writeCodeCaches();
  const [file] = cacheFiles();
  assert.ok(file, 'a cache file was written');
  const path = join(cacheDir(), file);
  assert.equal(statSync(path).mode & 0o077, 0, 'the cache is private to its owner');
  const written = readFileSync(path);
  load();
  writeCodeCaches();
  assert.deepEqual(readFileSync(path), written, 'a valid cache is not rewritten');
});

test('codeCache: a corrupt, truncated or group-writable cache is ignored and replaced', () => {
  load();
  writeCodeCaches();
  const path = join(cacheDir(), cacheFiles()[0]);
  const good = readFileSync(path);
  const corruptions: Array<[string, (b: Buffer) => Buffer]> = [
    ['a flipped payload byte', (b) => Buffer.from(b.map((x, i) => (i === b.length - 10 ? x ^ 0xff : x)))],
    ['truncated', (b) => b.subarray(0, 40)],
    ['empty', () => Buffer.alloc(0)],
    ['garbage', () => Buffer.from('not a cache at all, but long enough to pass the size check')],
  ];
  for (const [what, corrupt] of corruptions) {
    writeFileSync(path, corrupt(good));
    load();
    writeCodeCaches();
    assert.deepEqual(readFileSync(path), good, `${what}: replaced by a fresh cache`);
  }
  chmodSync(path, 0o666);
  load();
  writeCodeCaches();
  assert.equal(statSync(path).mode & 0o077, 0, 'a cache others may write is not used, and is replaced');
});

test('codeCache: an unwritable cache folder and the opt-out still load the bundle', () => {
  writeFileSync(join(cacheHome, 'clusterset'), 'a file where the folder should be');
  load();
  writeCodeCaches(); // must not throw
  process.env.XDG_CACHE_HOME = cacheHome = mkdtempSync(join(root, 'cache-'));
  process.env[NO_CACHE_ENV] = '1';
  load();
  writeCodeCaches();
  assert.deepEqual(cacheFiles(), [], 'no cache with the opt-out');
});

test('codeCache: each build gets its own cache; the three newest are kept, so builds used in turn keep theirs', async () => {
  const build = (n: number) => writeFileSync(bundle, `${BUNDLE}exports.build = ${n};\n`);
  const written: string[] = [];
  try {
    for (const n of [1, 2, 3, 4]) {
      build(n);
      assert.equal(load().build, n);
      writeCodeCaches();
      const added = cacheFiles().filter((f) => !written.includes(f));
      assert.equal(added.length, 1, `build ${n} wrote its own cache`);
      written.push(added[0]);
      await new Promise((r) => setTimeout(r, 20)); // distinct modification times
    }
    assert.deepEqual(cacheFiles().sort(), written.slice(1).sort(), 'the oldest build lost its cache');
    // Builds 3 and 4 used in turn: each finds its cache, so neither writes again.
    const times = () =>
      cacheFiles()
        .sort()
        .map((f) => statSync(join(cacheDir(), f)).mtimeMs);
    const before = times();
    for (const n of [3, 4, 3]) {
      build(n);
      load();
      writeCodeCaches();
    }
    assert.deepEqual(times(), before);
  } finally {
    writeFileSync(bundle, `#!/usr/bin/env node\n${BUNDLE}`);
  }
});

test('codeCache: dist/cli.js lint prints the same with no cache, a fresh one and a corrupt one', () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  const ws = join(root, 'ws', 'clusters', 'east');
  mkdirSync(ws, { recursive: true });
  writeFileSync(join(ws, 'web.yaml'), 'apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web}\n');
  const lint = () =>
    spawnSync(process.execPath, [CLI, 'lint', '.', '--format', 'json'], {
      cwd: join(root, 'ws'),
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: cacheHome, [NO_CACHE_ENV]: '' },
      timeout: 30000,
    });
  const first = lint();
  assert.equal(first.status, 1, first.stderr);
  assert.match(first.stdout, /MCS001/);
  const files = readdirSync(cacheDir()).filter((f) => f.startsWith('cli-lint-'));
  assert.equal(files.length, 1, 'the lint bundle left a cache');
  const second = lint();
  assert.deepEqual([second.status, second.stdout, second.stderr], [first.status, first.stdout, first.stderr]);
  const path = join(cacheDir(), files[0]);
  const bytes = readFileSync(path);
  bytes[bytes.length - 100] ^= 0xff;
  writeFileSync(path, bytes);
  const third = lint();
  assert.deepEqual([third.status, third.stdout, third.stderr], [first.status, first.stdout, first.stderr]);
});
