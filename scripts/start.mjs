#!/usr/bin/env node
// `npm start`: build + package the extension, make sure code-server and Chromium are here
// (scripts/e2e-setup.mjs), install the vsix into a private profile under .cache/start/ and serve the
// examples/ workspace on http://127.0.0.1:${PORT:-8080}/ (a free port if that one is taken) with
// --auth none, in the foreground until Ctrl-C.
//
// The demo clusterset: once the testbed's binaries exist (`npm run testbed -- build`, docs/testbed.md),
// it also starts the testbed (east, west, central) in .testbed/, seeds examples/clusters/<name>/ into the
// matching cluster and gives code-server (and so the extension) KUBECONFIG=.testbed/kubeconfig. Ctrl-C
// stops it again. A testbed that already runs in .testbed/ (`npm run testbed -- up`) is used as it is,
// seeded, and left running. If the testbed cannot start, the reason is printed and the editor is still
// served. Without clusters, an existing .testbed/kubeconfig is still passed on.
//
//   npm start                 # or: PORT=9000 npm start
//   npm start -- --no-clusters            # skip the testbed
//   node scripts/start.mjs --no-package   # reuse dist/clusterset.vsix
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureE2eTools } from './e2e-setup.mjs';
import { prepareProfile, startCodeServer } from '../test/e2e/code-server.mjs';
import { testbedModule, testbedUnavailable } from '../test/e2e/testbed.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STATE = join(REPO, '.cache', 'start');
const VSIX = join(REPO, 'dist', 'clusterset.vsix');
const WORKSPACE = join(REPO, 'examples');
const TESTBED_DIR = join(REPO, '.testbed');
const KUBECONFIG = join(TESTBED_DIR, 'kubeconfig');
const DEMO_CLUSTERS = ['east', 'west', 'central'];
const args = process.argv.slice(2);
let demo; // { testbed, owned } once the demo clusterset is up
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
 * Starts the demo clusterset in .testbed/ (or takes the one running there) and seeds it. Resolves with
 * { testbed, owned } or undefined (after logging why) when there is none; never throws.
 */
async function demoClusterset() {
  const why = await testbedUnavailable().catch((err) => `the testbed module did not load: ${err.message}`);
  if (why) {
    log(`no demo clusters: ${why}`);
    return undefined;
  }
  const tbm = await testbedModule();
  let testbed;
  let owned = false;
  try {
    const st = await tbm.status(TESTBED_DIR);
    if (st && st.etcd.running && st.clusters.length && st.clusters.every((c) => c.ready)) {
      testbed = await tbm.openClusterset(TESTBED_DIR);
      log(
        `using the testbed already running in ${TESTBED_DIR} (${st.clusters.map((c) => c.name).join(', ')}); it stays up after Ctrl-C`,
      );
    } else {
      log(`starting the demo clusterset (${DEMO_CLUSTERS.join(', ')}) in ${TESTBED_DIR}`);
      testbed = await tbm.startClusterset({ dir: TESTBED_DIR, clusters: DEMO_CLUSTERS, log: (l) => log(`[testbed] ${l}`) });
      owned = true;
    }
    await seed(testbed, tbm);
    return { testbed, owned };
  } catch (err) {
    log(`no demo clusters: the testbed did not start: ${err.message.split('\n').slice(0, 6).join('\n  ')}`);
    if (owned || !testbed) await tbm.stopDir(TESTBED_DIR).catch(() => {});
    return undefined;
  }
}

/**
 * Applies examples/clusters/<name>/*.yaml to cluster <name>, one object at a time (namespaces first):
 * the examples carry deliberate mistakes the API server rejects (a group no CRD serves, a ServiceImport
 * type outside the enum); those are reported and skipped, the rest goes in.
 */
async function seed(testbed, tbm) {
  const { parseAllDocuments } = await import('yaml');
  const root = join(WORKSPACE, 'clusters');
  if (!existsSync(root)) return;
  for (const cluster of readdirSync(root).sort()) {
    if (!testbed.clusters.some((c) => c.name === cluster)) {
      log(`seed: no cluster "${cluster}" in the testbed, skipping examples/clusters/${cluster}/`);
      continue;
    }
    const objects = [];
    for (const f of readdirSync(join(root, cluster))
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()) {
      for (const d of parseAllDocuments(readFileSync(join(root, cluster, f), 'utf8'))) {
        const o = d.toJS();
        if (o && typeof o === 'object' && o.kind) objects.push({ file: f, o });
      }
    }
    const namespaces = [...new Set(objects.map(({ o }) => o.metadata?.namespace).filter(Boolean))];
    let applied = 0;
    const rejected = [];
    for (const ns of namespaces) await testbed.apply(cluster, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    for (const { file, o } of objects) {
      try {
        await testbed.apply(cluster, o);
        applied++;
      } catch (err) {
        if (!(err instanceof tbm.ApiError)) throw err;
        const name = o.metadata?.namespace ? `${o.metadata.namespace}/${o.metadata?.name}` : o.metadata?.name;
        const why = String(err.message)
          .split('\n')[0]
          .replace(/^apply \S+ \S+: /, '');
        rejected.push(`${file}: ${o.kind} ${name} (${o.apiVersion}): ${why.length > 220 ? `${why.slice(0, 220)}…` : why}`);
      }
    }
    log(
      `seed ${cluster}: ${applied} object(s) applied${namespaces.length ? ` (namespaces ${namespaces.join(', ')})` : ''}${rejected.length ? `, ${rejected.length} rejected by the API server:` : ''}`,
    );
    for (const r of rejected) log(`  ${r}`);
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
    log(`${why}: stopping${server ? ' code-server' : ''}${demo?.owned ? ' and the demo clusterset' : ''}`);
    if (server) await server.stop();
    if (demo?.owned) await (await testbedModule()).stopDir(TESTBED_DIR).catch((err) => log(`testbed: ${err.message}`));
    process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));

  if (args.includes('--no-clusters')) log('--no-clusters: not starting the demo clusterset');
  else demo = await demoClusterset();
  if (stopping) return;

  const env = {};
  if (demo || existsSync(KUBECONFIG)) {
    env.KUBECONFIG = demo?.testbed.kubeconfigPath ?? KUBECONFIG;
    log(`KUBECONFIG=${env.KUBECONFIG}`);
  }
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
  if (demo) {
    console.log(
      `Demo clusterset (${demo.testbed.clusters.map((c) => c.name).join(', ')}), kubeconfig for kubectl and the extension:\n`,
    );
    console.log(`  export KUBECONFIG=${demo.testbed.kubeconfigPath}\n`);
  } else if (env.KUBECONFIG) {
    console.log(`kubeconfig: ${env.KUBECONFIG}\n`);
  } else {
    console.log('No demo clusters (see the reason above); the Clusters view reads $KUBECONFIG or ~/.kube/config.\n');
  }
  log(`profile ${STATE}, log ${logFile}. Ctrl-C to stop.`);

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
