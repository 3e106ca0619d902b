// `clusterset cidr` (the CLI process) against a real testbed API server with broken and hostile
// kubeconfigs: exec plugins that print tokens of every format and fail, one that prints a credential and
// then fails, one that hangs forever (with a helper process), kubectl's tokenFile (present and missing), a
// broken client key, /dev/zero and a FIFO where files should be. Asserted: exit codes, that the command
// ends (bounded by the spawn timeout) with nothing it started still running, the fault each context gets,
// and that no planted secret appears in text, JSON or YAML output, nor in describeFault.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startClusterset, type Testbed } from '../../testbed/src/index.js';
import { describeFault } from '../../clusters/src/faults.js';
import type { ClusterCidrReport } from '../../clusters/src/cidrs.js';

const V1 = 'client.authentication.k8s.io/v1';
/** Planted by the plugins and the kubeconfig; none may be printed. */
const PLANTED = {
  ya29: 'ya29.a0AfH6SMBx3kQ9Zq1rT7uV2wY5dEfGhIjKlMnOpQrS',
  base64url: 'q3VzZ2Vy_Lm9rZW4tdmFsdWUtMTIzNDU',
  hex: '9f86d081884c7d659a2feaa0c55ad015',
  jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXBhcnQtMTIz',
  dotted: 'hvs.CAESIJ4k3lmnOpQrStUvWxYz012345',
  issuedThenFailed: 'Ab3xK9-mq_ZpL2vR8sT4wY6nQ',
  rejected: 'rejected-by-server-Tk7Qm2xZ9p',
  staticToken: 'static-kubeconfig-token-Zx81Lq',
};
const FAILING = ['ya29', 'base64url', 'hex', 'jwt', 'dotted'] as const;

let tb: Testbed;
let dir: string;
let kubeconfig: string;
let adminToken = '';
let pidsFile: string;

function script(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

const credential = (token: string) => JSON.stringify({ apiVersion: V1, kind: 'ExecCredential', status: { token } });
const exec = (command: string) => ({ exec: { apiVersion: V1, command, interactiveMode: 'Never' } });

function writeKubeconfig(): string {
  const base = parse(readFileSync(tb.kubeconfigPath, 'utf8')) as {
    clusters: { name: string; cluster: Record<string, unknown> }[];
    users: { name: string; user: Record<string, unknown> }[];
  };
  const east = base.clusters.find((c) => c.name === 'east');
  assert.ok(east);
  adminToken = String(base.users.find((u) => u.name === 'testbed-admin')?.user.token ?? '');
  assert.ok(adminToken, 'the testbed admin authenticates with a token');
  writeFileSync(join(dir, 'admin-token'), `${adminToken}\n`);
  const fifo = join(dir, 'key-fifo');
  execFileSync('mkfifo', [fifo]);
  const brokenKey = Buffer.from('-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----\n').toString(
    'base64',
  );
  const users: Record<string, Record<string, unknown>> = {
    ...Object.fromEntries(
      FAILING.map((f) => [
        `fail-${f}`,
        exec(
          script(`fail-${f}.sh`, `echo "error: token refresh failed: the provider returned ${PLANTED[f]} (expired)" >&2\nexit 1`),
        ),
      ]),
    ),
    'issued-then-failed': exec(
      script(
        'issued-then-failed.sh',
        `printf '%s' '${credential(PLANTED.issuedThenFailed)}'\necho "failed after issuing ${PLANTED.issuedThenFailed}" >&2\nexit 2`,
      ),
    ),
    rejected: exec(script('rejected.sh', `printf '%s' '${credential(PLANTED.rejected)}'`)),
    'plugin-ok': exec(script('plugin-ok.sh', `printf '%s' '${credential(adminToken)}'`)),
    hang: exec(script('hang.sh', `sleep 600 &\necho "$$ $!" > ${JSON.stringify(pidsFile)}\nwait`)),
    'token-file': { tokenFile: 'admin-token' },
    'token-file-missing': { tokenFile: 'no-such-token' },
    'broken-key': { token: PLANTED.staticToken, 'client-key-data': brokenKey, 'client-certificate-data': brokenKey },
    'cert-dev-zero': { 'client-certificate': '/dev/zero', 'client-key': fifo },
  };
  const names = Object.keys(users);
  const file = join(dir, 'kubeconfig');
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [east],
      users: names.map((name) => ({ name, user: users[name] })),
      contexts: names.map((name) => ({ name, context: { cluster: 'east', user: name } })),
      'current-context': names[0],
    }),
    { mode: 0o600 },
  );
  return file;
}

before(
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'clusterset-broken-kc-'));
    pidsFile = join(dir, 'hang.pids');
    tb = await startClusterset({ clusters: ['east'] });
    kubeconfig = writeKubeconfig();
  },
  { timeout: 45 * 60_000 },
);

