// The testbed's own lifecycle: CLI up/status/down, stale state after a crash, and no stray
// processes when the owning Node process is told to stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../testbed/src/paths.js';
import type { TestbedState } from '../../testbed/src/index.js';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'testbed', 'cli.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 45 * 60_000,
  });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const pids = (s: TestbedState) => [s.etcd.pid, ...s.clusters.map((c) => c.pid)];
const state = (dir: string) => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as TestbedState;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function gone(ps: number[], ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end && ps.some(alive)) await sleep(100);
  return !ps.some(alive);
}

test('CLI: up, status, up over a stale testbed, down leaves nothing running', { timeout: 50 * 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'testbed-cli-'));
  try {
    const up = cli('up', '--dir', dir, '--clusters', 'solo');
    assert.equal(up.status, 0, up.stderr);
    assert.match(up.stdout, /solo\s+https:\/\/127\.0\.0\.1:\d+\s+contexts: solo, solo-viewer, solo-reader/);
    assert.doesNotMatch(up.stdout + up.stderr, /token/i, 'no token is printed');
    const first = state(dir);
    assert.ok(pids(first).every(alive), 'a detached up outlives the CLI process');

    const st = cli('status', '--dir', dir);
    assert.equal(st.status, 0, st.stdout + st.stderr);
    assert.match(st.stdout, /solo .* ready/);

    // A second up over a running testbed (as after a crashed shell) replaces it.
    const again = cli('up', '--dir', dir, '--clusters', 'solo,duo', '--no-crds', 'duo');
    assert.equal(again.status, 0, again.stderr);
    assert.ok(await gone(pids(first)), 'the stale processes were stopped');
    const second = state(dir);
    assert.deepEqual(
      second.clusters.map((c) => [c.name, c.crds]),
      [
        ['solo', true],
        ['duo', false],
      ],
    );

    // Dead pids in state.json (a crash that took the processes along) are handled too.
    for (const p of pids(second)) process.kill(-p, 'SIGKILL');
    assert.ok(await gone(pids(second)));
    const dead = cli('status', '--dir', dir);
    assert.equal(dead.status, 1);
    assert.match(dead.stdout, /NOT RUNNING/);
    const third = cli('up', '--dir', dir, '--clusters', 'solo');
    assert.equal(third.status, 0, third.stderr);
    const thirdPids = pids(state(dir));

    const down = cli('down', '--dir', dir);
    assert.equal(down.status, 0, down.stderr);
    assert.ok(await gone(thirdPids), 'down stopped every process');
    assert.equal(existsSync(dir), false, 'down removed the state folder');
    assert.equal(cli('status', '--dir', dir).status, 3);
  } finally {
    cli('down', '--dir', dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'an attached testbed dies with its Node process (SIGTERM) and a failed start leaves nothing',
  { timeout: 50 * 60_000 },
  async () => {
    const work = mkdtempSync(join(tmpdir(), 'testbed-owner-'));
    const dir = join(work, 'tb');
    const script = join(work, 'owner.mts'); // .mts: top-level await needs ESM
    writeFileSync(
      script,
      `
import { startClusterset } from ${JSON.stringify(join(repoRoot, 'testbed', 'src', 'index.ts'))};
const tb = await startClusterset({ dir: ${JSON.stringify(dir)}, clusters: ['one'], log: () => {} });
console.log('READY ' + tb.clusters[0].pid);
setInterval(() => {}, 1000);
`,
    );
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
      const line = await new Promise<string>((res, rej) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) res(out);
        });
        child.on('exit', (code) => rej(new Error(`owner exited early (${code})`)));
      });
      assert.match(line, /^READY \d+/);
      const ps = pids(state(dir));
      assert.ok(ps.every(alive));
      child.kill('SIGTERM');
      assert.ok(await gone(ps), 'SIGTERM of the owner stopped etcd and the API server');

      // A start that cannot succeed (bad name) throws before starting anything.
      const { startClusterset } = await import('../../testbed/src/index.js');
      await assert.rejects(startClusterset({ dir, clusters: ['Bad_Name'], log: () => {} }), /lowercase DNS label/);
      await assert.rejects(startClusterset({ dir, clusters: ['a'], noCrds: ['b'], log: () => {} }), /not among the clusters/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);

