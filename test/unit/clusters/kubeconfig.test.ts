// Loading broken and hostile kubeconfigs: only regular files are read, and never more than a bound (a
// FIFO, /dev/zero), kubectl's tokenFile is honoured (and a missing one is a fault naming the path, not an
// anonymous request), files named in the kubeconfig resolve relative to it, a broken client key or
// certificate is a fault naming the kubeconfig user, and no secret of the file reaches a message.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { stringify } from 'yaml';
import { openClusterAccess } from '../../../clusters/src/access';
import { readRegularFile } from '../../../clusters/src/boundedRead';
import { describeFault } from '../../../clusters/src/faults';
import { listContexts, loadKubeConfig } from '../../../clusters/src/kubeconfig';

const FILE_TOKEN = 'token-from-file-Zq81xPLmK2';
let dir: string;
let server: Server;
let base: string;
const seenAuth: string[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clusterset-kubeconfig-'));
  server = createServer((req, res) => {
    seenAuth.push(req.headers.authorization ?? '');
    const ok = req.headers.authorization === `Bearer ${FILE_TOKEN}`;
    res
      .writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' })
      .end(JSON.stringify(ok ? { gitVersion: 'v1.36.3' } : {}));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A kubeconfig with one context "east" for `user`, written to its own directory. */
function kubeconfigWith(user: object, name = 'kc', cluster: object = { server: base }): string {
  const sub = join(dir, name);
  mkdirSync(sub, { recursive: true });
  const file = join(sub, 'config');
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster }],
      users: [{ name: 'alice', user }],
      contexts: [{ name: 'east', context: { cluster: 'c', user: 'alice' } }],
      'current-context': 'east',
    }),
  );
  return file;
}

function open(file: string) {
  const loaded = loadKubeConfig(file);
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error);
  return openClusterAccess(loaded.kc, 'east', { allowExecAuth: false, timeoutMs: 3000 });
}

test('a FIFO, /dev/zero and a directory are refused as kubeconfig at once, with a clear reason', () => {
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const t0 = Date.now();
  assert.deepEqual(loadKubeConfig(fifo), { ok: false, error: `kubeconfig ${fifo} is not a regular file (a FIFO)` });
  assert.deepEqual(loadKubeConfig('/dev/zero'), {
    ok: false,
    error: 'kubeconfig /dev/zero is not a regular file (a character device)',
  });
  assert.deepEqual(loadKubeConfig(dir), { ok: false, error: `kubeconfig ${dir} is not a regular file (a directory)` });
  assert.ok(Date.now() - t0 < 2000);
  const list = listContexts(fifo);
  assert.equal(list.ok, false);
});

test('readRegularFile: size bound, missing file', () => {
  const big = join(dir, 'big');
  writeFileSync(big, Buffer.alloc(2048, 'a'));
  assert.deepEqual(readRegularFile(big, 1024), { ok: false, reason: 'is larger than 1 KiB (2 KiB)' });
  assert.deepEqual(readRegularFile(join(dir, 'nope'), 1024), { ok: false, reason: 'does not exist' });
  const small = readRegularFile(big, 4096);
  assert.equal(small.ok && small.data.length, 2048);
});

test('invalid YAML: the first line of the parser message, never the line that holds the token', () => {
  const file = join(dir, 'broken.yaml');
  writeFileSync(file, 'users:\n- name: a\n  user:\n    token: s3cr3t-Tok3n-in-broken-yaml\n  - bad: [\n');
  const r = loadKubeConfig(file);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.error, new RegExp(`^kubeconfig ${file} is not valid YAML at line \\d+, column \\d+: `));
  assert.doesNotMatch(r.ok ? '' : r.error, /s3cr3t/);
});

test('invalid YAML: the place of the first error, 1-based as kubectl and editors count', () => {
  const file = join(dir, 'unclosed.yaml');
  writeFileSync(file, 'apiVersion: v1\nkind: Config\nclusters: [}\n');
  const r = loadKubeConfig(file);
  assert.match(r.ok ? '' : r.error, new RegExp(`^kubeconfig ${file} is not valid YAML at line 3, column 12: `));
});

test("kubectl's tokenFile is read (relative to the kubeconfig) and sent", async () => {
  const file = kubeconfigWith({ tokenFile: 'token' }, 'tokenfile');
  writeFileSync(join(dir, 'tokenfile', 'token'), `${FILE_TOKEN}\n`);
  const a = open(file);
  assert.ok(a.ok, a.ok ? '' : a.fault.message);
  assert.deepEqual(await a.value.getJson('/version', 'version'), { ok: true, value: { gitVersion: 'v1.36.3' } });
  assert.equal(seenAuth.at(-1), `Bearer ${FILE_TOKEN}`);
});

test('a tokenFile that does not exist, is empty or is /dev/zero is a config fault naming the path — never anonymous', () => {
  const missing = kubeconfigWith({ tokenFile: 'no-such-token' }, 'missing');
  assert.deepEqual(open(missing), {
    ok: false,
    fault: {
      kind: 'config',
      message: `the tokenFile of kubeconfig user "alice" cannot be used: ${join(dir, 'missing', 'no-such-token')} does not exist`,
    },
  });
  const emptyFile = kubeconfigWith({ tokenFile: 'empty' }, 'empty');
  writeFileSync(join(dir, 'empty', 'empty'), '\n');
  const e = open(emptyFile);
  assert.equal(e.ok ? '' : e.fault.message, `the tokenFile of kubeconfig user "alice" is empty: ${join(dir, 'empty', 'empty')}`);
  const zero = kubeconfigWith({ tokenFile: '/dev/zero' }, 'zero');
  const r = open(zero);
  assert.equal(
    r.ok ? '' : r.fault.message,
    'the tokenFile of kubeconfig user "alice" cannot be used: /dev/zero is not a regular file (a character device)',
  );
});

