// Reads over HTTP/2 against a real API server (testbed): a whole cluster read is one TLS connection (over
// HTTP/1.1 it was several) with the same snapshot; a deadline or a cancel while streams wait on a server
// that went silent mid-session; a session cut between reads; and a TLS-terminating proxy that speaks only
// HTTP/1.1 (a local https server in front of the API server), where the reads fall back and the origin is
// remembered. A TCP proxy in front of the API server counts the connections. An API server that allows one
// stream per connection refuses the first burst of a new session, and the refused streams are sent again.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, request as httpsRequest, type Server as HttpsServer } from 'node:https';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startClusterset, type Testbed } from '../../testbed/src/index.js';
import { endpointFor } from '../../testbed/src/kube.js';
import { readInventory } from '../../clusters/src/inventory/read.js';
import type { ClustersetSnapshot } from '../../clusters/src/inventory/snapshot.js';
import { caData, extendKubeconfig, ns, serviceExport, serviceImport } from './inventoryFixtures.js';

// The pool that readInventory uses: this ESM test's own `import` of the file would get a second copy of the
// module (tsx evaluates a CommonJS-scope file imported from ESM apart from the one `require`d by access.ts).
const pool = createRequire(import.meta.url)(
  '../../clusters/src/http2Sessions.ts',
) as typeof import('../../clusters/src/http2Sessions.js');
const { poolState, resetPool, setHttp2Enabled } = pool;

let tb: Testbed;
let dir: string;
let kubeconfig: string;
let proxy: CountingProxy;
let h1: { origin: string; probes: number; connections: number; requests: number; server: HttpsServer };

interface CountingProxy {
  port: number;
  /** TCP connections accepted since the last reset. */
  connections: number;
  /** While true, the API server's bytes are held back (the server looks silent); false releases them in order. */
  hold(on: boolean): void;
  /** Destroy every connection, as a server restart or a dropped link does. */
  cut(): void;
  close(): void;
}

/** A TCP proxy to 127.0.0.1:`target` that counts connections and can hold back or cut the server's side. */
async function countingProxy(target: number): Promise<CountingProxy> {
  const sockets = new Set<Socket>();
  let holding = false;
  const held: Array<() => void> = [];
  const server = createServer((client) => {
    p.connections++;
    const up = connect(target, '127.0.0.1');
    for (const s of [client, up]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        up.destroy();
      });
    }
    client.pipe(up);
    up.on('data', (chunk: Buffer) => {
      const send = () => client.writable && client.write(chunk);
      if (holding) held.push(send);
      else send();
    });
    up.on('end', () => client.end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const p: CountingProxy = {
    port: (server.address() as { port: number }).port,
    connections: 0,
    hold: (on) => {
      holding = on;
      if (!on) for (const send of held.splice(0)) send();
    },
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    close: () => {
      p.cut();
      server.close();
    },
  };
  return p;
}

/** A TLS-terminating proxy that speaks only HTTP/1.1 (ALPN http/1.1), passing requests on to the API server. */
async function http1Proxy(cluster: string): Promise<typeof h1> {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'front.key'].concat([
      '-out',
      'front.crt',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-days',
      '1',
    ]),
    { cwd: dir, stdio: 'ignore' },
  );
  const ep = endpointFor(tb.kubeconfigPath, cluster);
  const server = createHttpsServer(
    { cert: readFileSync(join(dir, 'front.crt')), key: readFileSync(join(dir, 'front.key')), ALPNProtocols: ['http/1.1'] },
    (req, res) => {
      front.requests++;
      const up = httpsRequest(
        new URL(req.url ?? '/', ep.server),
        {
          method: req.method,
          ca: ep.caPem,
          headers: { authorization: req.headers.authorization ?? '', accept: 'application/json' },
        },
        (r) => {
          res.writeHead(r.statusCode ?? 502, { 'content-type': r.headers['content-type'] ?? 'application/json' });
          r.pipe(res);
        },
      );
      up.on('error', () => res.destroy());
      up.end();
    },
  );
  const front = { origin: '', probes: 0, connections: 0, requests: 0, server };
  server.on('connection', () => front.connections++);
  // Our h2 attempt offers ALPN and gets http/1.1; the https agent's connections offer none.
  server.on('secureConnection', (s) => s.alpnProtocol === 'http/1.1' && front.probes++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  front.origin = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  return front;
}

before(
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'clusterset-http2-it-'));
    // `tight` allows one stream per connection: the first streams of a new session, sent before its SETTINGS
    // arrive, are refused (REFUSED_STREAM), as any kube-apiserver does above --http2-max-streams-per-connection.
    tb = await startClusterset({
      clusters: ['east', 'tight'],
      apiServerArgs: { tight: ['--http2-max-streams-per-connection=1'] },
    });
    await tb.seed({
      east: [
        ns('shop'),
        serviceExport('shop', 'web'),
        serviceExport('shop', 'cart'),
        serviceImport('shop', 'web', ['10.99.0.10']),
      ],
    });
    proxy = await countingProxy(tb.clusters[0]!.port);
    h1 = await http1Proxy('east');
    const frontCa = readFileSync(join(dir, 'front.crt')).toString('base64');
    kubeconfig = extendKubeconfig(tb, dir, {
      clusters: [
        {
          name: 'counted',
          cluster: { server: `https://127.0.0.1:${proxy.port}`, 'certificate-authority-data': caData(tb, 'east') },
        },
        { name: 'front', cluster: { server: h1.origin, 'certificate-authority-data': frontCa } },
      ],
      contexts: [
        { name: 'counted', context: { cluster: 'counted', user: 'testbed-admin' } },
        { name: 'front', context: { cluster: 'front', user: 'testbed-admin' } },
      ],
    });
  },
  { timeout: 900_000 },
);

