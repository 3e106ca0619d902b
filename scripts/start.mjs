#!/usr/bin/env node
// `npm start`: build + package the extension, make sure code-server and Chromium are here
// (scripts/e2e-setup.mjs), install the vsix into a private profile under .cache/start/ and serve the
// examples/ workspace on http://127.0.0.1:${PORT:-8080}/ (a free port if that one is taken) with
// --auth none, in the foreground until Ctrl-C. If .testbed/kubeconfig exists, code-server (and so the
// extension) gets KUBECONFIG pointing at it.
//
//   npm start                 # or: PORT=9000 npm start
//   node scripts/start.mjs --no-package   # reuse dist/clusterset.vsix
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureE2eTools } from './e2e-setup.mjs';
import { prepareProfile, startCodeServer } from '../test/e2e/code-server.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STATE = join(REPO, '.cache', 'start');
const VSIX = join(REPO, 'dist', 'clusterset.vsix');
const WORKSPACE = join(REPO, 'examples');
const KUBECONFIG = join(REPO, '.testbed', 'kubeconfig');

function log(msg) {
  process.stderr.write(`[start] ${msg}\n`);
}

/** Resolves true when host:port can be bound right now. */
function portFree(port, host = '127.0.0.1') {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, host, () => srv.close(() => res(true)));
  });
}

async function main() {
  if (!process.argv.includes('--no-package') || !existsSync(VSIX)) {
    log('npm run package');
    const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status})`);
  }
  const tools = ensureE2eTools();

  mkdirSync(STATE, { recursive: true });
  // settings.json is written once; later edits made in the browser are kept.
  const profile = prepareProfile(tools.codeServer, VSIX, STATE, { overwriteSettings: false });

  const wanted = Number(process.env.PORT || 8080);
  let port = wanted;
  if (!(await portFree(wanted))) {
    log(`port ${wanted} is taken, using a free one`);
    port = 0;
  }
  const env = {};
  if (existsSync(KUBECONFIG)) {
    env.KUBECONFIG = KUBECONFIG;
    log(`KUBECONFIG=${KUBECONFIG}`);
  }
  const logFile = join(STATE, 'code-server.log');
  const server = await startCodeServer({
    codeServer: tools.codeServer,
    profile,
    folder: WORKSPACE,
    bind: `127.0.0.1:${port}`,
    logFile,
    env,
  });

  let stopping = false;
  const stop = async (why) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));

  console.log(`\nClusterset is running in code-server ${tools.codeServerVersion.split(' ')[0]}:\n`);
  console.log(`  ${server.url}?folder=${encodeURIComponent(WORKSPACE)}\n`);
  log(`profile ${STATE}, log ${logFile}. Ctrl-C to stop.`);

  const { code, signal } = await server.exited;
  if (!stopping) {
    log(`code-server exited by itself (${signal ?? code}); see ${logFile}`);
    process.exit(1);
  }
}

main().catch((err) => {
  log(`error: ${err.message}`);
  process.exit(1);
});
