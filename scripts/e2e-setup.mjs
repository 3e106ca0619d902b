#!/usr/bin/env node
// Makes sure the e2e tier's tools are on this machine: Debian Chromium and code-server (pinned).
// Recipe and pitfalls: docs/e2e.md and shared/docs/e2e-code-server.md.
//
//   node scripts/e2e-setup.mjs          # install what is missing, print the paths as JSON
//   import { ensureE2eTools } from './e2e-setup.mjs'
//
// code-server goes into a cache folder outside the checkout:
//   ${CLUSTERSET_CODE_SERVER_DIR:-${XDG_CACHE_HOME:-~/.cache}/clusterset-e2e/code-server-4.100.3}
// Chromium: /usr/bin/chromium (CLUSTERSET_CHROMIUM overrides). Missing packages are installed with
// apt-get when running as root; otherwise the script fails and says what to install.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
// Pinned by lib/vscode/npm-shrinkwrap.json inside code-server 4.100.3 (@vscode/ripgrep 1.15.11).
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
// Only x64 was verified; another arch needs its asset name read from @vscode/ripgrep's postinstall.
const RIPGREP_ASSET = { x64: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };
const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev'];

function log(msg) {
  process.stderr.write(`[e2e-setup] ${msg}\n`);
}

export function codeServerDir() {
  if (process.env.CLUSTERSET_CODE_SERVER_DIR) return resolve(process.env.CLUSTERSET_CODE_SERVER_DIR);
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'clusterset-e2e', `code-server-${CODE_SERVER_VERSION}`);
}

export function chromiumPath() {
  return process.env.CLUSTERSET_CHROMIUM || '/usr/bin/chromium';
}

function codeServerBin(dir) {
  return join(dir, 'node_modules', '.bin', 'code-server');
}

/** The version line of the installed code-server, or null when it is missing or broken. */
function installedCodeServerVersion(dir) {
  const bin = codeServerBin(dir);
  if (!existsSync(bin)) return null;
  // Any code-server invocation writes $XDG_CONFIG_HOME/code-server/config.yaml: keep it out of ~.
  const xdg = mkdtempSync(join(tmpdir(), 'clusterset-cs-version-'));
  try {
    const r = spawnSync(bin, ['--version'], {
      env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (r.status !== 0) return null;
    const line = r.stdout.split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION));
    return line ? line.trim() : null;
  } finally {
    rmSync(xdg, { recursive: true, force: true });
  }
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args, { quiet = false, ...opts } = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...opts,
  });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`.slice(-20_000));
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.error ? r.error.message : `exit ${r.status}`})`);
  }
}

function ensureAptPackages(needBuildTools) {
  const missing = [];
  if (!existsSync(chromiumPath())) missing.push('chromium');
  if (needBuildTools) {
    if (!hasCommand('rg')) missing.push('ripgrep');
    // kerberos (a code-server dependency) is built from source and needs the GSSAPI headers.
    if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  }
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasCommand('apt-get')) {
    throw new Error(
      `missing: ${missing.join(', ')}. Install them first, e.g. \`sudo apt-get install -y ${APT_PACKAGES.join(' ')}\`` +
        ` (Chromium must be at ${chromiumPath()}; set CLUSTERSET_CHROMIUM to use another binary).`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env, quiet: true });
  run('apt-get', ['install', '-y', '-qq', ...APT_PACKAGES], { env, quiet: true });
  if (!existsSync(chromiumPath())) throw new Error(`apt-get installed chromium but ${chromiumPath()} is still missing`);
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub, which fails offline. Pre-seed its download
 * cache (in os.tmpdir(), so TMPDIR must be the same for the install) with Debian's rg.
 */
function seedRipgrepCache() {
  const asset = RIPGREP_ASSET[process.arch];
  if (!asset) throw new Error(`no ripgrep seed known for arch ${process.arch}`);
  const cacheDir = join(tmpdir(), RIPGREP_CACHE);
  const target = join(cacheDir, asset);
  if (existsSync(target)) return;
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) is needed to seed the @vscode/ripgrep cache');
  mkdirSync(cacheDir, { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), 'clusterset-rg-'));
  try {
    copyFileSync(rg, join(stage, 'rg'));
    run('tar', ['czf', `${target}.partial`, '-C', stage, 'rg']);
    run('mv', ['-f', `${target}.partial`, target]);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function installCodeServer(dir) {
  seedRipgrepCache();
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) {
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'clusterset-e2e-code-server', private: true, description: 'e2e tool cache' }, null, 2) + '\n',
    );
  }
  // Drop what `npm run` puts in the environment about *this* package so the nested install is clean.
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_/.test(k) || k === 'npm_config_local_prefix' || k === 'npm_command') continue;
    env[k] = v;
  }
  // As root, code-server's postinstall.sh insists on --unsafe-perm; node-pty's postinstall runs
  // `npx node-gyp`, which aborts without a TTY unless npm_config_yes is set.
  env.npm_config_unsafe_perm = 'true';
  env.npm_config_yes = 'true';
  run('npm', ['install', '--no-audit', '--no-fund', '--prefix', dir, `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir,
    env,
  });
}

/**
 * Installs what is missing and returns the paths the e2e harness needs.
 * @returns {{ chromium: string, codeServer: string, codeServerDir: string, codeServerVersion: string }}
 */
export function ensureE2eTools() {
  const dir = codeServerDir();
  let version = installedCodeServerVersion(dir);
  ensureAptPackages(!version);
  if (!version) {
    const t0 = Date.now();
    log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (about a minute)`);
    installCodeServer(dir);
    version = installedCodeServerVersion(dir);
    if (!version) throw new Error(`code-server in ${dir} does not run after the install`);
    log(`code-server installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return { chromium: chromiumPath(), codeServer: codeServerBin(dir), codeServerDir: dir, codeServerVersion: version };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const t0 = Date.now();
    const paths = ensureE2eTools();
    log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    process.stdout.write(JSON.stringify(paths, null, 2) + '\n');
  } catch (err) {
    log(`error: ${err.message}`);
    process.exit(1);
  }
}