test('an inline token wins over tokenFile, as in kubectl', () => {
  const file = kubeconfigWith({ token: FILE_TOKEN, tokenFile: 'no-such-token' }, 'both');
  assert.equal(open(file).ok, true);
});

test('client key and certificate files: /dev/zero and a FIFO are refused, a broken key names the user', () => {
  const fifo = join(dir, 'key-fifo');
  execFileSync('mkfifo', [fifo]);
  const viaFifo = open(kubeconfigWith({ 'client-certificate': '/dev/zero', 'client-key': fifo }, 'fifo-key'));
  assert.equal(
    viaFifo.ok ? '' : viaFifo.fault.message,
    'the client certificate file of kubeconfig user "alice" cannot be used: /dev/zero is not a regular file (a character device)',
  );
  const caZero = open(kubeconfigWith({ token: FILE_TOKEN }, 'ca-zero', { server: base, 'certificate-authority': '/dev/zero' }));
  assert.equal(
    caZero.ok ? '' : caZero.fault.message,
    'the certificate-authority file of cluster "c" cannot be used: /dev/zero is not a regular file (a character device)',
  );
});

test('a broken client key is "client key in kubeconfig user X cannot be read", not an OpenSSL internal error', async () => {
  const brokenKey = Buffer.from('-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----\n').toString(
    'base64',
  );
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const goodKey = Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).toString('base64');
  const a = open(kubeconfigWith({ 'client-certificate-data': brokenKey, 'client-key-data': brokenKey }, 'broken-key'));
  assert.ok(a.ok);
  const r = await a.value.getJson('/version', 'version');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.fault.kind, 'config');
  assert.match(r.fault.message, /^client certificate in kubeconfig user "alice" cannot be read \(/);
  const keyOnly = open(kubeconfigWith({ 'client-key-data': brokenKey }, 'broken-key-only'));
  assert.ok(keyOnly.ok);
  const k = await keyOnly.value.getJson('/version', 'version');
  assert.match(
    k.ok ? '' : k.fault.message,
    /^client key in kubeconfig user "alice" cannot be read \(DECODER routines: unsupported; is it a PEM private key, unencrypted\?\)$/,
  );
  const noCert = open(kubeconfigWith({ 'client-key-data': goodKey }, 'key-no-cert'));
  assert.ok(noCert.ok);
  const n = await noCert.value.getJson('/version', 'version');
  assert.equal(n.ok ? '' : n.fault.message, 'kubeconfig user "alice" has a client key without a certificate');
});

test('legacy gcp/azure auth-providers are refused the way kubectl refuses them (their command would run unbounded)', () => {
  const file = kubeconfigWith(
    { 'auth-provider': { name: 'gcp', config: { 'cmd-path': '/bin/sleep', 'cmd-args': '1000' } } },
    'gcp',
  );
  const loaded = loadKubeConfig(file);
  assert.ok(loaded.ok);
  const r = openClusterAccess(loaded.kc, 'east', { allowExecAuth: true });
  assert.match(
    r.ok ? '' : r.fault.message,
    /uses the "gcp" auth-provider, which kubectl removed in 1\.26 — use the exec plugin gke-gcloud-auth-plugin/,
  );
});

test('every secret of the kubeconfig is removed from later messages', () => {
  const password = 'hunter2-Passw0rd-long';
  kubeconfigWith({ username: 'admin', password }, 'basic');
  assert.ok(loadKubeConfig(join(dir, 'basic', 'config')).ok);
  assert.equal(describeFault({ kind: 'forbidden', message: `denied with ${password}` }), 'forbidden: denied with [redacted]');
});

test('a client certificate with a key that is not its own, and a CA that is no certificate, are named faults', async () => {
  const pem = (args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  pem([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'k1.pem',
    '-out',
    'c1.pem',
    '-subj',
    '/CN=alice',
    '-days',
    '1',
  ]);
  pem(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'k2.pem']);
  const b64 = (f: string) => Buffer.from(pem(['pkey', '-in', f])).toString('base64');
  const cert = Buffer.from(pem(['x509', '-in', 'c1.pem'])).toString('base64');
  const mismatched = open(kubeconfigWith({ 'client-certificate-data': cert, 'client-key-data': b64('k2.pem') }, 'mismatch'));
  assert.ok(mismatched.ok);
  const m = await mismatched.value.getJson('/version', 'version');
  assert.match(m.ok ? '' : m.fault.message, /^client certificate and key of kubeconfig user "alice" do not belong together \(/);
  const matching = open(
    kubeconfigWith({ 'client-certificate-data': cert, 'client-key-data': b64('k1.pem'), token: FILE_TOKEN }, 'matching'),
  );
  assert.ok(matching.ok);
  assert.equal((await matching.value.getJson('/version', 'version')).ok, true);
  const badCa = open(
    kubeconfigWith({ token: FILE_TOKEN }, 'bad-ca', {
      server: base,
      'certificate-authority-data': Buffer.from('not a certificate').toString('base64'),
    }),
  );
  assert.ok(badCa.ok);
  const c = await badCa.value.getJson('/version', 'version');
  assert.equal(
    c.ok ? '' : c.fault.message,
    'certificate-authority of kubeconfig cluster "c" cannot be read (no PEM certificate in it)',
  );
});