after(async () => {
  setHttp2Enabled(true);
  resetPool();
  proxy?.close();
  h1?.server.closeAllConnections();
  h1?.server.close();
  await tb?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  resetPool();
  proxy.hold(false);
  proxy.cut();
  proxy.connections = 0;
});

const read = (context: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
  readInventory({ path: kubeconfig }, [{ name: 'east', context }], { timeoutMs: options.timeoutMs ?? 30_000, ...options });

/** The snapshot without what differs from read to read (times, the server's address). */
function comparable(s: ClustersetSnapshot): unknown {
  const { takenAt: _t, ...rest } = s;
  return { ...rest, clusters: rest.clusters.map(({ readAt: _r, server: _s, context: _c, ...c }) => c) };
}

function assertRead(s: ClustersetSnapshot): void {
  const c = s.clusters[0];
  assert.equal(c?.fault, undefined, c?.fault?.message);
  assert.deepEqual(
    s.exports.map((e) => e.ref.name),
    ['cart', 'web'],
  );
}

test('a whole cluster read is one TLS connection over h2, several over HTTP/1.1, with the same snapshot', async () => {
  const overH2 = await read('counted');
  assertRead(overH2);
  assert.equal(proxy.connections, 1, 'discovery, probes and lists as streams of one connection');
  assert.deepEqual(poolState().sessions, [`https://127.0.0.1:${proxy.port}`]);
  const again = await read('counted');
  assert.equal(proxy.connections, 1, 'the next read reuses the session');

  resetPool();
  setHttp2Enabled(false);
  try {
    const overHttp1 = await read('counted');
    assertRead(overHttp1);
    assert.ok(proxy.connections > 2, `HTTP/1.1 opened ${proxy.connections - 1} connection(s) for the parallel requests`);
    assert.deepEqual(comparable(overHttp1), comparable(overH2));
    assert.deepEqual(comparable(again), comparable(overH2));
  } finally {
    setHttp2Enabled(true);
  }
});

test('a deadline while streams wait on a server gone silent is a timeout; a cancel is cancelled; the session recovers', async () => {
  assertRead(await read('counted'));
  proxy.hold(true);
  const timedOut = await read('counted', { timeoutMs: 1500 });
  assert.equal(timedOut.clusters[0]?.fault?.kind, 'timeout', timedOut.clusters[0]?.fault?.message);
  assert.match(timedOut.clusters[0]?.fault?.message ?? '', /no answer from https:\/\/127\.0\.0\.1:\d+ within 1\.5 s/);

  const cancel = new AbortController();
  const pending = read('counted', { signal: cancel.signal });
  setTimeout(() => cancel.abort(), 300);
  const cancelled = await pending;
  assert.equal(cancelled.clusters[0]?.fault?.kind, 'cancelled');

  proxy.hold(false);
  assertRead(await read('counted'));
  assert.equal(proxy.connections, 1, 'the session outlived the abandoned streams');
});

test('a session cut between reads: the next read works on a new connection', async () => {
  assertRead(await read('counted'));
  proxy.cut();
  // No wait: the client may not have seen the close yet (then the request fails on the dead session and is
  // sent once more on a fresh one).
  assertRead(await read('counted'));
  assert.equal(proxy.connections, 2);
});

test('a TLS proxy that speaks only HTTP/1.1: the read falls back, the origin is remembered, the snapshot is the same', async () => {
  const direct = await read('counted');
  const first = await read('front');
  assertRead(first);
  const second = await read('front');
  assertRead(second);
  assert.equal(h1.probes, 1, 'one ALPN attempt for the origin, then HTTP/1.1 only');
  assert.ok(h1.requests >= 8, `the reads went through the proxy (${h1.requests} requests)`);
  assert.deepEqual(poolState().http1Origins, [h1.origin]);
  assert.deepEqual(comparable(first), comparable(direct));
  assert.deepEqual(comparable(second), comparable(direct));
});

test('a burst on a new session to a server allowing one stream: the streams it refuses are sent again, all answered', async () => {
  const ep = endpointFor(tb.kubeconfigPath, 'tight');
  const target = { id: 'tight-admin', tls: { ca: ep.caPem } };
  const headers = { authorization: `Bearer ${ep.token}`, accept: 'application/json' };
  for (let round = 0; round < 3; round++) {
    resetPool();
    // Ten GETs before the server's SETTINGS (one stream at a time) have arrived: it refuses all but the first.
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        pool.h2Get(
          target,
          new URL(`/api/v1/namespaces?limit=${i + 1}`, ep.server),
          headers,
          new AbortController().signal,
          1 << 20,
        ),
      ),
    );
    for (const r of answers) {
      assert.ok(r !== 'http1' && r.ok, r === 'http1' ? r : r.ok ? '' : String(r.error));
      assert.equal(r.status, 200);
    }
    assert.equal(poolState().sessions.length, 1, 'the refused streams went again over the same session');
  }
});
