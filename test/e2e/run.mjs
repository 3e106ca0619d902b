#!/usr/bin/env node
// `npm run test:e2e`: setup (Chromium, code-server), `npm run package`, then every scenario in one
// code-server + Chromium session. The last line is `N passed, N failed`; the exit code is non-zero on failure.
//
// Env: E2E_DEADLINE_S (overall deadline, default 600), E2E_ONLY (substring filter on scenario names),
//      E2E_NO_PACKAGE=1 (reuse an existing dist/clusterset.vsix), E2E_VSIX=<path> (test that vsix, no packaging),
//      E2E_SCREENSHOT=1 (refresh docs/images/editor.png and tree.png), E2E_NO_TESTBED=1 (do not start the
//      3-cluster testbed; the tree and Discover CIDRs scenarios then fail), E2E_DEMO_CONTROLLER=1 (seed the
//      testbed as `npm start` does, with a ready Cilium: for the README's tree screenshot with E2E_ONLY=tree-;
//      the runbook scenario expects no controller and fails with it).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo, withUnreachableContext } from '../../scripts/demo-seed.mjs';
import { ensureE2eTools } from '../../scripts/e2e-setup.mjs';
import { REPO, RESULTS, Session, elapsed, runScenarios } from './harness.mjs';
import { readmeScreenshot, scenarios as allScenarios, treeScreenshot } from './scenarios.mjs';
import { testbedModule, testbedUnavailable } from './testbed.mjs';

const t0 = Date.now();
const log = (msg) => console.log(msg);
const scenarios = allScenarios.filter((s) => !process.env.E2E_ONLY || s.name.includes(process.env.E2E_ONLY));
const vsix = process.env.E2E_VSIX || join(REPO, 'dist', 'clusterset.vsix');
let passed = 0;
let finished = false;
let testbedPromise; // Promise<Testbed | undefined> while the e2e testbed exists

function finish(failed) {
  if (finished) return;
  finished = true;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
  // Should anything still hold the event loop (it should not), do not hang CI.
  setTimeout(() => process.exit(), 5000).unref();
}

const deadlineS = Number(process.env.E2E_DEADLINE_S ?? 600);
const deadline = setTimeout(() => {
  log(`e2e: overall deadline of ${deadlineS} s reached, giving up (children are killed on exit)`);
  finish(scenarios.length - passed);
  process.exit(1);
}, deadlineS * 1000);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    log(`e2e: ${sig}, stopping`);
    finish(scenarios.length - passed);
    process.exit(1);
  });
}

