// The HTTP/2 session pool's bookkeeping against local TLS servers (Node's http2 and https modules: a
// transport, not the Kubernetes API — the integration tests read the real API server over it): one session
// per origin and identity, the HTTP/1.1 fallback remembered per origin, sessions dropped on GOAWAY or close,
// one retry of a failure on a reused session, up to two of a refused stream, aborts while connecting and while a stream waits, the body cap, header
// checks, the idle close, and a process that exits with a session open.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { constants, createSecureServer, type Http2SecureServer, type ServerHttp2Session } from 'node:http2';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { h2Get, poolState, resetPool, type H2Answer, type H2Target } from '../../../clusters/src/http2Sessions';
import { faultFromNetworkError } from '../../../clusters/src/faults';
import { selfSignedCert } from './selfSigned';

let dir: string;
let pem: { cert: string; key: string; file: string };

/** A self-signed certificate for 127.0.0.1, kept in the test's folder (`file` is its path). */
const selfSigned = () => selfSignedCert('127.0.0.1', { ip: '127.0.0.1', keepIn: dir });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'clusterset-h2-'));
  pem = selfSigned();
});
after(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => resetPool());

const target = (id = 'alice'): H2Target => ({ id, tls: { ca: pem.cert } });

interface H2Server {
  origin: string;
  sessions: ServerHttp2Session[];
  streams: number;
  server: Http2SecureServer;
  close(): Promise<void>;
}