after(async () => {
  await tb?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

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

/** Runs the CLI; a command that does not end within the spawn timeout fails the test (signal set). */
function cidr(format: string, extra: string[] = []) {
  rmSync(pidsFile, { force: true });
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'cli/src/main.ts', 'cidr', '--kubeconfig', kubeconfig, '--format', format, '--timeout', '3', ...extra],
    { encoding: 'utf8', timeout: 90_000, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  assert.equal(r.signal, null, `clusterset cidr did not end by itself: ${r.stderr}`);
  return r;
}

function assertNoSecret(output: string) {
  for (const [name, secret] of Object.entries({ ...PLANTED, adminToken }))
    assert.ok(!output.includes(secret), `${name} leaked:\n${output}`);
}

function assertNothingLeftRunning() {
  const [shell, helper] = readFileSync(pidsFile, 'utf8').trim().split(' ').map(Number);
  assert.ok(shell && helper, 'the hanging plugin ran');
  assert.equal(alive(shell), false, 'the hanging plugin outlived the command');
  assert.equal(alive(helper), false, 'the process the hanging plugin started outlived the command');
}

describe('clusterset cidr with broken kubeconfigs and hostile exec plugins', () => {
  let reports: Map<string, ClusterCidrReport>;

  test('JSON: exit 1, every context gets its own clear fault, the good ones answer, no secret printed', () => {
    const r = cidr('json');
    assert.equal(r.status, 1, r.stderr);
    assertNoSecret(r.stdout + r.stderr);
    assertNothingLeftRunning();
    const out = JSON.parse(r.stdout) as { clusters: ClusterCidrReport[] };
    reports = new Map(out.clusters.map((c) => [c.context, c]));
    const fault = (ctx: string) => reports.get(ctx)?.fault;
    for (const f of FAILING) {
      assert.equal(fault(`fail-${f}`)?.kind, 'execPlugin');
      assert.equal(
        fault(`fail-${f}`)?.message,
        `exec plugin "fail-${f}.sh" exited with status 1: error: token refresh failed: the provider returned [redacted] (expired)`,
      );
    }
    assert.equal(
      fault('issued-then-failed')?.message,
      'exec plugin "issued-then-failed.sh" exited with status 2: failed after issuing [redacted]',
    );
    assert.equal(fault('rejected')?.kind, 'unauthorized');
    assert.equal(
      fault('hang')?.message,
      'exec plugin "hang.sh" timed out after 3 s and was stopped (does it wait for an interactive login? log in once in a terminal, e.g. with kubectl, then retry)',
    );
    assert.equal(
      fault('token-file-missing')?.message,
      `the tokenFile of kubeconfig user "token-file-missing" cannot be used: ${join(dir, 'no-such-token')} does not exist`,
    );
    assert.match(fault('broken-key')?.message ?? '', /^client certificate in kubeconfig user "broken-key" cannot be read \(/);
    assert.equal(
      fault('cert-dev-zero')?.message,
      'the client certificate file of kubeconfig user "cert-dev-zero" cannot be used: /dev/zero is not a regular file (a character device)',
    );
    // A plugin's credential and kubectl's tokenFile both authenticate for real.
    for (const ok of ['plugin-ok', 'token-file']) {
      assert.equal(reports.get(ok)?.ok, true, JSON.stringify(reports.get(ok)?.fault));
      assert.equal(reports.get(ok)?.kubernetesVersion, 'v1.36.3');
    }
    for (const c of out.clusters) if (c.fault) assertNoSecret(describeFault(c.fault));
  });

  test('text and YAML: same faults, no secret printed, nothing left running', () => {
    for (const format of ['text', 'yaml']) {
      const r = cidr(format);
      assert.equal(r.status, 1, r.stderr);
      assertNoSecret(r.stdout + r.stderr);
      assertNothingLeftRunning();
      assert.match(r.stdout, /exec plugin "hang\.sh" timed out after 3 s/);
      assert.match(r.stdout, /exec plugin "fail-ya29\.sh" exited with status 1: .*\[redacted\]/);
    }
  });

  test('a kubeconfig that is /dev/zero or a FIFO: exit 2 at once with a clear message', () => {
    const fifo = join(dir, 'kubeconfig-fifo');
    execFileSync('mkfifo', [fifo]);
    for (const [path, what] of [
      ['/dev/zero', 'a character device'],
      [fifo, 'a FIFO'],
    ] as const) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/src/main.ts', 'cidr', '--kubeconfig', path], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(r.signal, null);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, `clusterset cidr: kubeconfig ${path} is not a regular file (${what})\n`);
    }
  });
});
