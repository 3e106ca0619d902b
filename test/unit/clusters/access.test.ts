// ClusterAccess against a local HTTP server and real exec-plugin processes: every failure is a typed fault
// value, deadlines and cancellation end hanging requests, plugins run only when allowed, and no credential
// reaches a message.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { openClusterAccess, type ClusterAccess } from '../../../clusters/src/access';

const TOKEN = 'static-user-token-0123456789';
const PLUGIN_TOKEN = 'plugin-issued-token-abcdef42';
let server: Server;
let base: string;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clusterset-access-'));
  server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    const json = (status: number, body: object) =>
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/hang') return undefined; // never answers
    if (auth !== `Bearer ${TOKEN}` && auth !== `Bearer ${PLUGIN_TOKEN}`)
      return json(401, { kind: 'Status', message: 'Unauthorized', code: 401 });
    if (req.url === '/version') return json(200, { gitVersion: 'v1.36.3' });
    if (req.url === '/api/v1/nodes?limit=500') return json(200, { items: [{ n: 1 }], metadata: { continue: 'page2' } });
    if (req.url === '/api/v1/nodes?limit=500&continue=page2') return json(200, { items: [{ n: 2 }], metadata: {} });
    if (req.url === '/forbidden')
      return json(403, {
        kind: 'Status',
        message: `nodes is forbidden: User "viewer" cannot list nodes (token ${TOKEN})`,
        reason: 'Forbidden',
        code: 403,
      });
    if (req.url === '/object')
      return json(404, {
        kind: 'Status',
        message: 'configmaps "x" not found',
        reason: 'NotFound',
        details: { name: 'x', kind: 'configmaps' },
        code: 404,
      });
    if (req.url === '/html') return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>');
    return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function kubeConfig(serverUrl: string, user: object): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: serverUrl, skipTLSVerify: false }],
    users: [{ name: 'u', ...user }],
    contexts: [{ name: 'east', cluster: 'c', user: 'u' }],
    currentContext: 'east',
  });
  return kc;
}

function open(
  user: object = { token: TOKEN },
  opts: { allowExecAuth?: boolean; timeoutMs?: number; signal?: AbortSignal } = {},
  serverUrl = base,
): ClusterAccess {
  const r = openClusterAccess(kubeConfig(serverUrl, user), 'east', {
    allowExecAuth: opts.allowExecAuth ?? false,
    timeoutMs: opts.timeoutMs ?? 5000,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  assert.ok(r.ok, r.ok ? '' : r.fault.message);
  return r.value;
}

function plugin(name: string, body: string): object {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, body);
  return { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: process.execPath, args: [file] } };
}

test('getJson returns parsed JSON; listAll follows continue tokens', async () => {
  const a = open();
  assert.deepEqual(await a.getJson('/version', 'version'), { ok: true, value: { gitVersion: 'v1.36.3' } });
  assert.deepEqual(await a.listAll('/api/v1/nodes', 'Nodes'), {
    ok: true,
    value: { items: [{ n: 1 }, { n: 2 }], truncated: false },
  });
});

test('403 → forbidden (token in the body redacted), 404 of an object → notFound, 404 of an API → crdMissing, 401 → unauthorized', async () => {
  const a = open();
  const forbidden = await a.getJson('/forbidden', 'Nodes');
  assert.deepEqual(forbidden, {
    ok: false,
    fault: { kind: 'forbidden', message: 'forbidden: nodes is forbidden: User "viewer" cannot list nodes (token [redacted])' },
  });
  assert.equal((await a.getJson('/object', 'ConfigMap x')).ok ? '' : 'notFound', 'notFound');
  const missing = await a.getJson('/apis/cilium.io/v2/ciliumnodes', 'CiliumNodes');
  assert.equal(missing.ok ? '' : missing.fault.kind, 'crdMissing');
  const unauth = await open({ token: 'wrong-token-value-xyz' }).getJson('/version', 'version');
  assert.equal(unauth.ok ? '' : unauth.fault.kind, 'unauthorized');
  assert.doesNotMatch(unauth.ok ? '' : unauth.fault.message, /wrong-token-value-xyz/);
  const html = await a.getJson('/html', 'Nodes');
  assert.equal(html.ok ? '' : html.fault.kind, 'badResponse');
  assert.match(html.ok ? '' : html.fault.message, /answered Nodes with something that is not JSON \(text\/html\)/);
});