/** An h2 server answering `{"path": …}`; `onStream` may take over a stream instead (return true). */
async function h2Server(onStream?: (stream: import('node:http2').ServerHttp2Stream, path: string) => boolean): Promise<H2Server> {
  const server = createSecureServer({ cert: pem.cert, key: pem.key, allowHTTP1: false });
  const s: H2Server = {
    origin: '',
    sessions: [],
    streams: 0,
    server,
    close: async () => {
      for (const x of s.sessions) x.destroy();
      await new Promise((r) => server.close(r));
    },
  };
  server.on('session', (session) => s.sessions.push(session));
  server.on('stream', (stream, headers) => {
    s.streams++;
    stream.on('error', () => undefined); // a stream the test refuses or the client cancels
    const path = String(headers[':path']);
    if (onStream?.(stream, path)) return;
    stream.respond({ ':status': 200, 'content-type': 'application/json', 'retry-after': '7' });
    stream.end(JSON.stringify({ path, auth: headers.authorization ?? null }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  s.origin = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  return s;
}

const get = (origin: string, path = '/x', t = target(), signal = new AbortController().signal, headers = {}) =>
  h2Get(t, new URL(path, origin), { Accept: 'application/json', ...headers }, signal, 1 << 20);

function answer(r: H2Answer | 'http1'): Extract<H2Answer, { ok: true }> {
  assert.notEqual(r, 'http1');
  if (r === 'http1' || !r.ok) assert.fail(`expected an answer, got ${r === 'http1' ? r : String(r.error)}`);
  return r;
}

async function until(what: string, cond: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(cond(), what);
}

test('parallel and later GETs of one origin and identity share one session; status, headers and body come through', async () => {
  const s = await h2Server();
  try {
    const rs = await Promise.all(['/a', '/b', '/c', '/d', '/e', '/f', '/g'].map((p) => get(s.origin, p)));
    const later = answer(await get(s.origin, '/h?q=1', target(), undefined, { Authorization: 'Bearer t0k' }));
    assert.deepEqual(
      rs.map((r) => JSON.parse(answer(r).body).path),
      ['/a', '/b', '/c', '/d', '/e', '/f', '/g'],
    );
    assert.deepEqual(JSON.parse(later.body), { path: '/h?q=1', auth: 'Bearer t0k' });
    assert.equal(later.status, 200);
    assert.equal(later.contentType, 'application/json');
    assert.equal(later.retryAfter, '7');
    assert.equal(s.sessions.length, 1, 'one TLS connection for eight requests');
    assert.deepEqual(poolState().sessions, [s.origin]);
  } finally {
    await s.close();
  }
});

test('another TLS identity gets a session of its own on the same origin', async () => {
  const s = await h2Server();
  try {
    answer(await get(s.origin, '/a', target('alice')));
    answer(await get(s.origin, '/a', target('bob')));
    answer(await get(s.origin, '/b', target('alice')));
    assert.equal(s.sessions.length, 2);
  } finally {
    await s.close();
  }
});

test('a TLS server that does not select h2 is remembered: its origin falls back without another attempt', async () => {
  let connections = 0;
  const server = createHttpsServer({ cert: pem.cert, key: pem.key, ALPNProtocols: ['http/1.1'] }, (_req, res) => res.end('{}'));
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    assert.equal(await get(origin), 'http1');
    assert.equal(await get(origin, '/other'), 'http1');
    assert.equal(await get(origin, '/x', target('bob')), 'http1');
    assert.equal(connections, 1, 'one ALPN attempt per origin');
    assert.deepEqual(poolState(), { sessions: [], http1Origins: [origin] });
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test('a session the server ends with GOAWAY leaves the pool; the next GET opens a fresh one', async () => {
  const s = await h2Server();
  try {
    answer(await get(s.origin, '/a'));
    s.sessions[0]?.goaway(constants.NGHTTP2_NO_ERROR);
    await until('the pool drops the session', () => poolState().sessions.length === 0);
    answer(await get(s.origin, '/b'));
    assert.equal(s.sessions.length, 2);
  } finally {
    await s.close();
  }
});

test('a session the server closes between reads is dropped; the next GET works on a new connection', async () => {
  const s = await h2Server();
  try {
    answer(await get(s.origin, '/a'));
    s.sessions[0]?.destroy();
    await until('the pool drops the closed session', () => poolState().sessions.length === 0);
    assert.equal(JSON.parse(answer(await get(s.origin, '/b')).body).path, '/b');
    assert.equal(s.sessions.length, 2);
  } finally {
    await s.close();
  }
});

test('a stream refused on a session that still takes streams is sent again on it', async () => {
  let refused = 0;
  const s = await h2Server((stream, path) => {
    if (path !== '/refuse' || refused++ > 0) return false;
    stream.close(constants.NGHTTP2_REFUSED_STREAM);
    return true;
  });
  try {
    answer(await get(s.origin, '/warm'));
    const r = answer(await get(s.origin, '/refuse'));
    assert.equal(JSON.parse(r.body).path, '/refuse');
    assert.equal(refused, 2, 'refused once, answered on the retry');
    assert.equal(s.sessions.length, 1, 'the retry went over the same session');
  } finally {
    await s.close();
  }
});

test('a stream reset on a new session is not retried', async () => {
  const s = await h2Server((stream) => {
    stream.close(constants.NGHTTP2_INTERNAL_ERROR);
    return true;
  });
  try {
    const r = await get(s.origin, '/a');
    assert.ok(r !== 'http1' && !r.ok);
    assert.equal(s.streams, 1);
  } finally {
    await s.close();
  }
});

for (const [name, code] of [
  ['REFUSED_STREAM', constants.NGHTTP2_REFUSED_STREAM],
  ['PROTOCOL_ERROR (Go: over the stream limit)', constants.NGHTTP2_PROTOCOL_ERROR],
] as const) {
  test(`a stream refused with ${name} on a new session is sent again, at most twice`, async () => {
    let refuse = 2;
    const s = await h2Server((stream) => {
      if (refuse-- <= 0) return false;
      stream.close(code);
      return true;
    });
    try {
      const r = answer(await get(s.origin, '/twice'));
      assert.equal(JSON.parse(r.body).path, '/twice');
      assert.equal(s.streams, 3, 'refused twice, answered on the third try');
      refuse = 3;
      const gaveUp = await get(s.origin, '/always');
      assert.ok(gaveUp !== 'http1' && !gaveUp.ok, 'a server that refuses every try gets an error back');
      assert.equal(s.streams, 6, 'three tries, not a loop');
    } finally {
      await s.close();
    }
  });
}

test('streams above the last id of a GOAWAY (nghttp2 refuses them) are sent again on a fresh session', async () => {
  let first = true;
  const s = await h2Server((stream) => {
    if (!first) return false;
    first = false;
    // The server takes the first stream, then goes away before reading the others: they were never processed.
    stream.session?.goaway(constants.NGHTTP2_NO_ERROR, stream.id);
    stream.respond({ ':status': 200 });
    stream.end('{"path":"first"}');
    return true;
  });
  try {
    const rs = await Promise.all(['/a', '/b', '/c'].map((path) => get(s.origin, path)));
    for (const r of rs) answer(r);
    assert.ok(s.sessions.length >= 2, 'the refused ones went over a new session');
  } finally {
    await s.close();
  }
});

test('an abort while the stream waits for a silent answer resolves at once and cancels the stream', async () => {
  let serverSawClose = false;
  const s = await h2Server((stream, path) => {
    if (path !== '/silent') return false;
    stream.on('close', () => (serverSawClose = true));
    return true; // never answers
  });
  try {
    const c = new AbortController();
    const pending = get(s.origin, '/silent', target(), c.signal);
    await until('the stream reached the server', () => s.streams === 1);
    c.abort(new Error('deadline'));
    const r = await pending;
    assert.ok(r !== 'http1' && !r.ok);
    assert.equal((r.error as { name?: string }).name, 'AbortError');
    await until('the server sees the stream cancelled', () => serverSawClose);
    // The session itself is fine and stays for the next request.
    answer(await get(s.origin, '/next'));
    assert.equal(s.sessions.length, 1);
  } finally {
    await s.close();
  }
});

test('an abort while the TLS handshake hangs destroys the connection once no request waits for it', async () => {
  const sockets = new Set<Socket>();
  let closed = 0;
  const silent: Server = createTcpServer((sock) => {
    sockets.add(sock);
    sock.resume(); // reads (so it sees the client's close), never writes
    sock.on('close', () => closed++);
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const origin = `https://127.0.0.1:${(silent.address() as { port: number }).port}`;
  try {
    const a = new AbortController();
    const b = new AbortController();
    const ra = get(origin, '/a', target(), a.signal);
    const rb = get(origin, '/b', target(), b.signal);
    await until('one connection for both requests', () => sockets.size === 1);
    a.abort();
    const first = await ra;
    assert.ok(first !== 'http1' && !first.ok && (first.error as { name?: string }).name === 'AbortError');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(closed, 0, 'the other request still waits for the handshake');
    b.abort();
    await rb;
    await until('the connection is closed', () => closed === 1);
    assert.deepEqual(poolState().sessions, []);
  } finally {
    for (const sock of sockets) sock.destroy();
    await new Promise((r) => silent.close(r));
  }
});

test('a refused connection and a wrong CA fail with the codes faults.ts maps (ECONNREFUSED, a certificate error)', async () => {
  const s = await h2Server();
  const origin = s.origin;
  try {
    const other = selfSigned();
    const wrongCa = await h2Get(
      { id: 'wrong', tls: { ca: other.cert } },
      new URL('/x', origin),
      {},
      new AbortController().signal,
      1024,
    );
    assert.ok(wrongCa !== 'http1' && !wrongCa.ok);
    assert.match(String((wrongCa.error as { code?: string }).code), /CERT|SELF_SIGNED|UNABLE_TO/);
  } finally {
    await s.close();
  }
  const refused = await get(origin);
  assert.ok(refused !== 'http1' && !refused.ok);
  assert.equal((refused.error as { code?: string }).code, 'ECONNREFUSED');
});

test('a stream the server resets is a bad response of that request; a session that fails is unreachable', async () => {
  const s = await h2Server((stream, path) => {
    if (path === '/reset') stream.close(constants.NGHTTP2_INTERNAL_ERROR);
    else if (path === '/kill') stream.session?.destroy(new Error('gone'), constants.NGHTTP2_INTERNAL_ERROR);
    else return false;
    return true;
  });
  const kind = (r: H2Answer | 'http1') =>
    r !== 'http1' && !r.ok ? faultFromNetworkError(r.error, s.origin, undefined, 1000, []).kind : 'answered';
  try {
    const reset = await get(s.origin, '/reset');
    assert.equal(kind(reset), 'badResponse');
    answer(await get(s.origin, '/fine'));
    const killed = await h2Get(target('other'), new URL('/kill', s.origin), {}, new AbortController().signal, 1024);
    assert.equal(kind(killed), 'unreachable');
  } finally {
    await s.close();
  }
});

test('an answer above the cap ends the stream with the error faults.ts reads as a bad response', async () => {
  const s = await h2Server((stream) => {
    stream.respond({ ':status': 200 });
    stream.end(Buffer.alloc(3 << 20, 0x61));
    return true;
  });
  try {
    const r = await h2Get(target(), new URL('/big', s.origin), {}, new AbortController().signal, 1 << 20);
    assert.ok(r !== 'http1' && !r.ok);
    assert.match(String((r.error as Error).message), /answer larger than 1 MiB/);
  } finally {
    await s.close();
  }
});

test("a header value HTTP cannot carry is refused before anything is sent, with http.request's error code", async () => {
  const s = await h2Server();
  try {
    const r = await get(s.origin, '/a', target(), undefined, { Authorization: 'Bearer a\nb' });
    assert.ok(r !== 'http1' && !r.ok && r.internal);
    assert.equal((r.error as { code?: string }).code, 'ERR_INVALID_CHAR');
    assert.equal(s.sessions.length, 0);
  } finally {
    await s.close();
  }
});

test('an idle session is closed after the idle time', async () => {
  resetPool({ idleCloseMs: 30 });
  const s = await h2Server();
  try {
    answer(await get(s.origin, '/a'));
    assert.equal(poolState().sessions.length, 1);
    let serverClosed = false;
    s.sessions[0]?.on('close', () => (serverClosed = true));
    await until('the idle session leaves the pool and closes', () => poolState().sessions.length === 0 && serverClosed);
  } finally {
    resetPool();
    await s.close();
  }
});

test('an open session does not keep a process alive: a child that did a GET exits by itself', { timeout: 30_000 }, async () => {
  const s = await h2Server();
  let child: ReturnType<typeof spawn> | undefined;
  try {
    child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, 'http2Child.ts'), s.origin, pem.file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((r) => child?.on('exit', r));
    assert.equal(code, 0);
    assert.match(out, /^200 1 session\n$/);
    assert.equal(s.sessions.length, 1);
  } finally {
    if (child?.exitCode === null) child.kill();
    await s.close();
  }
});