test('a start that times out and an owner killed with SIGKILL leave no processes behind', { timeout: 50 * 60_000 }, async () => {
  const { startClusterset } = await import('../../testbed/src/index.js');
  const work = mkdtempSync(join(tmpdir(), 'testbed-fail-'));
  try {
    // Failure mid-start (etcd cannot be ready within 1 ms): whatever was started is stopped.
    const dir = join(work, 'tb');
    await assert.rejects(startClusterset({ dir, clusters: ['x'], readyTimeoutMs: 1, log: () => {} }), /not ready after/);
    const failed = state(dir);
    assert.ok(failed.etcd.pid > 0, 'etcd had been started');
    assert.ok(await gone(pids(failed).filter((p) => p > 0)), 'the failed start stopped etcd');

    // Owner killed with SIGKILL (no exit handler runs): the next start reaps its temp testbed.
    const script = join(work, 'owner.mts');
    writeFileSync(
      script,
      `
import { startClusterset } from ${JSON.stringify(join(repoRoot, 'testbed', 'src', 'index.ts'))};
const tb = await startClusterset({ clusters: ['orphan'], log: () => {} });
console.log('READY ' + tb.dir);
setInterval(() => {}, 1000);
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((res, rej) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) res(out.trim());
      });
      child.on('exit', (code) => rej(new Error(`owner exited early (${code})`)));
    });
    const orphanDir = line.replace(/^READY /, '');
    const orphan = pids(state(orphanDir));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    assert.ok(orphan.every(alive), 'SIGKILL leaves the processes running (nothing can catch it)');
    const tb = await startClusterset({ clusters: ['next'], log: () => {} });
    try {
      assert.ok(await gone(orphan), 'the orphaned testbed was stopped by the next start');
      assert.equal(existsSync(orphanDir), false);
    } finally {
      await tb.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test(
  'parallel callers share one build of the binaries (lock), and a build error is reported',
  { timeout: 5 * 60_000 },
  async () => {
    const work = mkdtempSync(join(tmpdir(), 'testbed-lock-'));
    try {
      // A stand-in for `go` that records each build and takes a moment, so the two callers overlap.
      const fakeGo = join(work, 'go');
      const runs = join(work, 'runs');
      writeFileSync(
        fakeGo,
        `#!/bin/sh
if [ "$1" = version ]; then echo "go version go1.26.0 fake"; exit 0; fi
if [ -n "$FAKE_GO_FAIL" ]; then echo "main.go:1:1: something broke" >&2; exit 1; fi
out=""; prev=""
for a in "$@"; do if [ "$prev" = "-o" ]; then out="$a"; fi; prev="$a"; done
echo "k8s.io/fake/pkg" >&2
sleep 3
for b in kube-apiserver kubectl etcd; do printf '#!/bin/sh\\n' > "$out/$b"; chmod +x "$out/$b"; done
echo build >> "${runs}"
`,
        { mode: 0o755 },
      );
      const env = { ...process.env, GO: fakeGo, CLUSTERSET_TESTBED_CACHE: join(work, 'cache'), KUBEBUILDER_ASSETS: '' };
      const build = () =>
        new Promise<{ code: number | null; out: string }>((res) => {
          const c = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'testbed', 'cli.ts'), 'build'], {
            cwd: repoRoot,
            env,
          });
          let out = '';
          c.stdout.on('data', (d: Buffer) => (out += d.toString()));
          c.stderr.on('data', (d: Buffer) => (out += d.toString()));
          c.on('close', (code) => res({ code, out }));
        });
      const [a, b] = await Promise.all([build(), build()]);
      assert.equal(a.code, 0, a.out);
      assert.equal(b.code, 0, b.out);
      assert.equal(readFileSync(runs, 'utf8').trim().split('\n').length, 1, 'exactly one build ran');
      assert.match(a.out + b.out, /waiting for another process/);
      assert.match(a.out + b.out, /^built: /m);
      const again = await build();
      assert.match(again.out, /^cache: /m, 'a second call finds the cache');

      const failing = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'testbed', 'cli.ts'), 'build', '--force'], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...env, FAKE_GO_FAIL: '1' },
      });
      assert.equal(failing.status, 1);
      assert.match(failing.stderr, /building the testbed binaries failed \(go build exit 1/);
      assert.match(failing.stderr, /main\.go:1:1: something broke/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);