test('the per-cluster deadline ends a hanging request as a timeout fault', async () => {
  const t0 = Date.now();
  const r = await open({ token: TOKEN }, { timeoutMs: 300 }).getJson('/hang', 'Nodes');
  assert.deepEqual(r, { ok: false, fault: { kind: 'timeout', message: `no answer from ${base} within 0.3 s` } });
  assert.ok(Date.now() - t0 < 3000, `took ${Date.now() - t0} ms`);
});

test('the caller’s AbortSignal ends a request as cancelled', async () => {
  const ac = new AbortController();
  const p = open({ token: TOKEN }, { signal: ac.signal }).getJson('/hang', 'Nodes');
  setTimeout(() => ac.abort(), 50);
  assert.deepEqual(await p, { ok: false, fault: { kind: 'cancelled', message: 'cancelled' } });
});

test('a closed port is unreachable', async () => {
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  const r = await open({ token: TOKEN }, {}, `http://127.0.0.1:${port}`).getJson('/version', 'version');
  assert.equal(r.ok ? '' : r.fault.kind, 'unreachable');
  assert.match(r.ok ? '' : r.fault.message, new RegExp(`cannot connect to http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
});

test('config faults: unknown context, undefined cluster, bad server URL', () => {
  const kc = kubeConfig(base, { token: TOKEN });
  const r = openClusterAccess(kc, 'nope', { allowExecAuth: false });
  assert.deepEqual(r, { ok: false, fault: { kind: 'config', message: 'context "nope" is not in the kubeconfig' } });
  const bad = openClusterAccess(kubeConfig('not a url', { token: TOKEN }), 'east', { allowExecAuth: false });
  assert.deepEqual(bad, { ok: false, fault: { kind: 'config', message: 'cluster "c" has no valid server URL' } });
});

test('exec plugins do not run when not allowed', () => {
  const marker = join(dir, 'ran');
  const user = plugin('marker', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x');`);
  const r = openClusterAccess(kubeConfig(base, user), 'east', { allowExecAuth: false });
  assert.equal(r.ok ? '' : r.fault.kind, 'execPlugin');
  assert.match(r.ok ? '' : r.fault.message, /gets credentials from the program "node".*not allowed here/);
  assert.equal(existsSync(marker), false);
});

test('an allowed exec plugin supplies the token', async () => {
  const user = plugin(
    'ok',
    `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: ${JSON.stringify(PLUGIN_TOKEN)} } }));`,
  );
  assert.deepEqual(await open(user, { allowExecAuth: true }).getJson('/version', 'version'), {
    ok: true,
    value: { gitVersion: 'v1.36.3' },
  });
});

test('a failing exec plugin → execPlugin fault with the first stderr line, redacted', async () => {
  const user = plugin(
    'fail',
    `process.stderr.write('\\nerror: refresh failed for token ${PLUGIN_TOKEN} (session expired)\\nsecond line\\n'); process.exit(1);`,
  );
  const r = await open(user, { allowExecAuth: true }).getJson('/version', 'version');
  assert.deepEqual(r, {
    ok: false,
    fault: {
      kind: 'execPlugin',
      message:
        'exec plugin "node" exited with status 1: error: refresh failed for token [redacted] (session expired) / second line',
    },
  });
});

test('a missing plugin binary and a hanging plugin are execPlugin faults', async () => {
  const missing = await open(
    { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'clusterset-no-such-plugin' } },
    { allowExecAuth: true },
  ).getJson('/version', 'version');
  assert.deepEqual(missing, {
    ok: false,
    fault: {
      kind: 'execPlugin',
      message:
        'exec plugin "clusterset-no-such-plugin" was not found on PATH — install it or fix users[].exec.command in the kubeconfig',
    },
  });
  const hanging = await open(plugin('hang', 'setTimeout(() => {}, 2000);'), { allowExecAuth: true, timeoutMs: 300 }).getJson(
    '/version',
    'version',
  );
  assert.equal(hanging.ok ? '' : hanging.fault.kind, 'execPlugin');
  assert.match(hanging.ok ? '' : hanging.fault.message, /exec plugin "node" timed out after 0\.3 s and was stopped/);
});
