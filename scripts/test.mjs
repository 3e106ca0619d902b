// `npm test`: every tier, in the order that fails fastest — lint and types, unit, the language server over
// stdio, the real-cluster integration tests, then real VS Code. Prints one closing line with the totals.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'lint', cmd: ['npx', 'eslint', '--max-warnings', '0', '.'] },
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.'] },
  { name: 'typecheck', cmd: ['npx', 'tsc', '-p', '.', '--noEmit'] },
  { name: 'build', cmd: ['node', 'scripts/build.mjs'] },
  { name: 'unit', cmd: ['node', 'scripts/run-node-tests.mjs', 'test/unit'], counts: true },
  { name: 'lsp', cmd: ['node', 'scripts/run-node-tests.mjs', 'test/lsp'], counts: true },
  { name: 'integration', cmd: ['node', 'scripts/run-node-tests.mjs', 'test/integration'], counts: true },
  { name: 'e2e', cmd: ['node', 'test/e2e/run.mjs'], counts: true },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const failures = [];

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
    const child = spawn(step.cmd[0], step.cmd.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (b) => {
      process.stdout.write(b);
      tail = (tail + b.toString()).slice(-20000);
    });
    child.on('close', (code) => {
      let stepFailed = 0;
      if (step.counts) {
        // Node's runner ends with "# pass N" / "# fail N"; the e2e runner with "N passed, N failed".
        const p = [...tail.matchAll(/^# pass (\d+)$/gm)].pop() ?? [...tail.matchAll(/^(\d+) passed, \d+ failed/gm)].pop();
        const f = [...tail.matchAll(/^# fail (\d+)$/gm)].pop() ?? [...tail.matchAll(/^\d+ passed, (\d+) failed/gm)].pop();
        passed += p ? Number(p[1]) : 0;
        stepFailed = f ? Number(f[1]) : 0;
      }
      // A step that fails without a failing test (lint, types, a crash) still counts as one failure.
      if (code !== 0) {
        failures.push(step.name);
        stepFailed = Math.max(stepFailed, 1);
      }
      failed += stepFailed;
      console.log(
        `=== ${step.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      resolve(code === 0);
    });
  });
}

for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  const ok = await run(step);
  // Without a clean build nothing after it means anything.
  if (!ok && ['build'].includes(step.name)) break;
}
if (failures.length) console.log(`\nfailed steps: ${failures.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
