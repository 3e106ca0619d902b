#!/usr/bin/env node
// `npm start`: build + package the extension, make sure code-server and Chromium are here
// (scripts/e2e-setup.mjs), install the vsix into a private profile under .cache/start/ and serve the
// examples/ workspace on http://127.0.0.1:${PORT:-8080}/ (a free port if that one is taken) with
// --auth none, in the foreground until Ctrl-C.
//
// The demo clusterset comes up in the background while the editor is already served: the testbed's
// binaries are built first if they are missing (progress in this terminal; needs Go, docs/testbed.md),
// then east, west and central start in .testbed/ and get the demo state of scripts/demo-seed.mjs (a
// healthy, a degraded and a broken service, with what a ready Cilium ClusterMesh would have written). The extension reads .cache/start/kubeconfig (KUBECONFIG):
// the testbed's contexts plus `north`, a context whose server does not answer. It is written once the
// clusters are ready; Refresh in the Clusterset view then shows them. Ctrl-C stops the clusters again.
// A testbed that already runs in .testbed/ (`npm run testbed -- up`) is used as it is, seeded, and left
// running. If the testbed cannot start, the reason is printed and the editor keeps running.
//
//   npm start                 # or: PORT=9000 npm start
//   npm start -- --no-clusters            # skip the testbed
//   node scripts/start.mjs --no-package   # reuse dist/clusterset.vsix
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemo, withUnreachableContext } from './demo-seed.mjs';
import { ensureE2eTools } from './e2e-setup.mjs';
import { prepareProfile, startCodeServer } from '../test/e2e/code-server.mjs';
import { testbedModule, testbedUnavailable } from '../test/e2e/testbed.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STATE = join(REPO, '.cache', 'start');
const VSIX = join(REPO, 'dist', 'clusterset.vsix');
const WORKSPACE = join(REPO, 'examples');
const TESTBED_DIR = join(REPO, '.testbed');
const TESTBED_KUBECONFIG = join(TESTBED_DIR, 'kubeconfig');
/** What the extension reads: the testbed's contexts plus the unreachable `north`. */
const DEMO_KUBECONFIG = join(STATE, 'kubeconfig');
const DEMO_CLUSTERS = ['east', 'west', 'central'];
const args = process.argv.slice(2);
let demo; // { testbed, owned } once the demo clusterset is up
let startingTestbed = false; // startClusterset into .testbed/ is under way
let stopping = false;

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

/**
 * Starts the demo clusterset in .testbed/ (or takes the one running there), seeds it and writes the demo
 * kubeconfig. Builds the testbed binaries first when they are missing. Resolves with { testbed, owned }
 * or undefined (after logging why) when there is none; never throws.
 */
async function demoClusterset() {
  let tbm;
  try {
    tbm = await testbedModule();
  } catch (err) {
    log(`no demo clusters: the testbed module did not load: ${err.message}`);
    return undefined;
  }
  const missing = await testbedUnavailable().catch(() => undefined);
  if (missing)
    log(
      `the testbed binaries are missing: building them in the background (6–10 min once; needs Go). The editor is already usable.`,
    );
  let testbed;
  let owned = false;
  try {
    if (missing) await tbm.ensureBinaries({ log: (l) => log(`[build] ${l}`) });
    if (stopping) return undefined;
    const st = await tbm.status(TESTBED_DIR);
    if (st && st.etcd.running && st.clusters.length && st.clusters.every((c) => c.ready)) {
      testbed = await tbm.openClusterset(TESTBED_DIR);
      log(
        `using the testbed already running in ${TESTBED_DIR} (${st.clusters.map((c) => c.name).join(', ')}); it stays up after Ctrl-C`,
      );
    } else {
      log(`starting the demo clusterset (${DEMO_CLUSTERS.join(', ')}) in ${TESTBED_DIR}`);
      owned = true;
      startingTestbed = true;
      testbed = await tbm.startClusterset({
        dir: TESTBED_DIR,
        clusters: DEMO_CLUSTERS,
        clustersetName: 'prod',
        log: (l) => log(`[testbed] ${l}`),
      });
    }
    await seedDemo(testbed, { log, withController: true });
    withUnreachableContext(testbed.kubeconfigPath, DEMO_KUBECONFIG);
    return { testbed, owned };
  } catch (err) {
    log(`no demo clusters: ${String(err.message).split('\n').slice(0, 6).join('\n  ')}`);
    if (owned) await tbm.stopDir(TESTBED_DIR).catch(() => {});
    return undefined;
  }
}

async function main() {
  if (!args.includes('--no-package') || !existsSync(VSIX)) {
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
  // Ctrl-C from here on stops whatever was started (the testbed's own handler kills its processes first).
  let server;
  const stop = async (why) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping${server ? ' code-server' : ''}${demo?.owned || startingTestbed ? ' and the demo clusterset' : ''}`);
    if (server) await server.stop();
    if (demo?.owned || startingTestbed)
      await (await testbedModule()).stopDir(TESTBED_DIR).catch((err) => log(`testbed: ${err.message}`));
    process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));

  const withClusters = !args.includes('--no-clusters');
  const env = {};
  if (withClusters) {
    // Written once the clusters are up; until then the Clusterset view says there is no kubeconfig.
    rmSync(DEMO_KUBECONFIG, { force: true });
    env.KUBECONFIG = DEMO_KUBECONFIG;
  } else if (existsSync(TESTBED_KUBECONFIG)) env.KUBECONFIG = TESTBED_KUBECONFIG;
  if (env.KUBECONFIG) log(`KUBECONFIG=${env.KUBECONFIG}`);
  const logFile = join(STATE, 'code-server.log');
  server = await startCodeServer({
    codeServer: tools.codeServer,
    profile,
    folder: WORKSPACE,
    bind: `127.0.0.1:${port}`,
    logFile,
    env,
  });

  console.log(`\nClusterset is running in code-server ${tools.codeServerVersion.split(' ')[0]}:\n`);
  console.log(`  ${server.url}?folder=${encodeURIComponent(WORKSPACE)}\n`);
  log(`profile ${STATE}, log ${logFile}. Ctrl-C to stop.`);
  if (!withClusters) {
    log('--no-clusters: not starting the demo clusterset');
    if (!env.KUBECONFIG) log('the Clusterset view reads $KUBECONFIG or ~/.kube/config');
  } else {
    // In the background: the editor is usable meanwhile.
    void demoClusterset().then((d) => {
      demo = d;
      if (!d || stopping) return;
      console.log(
        `\nDemo clusterset ready (${d.testbed.clusters.map((c) => c.name).join(', ')} + the unreachable north): Refresh the Clusterset view. For kubectl:\n`,
      );
      console.log(`  export KUBECONFIG=${DEMO_KUBECONFIG}\n`);
    });
  }

  const { code, signal } = await server.exited;
  if (!stopping) {
    log(`code-server exited by itself (${signal ?? code}); see ${logFile}`);
    if (demo?.owned) await (await testbedModule()).stopDir(TESTBED_DIR).catch(() => {});
    process.exit(1);
  }
}

main().catch(async (err) => {
  log(`error: ${err.message}`);
  if (demo?.owned) await (await testbedModule()).stopDir(TESTBED_DIR).catch(() => {});
  process.exit(1);
});