async function main() {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });

  // The 3-cluster testbed (east, west, central) with the demo state of scripts/demo-seed.mjs for the
  // Clusterset tree and Discover CIDRs: started first, so its API servers come up while the extension is
  // packaged; stopped in finally (and by its exit handler on a crash).
  let testbedInfo;
  const testbedStart = Date.now();
  if (scenarios.some((s) => s.needsTestbed) && process.env.E2E_NO_TESTBED !== '1') {
    const why = await testbedUnavailable();
    if (why) {
      testbedInfo = { error: why };
      log(`e2e: no testbed: ${why}`);
    } else {
      const { startClusterset } = await testbedModule();
      testbedPromise = startClusterset({ clusters: ['east', 'west', 'central'], log: (l) => log(`  [testbed] ${l}`) })
        .then(async (tb) => {
          try {
            await seedDemo(tb, {
              log: (l) => log(`  [testbed] ${l}`),
              withController: process.env.E2E_DEMO_CONTROLLER === '1',
            });
            return tb;
          } catch (err) {
            await tb.stop().catch(() => {});
            throw err;
          }
        })
        .catch((err) => {
          testbedInfo = { error: `the testbed did not start: ${err.message}` };
          log(`e2e: ${testbedInfo.error}`);
          return undefined;
        });
    }
  }

  let t = Date.now();
  const tools = ensureE2eTools();
  log(`e2e: ${tools.codeServerVersion.split(' ')[0]} code-server, ${tools.chromium} (setup ${elapsed(t)})`);

  if (process.env.E2E_VSIX || (process.env.E2E_NO_PACKAGE === '1' && existsSync(vsix))) {
    if (!existsSync(vsix)) throw new Error(`no such vsix: ${vsix}`);
    log(`e2e: using the existing ${vsix}`);
  } else {
    t = Date.now();
    // Asynchronous, so the testbed's start-up (above) goes on while the extension is packaged.
    const pack = () =>
      new Promise((res) => {
        const child = spawn('npm', ['run', '--silent', 'package'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout = (stdout + d).slice(-64 * 1024)));
        child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-64 * 1024)));
        child.on('close', (status) => res({ status, stdout, stderr }));
        child.on('error', (err) => res({ status: -1, stdout, stderr: `${stderr}${err.message}` }));
      });
    let r = await pack();
    if (r.status !== 0) {
      // vsce fails if dist/ changes while it zips (another build in the same checkout): one retry.
      log('e2e: npm run package failed, retrying once');
      r = await pack();
    }
    if (r.status !== 0 || !existsSync(vsix)) {
      log(`${r.stdout}${r.stderr}`.slice(-8000));
      throw new Error(`npm run package failed (exit ${r.status})`);
    }
    log(`e2e: packaged dist/clusterset.vsix (${elapsed(t)})`);
  }

  const tb = await testbedPromise;
  const settings = {};
  if (tb) {
    // The testbed's contexts plus `north`, whose server refuses connections: the tree's broken cluster.
    const kubeconfigPath = withUnreachableContext(tb.kubeconfigPath, join(tb.dir, 'e2e-kubeconfig'));
    testbedInfo = { kubeconfigPath, clusters: tb.clusters.map((c) => c.context), unreachable: 'north', handle: tb };
    settings['clusterset.kubeconfig'] = kubeconfigPath;
    log(`e2e: testbed ${testbedInfo.clusters.join(', ')} ready (${elapsed(testbedStart)} after its start)`);
  }

  t = Date.now();
  let session;
  try {
    session = await Session.start({ tools, vsix, fixture: 'basic', settings, log });
  } catch (err) {
    await tb?.stop().catch(() => {});
    throw err;
  }
  session.testbed = testbedInfo;
  try {
    const results = await runScenarios(session, scenarios, { log });
    passed = results.filter((r) => r.ok).length;
    if (passed === results.length) {
      const shot = join(RESULTS, 'editor.png');
      try {
        const keep = (p) => {
          log(`e2e: screenshot ${p.slice(REPO.length + 1)}`);
          if (process.env.E2E_SCREENSHOT !== '1') return;
          mkdirSync(join(REPO, 'docs', 'images'), { recursive: true });
          const name = p.split('/').pop();
          copyFileSync(p, join(REPO, 'docs', 'images', name));
          log(`e2e: copied to docs/images/${name}`);
        };
        if (scenarios.some((sc) => sc.name.startsWith('tree-')) && session.testbed?.handle) {
          const tree = join(RESULTS, 'tree.png');
          await treeScreenshot(session, tree);
          keep(tree);
        }
        if (!process.env.E2E_ONLY) {
          await readmeScreenshot(session, shot);
          keep(shot);
        }
      } catch (err) {
        log(`e2e: README screenshot failed: ${err.message.split('\n')[0]}`);
        await session.saveArtifacts('readme-screenshot', err);
        if (process.env.E2E_SCREENSHOT === '1') process.exitCode = 1;
      }
    }
    return results.length - passed;
  } finally {
    await session.close();
    if (tb) await tb.stop().catch((err) => log(`e2e: testbed stop: ${err.message}`));
    log(`e2e: session ${elapsed(t)}, total ${elapsed(t0)}`);
  }
}

main()
  .then((failed) => {
    const code = process.exitCode;
    finish(failed);
    if (code) process.exitCode = code;
  })
  .catch(async (err) => {
    log(`e2e: ${err.stack ?? err}`);
    // A testbed started before the failure (e.g. packaging failed): stop it now, not only at exit.
    const tb = await testbedPromise?.catch(() => undefined);
    await tb?.stop().catch(() => {});
    finish(scenarios.length - passed);
  })
  .finally(() => clearTimeout(deadline));
