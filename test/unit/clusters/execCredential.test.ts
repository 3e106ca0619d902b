// Exec credential plugins run by clusters/src/exec: real plugin processes (small node and sh scripts written
// into a temp dir). What a plugin prints is secret by default, it never reads our stdin, it and everything
// it started is killed at the deadline, and its ExecCredential is checked and cached like client-go does.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { execCredential, invalidateExecCredential, type ExecSpec } from '../../../clusters/src/exec/execCredential';
import { describeFault } from '../../../clusters/src/faults';

const V1 = 'client.authentication.k8s.io/v1';
let dir: string;
let n = 0;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'clusterset-exec-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A node plugin; every spec is distinct (its own file), so the credential cache never mixes tests. */
function plugin(body: string, extra: Partial<ExecSpec> = {}): ExecSpec {
  const file = join(dir, `plugin-${++n}.js`);
  writeFileSync(file, body);
  return { command: process.execPath, args: [file], apiVersion: V1, ...extra };
}

function run(spec: ExecSpec, timeoutMs = 5000, signal?: AbortSignal) {
  const deadline = AbortSignal.timeout(timeoutMs);
  const s = signal ? AbortSignal.any([deadline, signal]) : deadline;
  return execCredential(spec, {
    signal: s,
    reason: () => (deadline.aborted ? 'deadline' : 'cancelled'),
    timeoutMs,
    secrets: [],
  });
}

const credential = (status: object, apiVersion = V1) => JSON.stringify({ apiVersion, kind: 'ExecCredential', status });

