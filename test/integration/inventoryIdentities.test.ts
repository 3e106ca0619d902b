// Contexts that point at one API server with different credentials, read together: the shared agents, the
// shared TLS context and the request coalescing must never hand one context's connection or answer to
// another. Two client certificates signed by the cluster's CA (one in system:masters, one with no RBAC),
// and two bearer tokens (admin, viewer), all on the same server and CA, in one read and in either order.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startClusterset, type Testbed } from '../../testbed/src/index.js';
import { readInventory } from '../../clusters/src/inventory/read.js';
import type { ClustersetSnapshot } from '../../clusters/src/inventory/snapshot.js';
import { apiFront, extendKubeconfig, ns, serviceExport, type ApiFront } from './inventoryFixtures.js';

let tb: Testbed;
let dir: string;
let kubeconfig: string;
let front: ApiFront;

/** A client certificate for `subject`, signed by the testbed cluster's CA; base64 PEM of cert and key. */
function clientCert(caFile: string, name: string, subject: string): { cert: string; key: string } {
  const ca = dirname(caFile);
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(
    ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`].concat([
      '-out',
      `${name}.csr`,
      '-subj',
      subject,
    ]),
  );
  run(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', join(ca, 'ca.crt'), '-CAkey', join(ca, 'ca.key')].concat([
      '-CAcreateserial',
      '-CAserial',
      join(dir, 'ca.srl'),
      '-out',
      `${name}.crt`,
      '-days',
      '1',
    ]),
  );
  const b64 = (f: string) => readFileSync(join(dir, f)).toString('base64');
  return { cert: b64(`${name}.crt`), key: b64(`${name}.key`) };
}

before(
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'clusterset-identities-it-'));
    tb = await startClusterset({ clusters: ['east'] });
    await tb.seed({ east: [ns('shop'), serviceExport('shop', 'web'), serviceExport('shop', 'cart')] });
    const east = tb.clusters[0]!;
    const admin = clientCert(east.caFile, 'cert-admin', '/O=system:masters/CN=cert-admin');
    const nobody = clientCert(east.caFile, 'cert-nobody', '/CN=cert-nobody');
    const certUser = (name: string, c: { cert: string; key: string }) => ({
      name,
      user: { 'client-certificate-data': c.cert, 'client-key-data': c.key },
    });
    const ctx = (name: string, user: string, cluster = 'east') => ({ name, context: { cluster, user } });
    // A plain-HTTP front that records every request (it forwards with the admin token whatever was sent).
    front = await apiFront(tb, 'east');
    kubeconfig = extendKubeconfig(tb, dir, {
      clusters: [
        { name: 'front-a', cluster: { server: front.url } },
        { name: 'front-b', cluster: { server: front.url } },
      ],
      users: [certUser('cert-admin', admin), certUser('cert-nobody', nobody)],
      contexts: [
        ctx('front-a', 'testbed-admin', 'front-a'),
        ctx('front-b', 'testbed-admin', 'front-b'),
        { name: 'front-a-shop', context: { cluster: 'front-a', user: 'testbed-admin', namespace: 'shop' } },
        ctx('front-viewer', 'testbed-viewer', 'front-a'),
        ctx('cert-admin', 'cert-admin'),
        ctx('cert-admin-2', 'cert-admin'),
        ctx('cert-nobody', 'cert-nobody'),
        ctx('token-admin', 'testbed-admin'),
        ctx('token-viewer', 'testbed-viewer'),
      ],
    });
  },
  { timeout: 900_000 },
);

after(async () => {
  await front?.close();
  await tb?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const read = (contexts: string[], concurrency?: number) =>
  readInventory(
    { path: kubeconfig },
    contexts.map((c) => ({ name: c, context: c })),
    { timeoutMs: 20_000, ...(concurrency ? { concurrency } : {}) },
  );

function check(s: ClustersetSnapshot): void {
  const byName = new Map(s.clusters.map((c) => [c.name, c]));
  for (const c of ['cert-admin', 'cert-admin-2', 'token-admin']) {
    assert.equal(byName.get(c)?.fault, undefined, `${c}: ${byName.get(c)?.fault?.message}`);
    assert.deepEqual(
      s.exports.filter((e) => e.ref.cluster === c).map((e) => e.ref.name),
      ['cart', 'web'],
      c,
    );
  }
  for (const [c, user] of [
    ['cert-nobody', 'cert-nobody'],
    ['token-viewer', 'viewer'],
  ] as const) {
    const state = byName.get(c);
    assert.equal(state?.reachable, true, c);
    assert.equal(state?.fault?.kind, 'forbidden', `${c}: ${state?.fault?.message}`);
    // The refusal names this context's own user: no other context's connection or answer was used.
    assert.match(state?.fault?.message ?? '', new RegExp(`User "${user}" cannot list resource "serviceexports"`), c);
    assert.equal(s.exports.filter((e) => e.ref.cluster === c).length, 0, c);
  }
}

test('two client certificates and two tokens on one server and CA, read at once: each gets its own answers', async () => {
  check(await read(['cert-admin', 'cert-nobody', 'token-admin', 'token-viewer', 'cert-admin-2']));
});

test('the same, refused identities first (their sockets and answers are in flight before the others start)', async () => {
  check(await read(['cert-nobody', 'token-viewer', 'cert-admin-2', 'token-admin', 'cert-admin']));
});

test('a second read in the same process, over warm sockets and TLS sessions, still keeps them apart', async () => {
  check(await read(['cert-nobody', 'cert-admin', 'token-viewer', 'token-admin', 'cert-admin-2']));
});

test('contexts with one server URL and one user are read once, one after another too; another user is read again', async () => {
  front.requests.length = 0;
  const alone = await read(['front-a']);
  const once = front.requests.length;
  assert.ok(once > 0);
  front.requests.length = 0;
  // One at a time: nothing is in flight together, so only the shared read can spare the requests.
  const s = await read(['front-a', 'front-b', 'front-a-shop', 'front-viewer'], 1);
  assert.equal(front.requests.length, 2 * once, front.requests.join('\n'));
  const own = (c: string) => ({
    cluster: { ...s.clusters.find((x) => x.name === c), name: '', context: '', readAt: '' },
    exports: s.exports.filter((e) => e.ref.cluster === c).map((e) => ({ ...e, ref: { ...e.ref, cluster: '' } })),
  });
  const first = own('front-a');
  assert.deepEqual(
    first.exports.map((e) => e.ref.name),
    ['cart', 'web'],
  );
  for (const c of ['front-b', 'front-a-shop', 'front-viewer']) assert.deepEqual(own(c), first, c);
  // The same answers as a read of that context alone.
  assert.deepEqual(
    alone.exports.map((e) => e.ref),
    s.exports.filter((e) => e.ref.cluster === 'front-a').map((e) => e.ref),
  );
});