/** Whether `pid` still runs. A zombie (killed, not yet reaped: a container's PID 1 may never reap) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return process.platform !== 'linux';
  }
}

async function waitGone(pid: number, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return !alive(pid);
}

// Every format the issue names, each 16+ characters: what a plugin may quote in its error message.
const TOKENS = {
  googleAccessToken: 'ya29.a0AfH6SMBx3kQ9Zq1rT7uV2wY5dEfGhIjKlMnOpQrS',
  base64url32: 'q3VzZ2Vy_Lm9rZW4tdmFsdWUtMTIzNDU',
  base64: 'dXNlcjpzM2NyM3QtdG9rZW4tdmFsdWU=',
  hex: '9f86d081884c7d659a2feaa0c55ad015',
  jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXBhcnQtMTIz',
  dotted: 'hvs.CAESIJ4k3lmnOpQrStUvWxYz012345',
  bootstrap: 'abcdef.0123456789abcdef',
  shortBase64url: 'Zk3q9PwX_7mLr2Tb',
} as const;

for (const [format, token] of Object.entries(TOKENS)) {
  test(`a failing plugin that prints a ${format} token on stderr: the fault shows an excerpt without it`, async () => {
    const r = await run(
      plugin(
        `process.stderr.write('error: could not refresh credentials: got ${token} from the identity provider, but it was rejected\\n'); process.exit(3);`,
      ),
    );
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.fault.kind, 'execPlugin');
    assert.match(
      r.fault.message,
      /^exec plugin "node" exited with status 3: error: could not refresh credentials: got \[redacted\]/,
    );
    assert.ok(!r.fault.message.includes(token), r.fault.message);
    assert.ok(!describeFault(r.fault).includes(token));
  });
}

test('a plugin that prints a valid ExecCredential and then fails: its token is a secret everywhere from then on', async () => {
  const token = 'Ab3xK9-mq_ZpL2vR8sT4wY6n';
  const r = await run(
    plugin(
      `process.stdout.write(${JSON.stringify(credential({ token }))}); console.error('late failure; token was ${token}'); process.exit(1);`,
    ),
  );
  assert.ok(!r.ok);
  assert.ok(!r.fault.message.includes(token), r.fault.message);
  assert.match(r.fault.message, /late failure; \[redacted\]|late failure; token was \[redacted\]/);
  // Remembered: a later message quoting it (a server echoing it, say) loses it too.
  assert.equal(
    describeFault({ kind: 'forbidden', message: `access denied for ${token}` }),
    'forbidden: access denied for [redacted]',
  );
});

test('stdout that is not an ExecCredential is described, never quoted', async () => {
  const secret = 'ya29.c0ZzXx-not-json-but-a-token-ABC123';
  const r = await run(plugin(`process.stdout.write('token=${secret} (plain text, not JSON)');`));
  assert.ok(!r.ok);
  assert.match(
    r.fault.message,
    /^exec plugin "node" printed no valid ExecCredential: its output \(\d+ characters\) is not JSON$/,
  );
  assert.ok(!r.fault.message.includes(secret));
  const wrongKind = await run(plugin(`process.stdout.write(JSON.stringify({ kind: 'Secret', status: { token: 'x' } }));`));
  assert.match(wrongKind.ok ? '' : wrongKind.fault.message, /not of kind ExecCredential/);
  const noToken = await run(plugin(`process.stdout.write(${JSON.stringify(credential({}))});`));
  assert.match(noToken.ok ? '' : noToken.fault.message, /neither a token nor a client certificate/);
  const other = await run(
    plugin(
      `process.stdout.write(${JSON.stringify(credential({ token: 't0k3n-value' }, 'client.authentication.k8s.io/v1beta1'))});`,
    ),
  );
  assert.match(
    other.ok ? '' : other.fault.message,
    /answered with apiVersion "client.authentication.k8s.io\/v1beta1", but the kubeconfig asks for "client.authentication.k8s.io\/v1"/,
  );
});

test('a hanging plugin and what it started are killed at the deadline; the fault says it timed out', async () => {
  const pids = join(dir, 'hang.pids');
  const script = join(dir, 'hang.sh');
  // The plugin starts a helper (a grandchild) and both wait forever, like a plugin waiting for a browser login.
  writeFileSync(script, `#!/bin/sh\nsleep 300 &\necho "$$ $!" > ${JSON.stringify(pids)}\nwait\n`, { mode: 0o755 });
  const t0 = Date.now();
  const r = await run({ command: script, apiVersion: V1 }, 400);
  const took = Date.now() - t0;
  assert.ok(!r.ok);
  assert.equal(r.fault.kind, 'execPlugin');
  assert.equal(
    r.fault.message,
    'exec plugin "hang.sh" timed out after 0.4 s and was stopped (does it wait for an interactive login? log in once in a terminal, e.g. with kubectl, then retry)',
  );
  assert.ok(took < 3000, `took ${took} ms`);
  const [shell, helper] = readFileSync(pids, 'utf8').trim().split(' ').map(Number);
  assert.ok(shell && helper);
  assert.ok(await waitGone(shell), 'the plugin process survived its deadline');
  assert.ok(await waitGone(helper), 'the process the plugin started survived the deadline');
});

test('cancellation stops the plugin as well', async () => {
  const pidFile = join(dir, 'cancel.pid');
  const ac = new AbortController();
  const p = run(
    plugin(`require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`),
    10_000,
    ac.signal,
  );
  while (!existsSync(pidFile)) await new Promise((r) => setTimeout(r, 20));
  ac.abort();
  const r = await p;
  assert.deepEqual(r, { ok: false, fault: { kind: 'cancelled', message: 'cancelled' } });
  assert.ok(await waitGone(Number(readFileSync(pidFile, 'utf8'))));
});

test('the plugin never reads our stdin and is told it is not interactive', async () => {
  const r = await run(
    plugin(`
      let input = '';
      process.stdin.on('data', (d) => (input += d));
      process.stdin.on('end', () => {
        const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);
        process.stdout.write(JSON.stringify({ apiVersion: info.apiVersion, kind: 'ExecCredential',
          status: { token: 'stdin-' + JSON.stringify(input) + '-interactive-' + info.spec.interactive } }));
      });`),
  );
  assert.deepEqual(r, { ok: true, value: { token: 'stdin-""-interactive-false' } });
});

test('interactiveMode Always and unsupported apiVersions are refused without running anything', async () => {
  const marker = join(dir, 'ran-always');
  const always = await run(plugin(`require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`, { interactiveMode: 'Always' }));
  assert.match(always.ok ? '' : always.fault.message, /needs an interactive terminal \(interactiveMode: Always\)/);
  const alpha = await run(
    plugin(`require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`, {
      apiVersion: 'client.authentication.k8s.io/v1alpha1',
    }),
  );
  assert.match(alpha.ok ? '' : alpha.fault.message, /apiVersion "client.authentication.k8s.io\/v1alpha1" is not supported/);
  assert.equal(existsSync(marker), false);
});

test('credentials are cached until their expirationTimestamp and after a 401 are fetched again', async () => {
  const counter = join(dir, 'count');
  writeFileSync(counter, '');
  const body = (expiresInMs: number) => `
    const fs = require('fs');
    fs.appendFileSync(${JSON.stringify(counter)}, 'x');
    process.stdout.write(JSON.stringify({ apiVersion: '${V1}', kind: 'ExecCredential',
      status: { token: 'cached-token-' + fs.readFileSync(${JSON.stringify(counter)}, 'utf8').length,
                expirationTimestamp: new Date(Date.now() + ${expiresInMs}).toISOString() } }));`;
  const fresh = plugin(body(3_600_000));
  const first = await run(fresh);
  assert.equal(first.ok && first.value.token, 'cached-token-1');
  const cached = await run(fresh);
  assert.equal(cached.ok && cached.value.token, 'cached-token-1');
  assert.equal(readFileSync(counter, 'utf8').length, 1, 'a valid cached credential must not run the plugin again');
  invalidateExecCredential(fresh);
  const again = await run(fresh);
  assert.equal(again.ok && again.value.token, 'cached-token-2');
  // Expiring within the refresh margin: every read runs the plugin.
  const expiring = plugin(body(1000));
  await run(expiring);
  const second = await run(expiring);
  assert.equal(second.ok && second.value.token, 'cached-token-4');
});

test('a missing or non-executable plugin is a clear fault', async () => {
  const missing = await run({ command: 'clusterset-no-such-plugin', apiVersion: V1, installHint: 'brew install it' });
  assert.equal(
    missing.ok ? '' : missing.fault.message,
    'exec plugin "clusterset-no-such-plugin" was not found on PATH — install it or fix users[].exec.command in the kubeconfig — brew install it',
  );
  const file = join(dir, 'not-executable.sh');
  writeFileSync(file, '#!/bin/sh\necho hi\n', { mode: 0o644 });
  const r = await run({ command: file, apiVersion: V1 });
  assert.match(r.ok ? '' : r.fault.message, /exec plugin "not-executable.sh" is not executable/);
});

test('a plugin that floods stdout is stopped at 1 MiB', async () => {
  const r = await run(
    plugin(
      `const chunk = 'x'.repeat(65536); const w = () => { while (process.stdout.write(chunk)); process.stdout.once('drain', w); }; w();`,
    ),
  );
  assert.equal(r.ok ? '' : r.fault.message, 'exec plugin "node" printed more than 1 MiB and was stopped');
});

test('a plugin that answers and exits but leaves a helper holding its output: the answer is used, the helper killed', async () => {
  const pidFile = join(dir, 'leftover.pid');
  const script = join(dir, 'leftover.sh');
  writeFileSync(
    script,
    `#!/bin/sh\nsleep 300 &\necho $! > ${JSON.stringify(pidFile)}\nprintf '%s' '${credential({ token: 'leftover-token-value' })}'\n`,
    { mode: 0o755 },
  );
  const r = await run({ command: script, apiVersion: V1 }, 10_000);
  assert.deepEqual(r, { ok: true, value: { token: 'leftover-token-value' } });
  assert.ok(await waitGone(Number(readFileSync(pidFile, 'utf8'))), 'the helper the plugin left behind is still running');
});
