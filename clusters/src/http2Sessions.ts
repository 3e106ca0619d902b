// GETs over HTTP/2: one TLS connection per (API server, TLS identity), every request a stream on it, as
// client-go does with kube-apiserver (ALPN h2). Over HTTP/1.1 a cluster read of ~7 parallel GETs opens ~7
// sockets, each a full TLS handshake on both sides; a first read of 50 clusters took twice as long for it
// (bench/inventory.bench.ts, docs/inventory.md). A server that does not pick h2 in ALPN (a TLS-terminating proxy speaking HTTP/1.1) is
// remembered per origin and its requests go through the https agent (access.ts), as do plain-http
// servers and proxy-url clusters. Watches stay on HTTP/1.1 (watchStream.ts): a watch lives for hours, and
// one stuck stream must not share a connection's flow-control window with the reads.
import { connect as http2Connect, constants, type ClientHttp2Session, type IncomingHttpHeaders } from 'node:http2';
import { validateHeaderName, validateHeaderValue, type OutgoingHttpHeaders } from 'node:http';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { isIP } from 'node:net';
import { coalesce } from './coalesce';

/** TLS options of one identity (the same object the https agents of watchStream.ts are built from) and its digest. */
export interface H2Target {
  id: string;
  tls: ConnectionOptions;
}

export type H2Answer =
  | { ok: true; status: number; body: string; contentType?: string; retryAfter?: string }
  | { ok: false; error: unknown; internal?: boolean };

/** Idle sessions close after this long (a CLI exits before: sessions never hold the process open). */
export const IDLE_CLOSE_MS = 30_000;
/** Receive windows: Node's default (64 KiB per connection) would make a 1 MiB list take 16 round trips. */
const STREAM_WINDOW = 4 << 20;
const SESSION_WINDOW = 32 << 20;
const MAX_HTTP1_ORIGINS = 256;
const REFUSALS = new Set<number | undefined>([constants.NGHTTP2_REFUSED_STREAM, constants.NGHTTP2_PROTOCOL_ERROR]);
/** A server that refuses every stream gets three tries, not a loop. */
const MAX_REFUSED_RETRIES = 2;
/** Headers HTTP/2 forbids (RFC 9113 §8.2.2); `host` travels as `:authority`. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host']);

interface Pooled {
  session: ClientHttp2Session;
  /** Why the session failed, when it did: what its streams report. */
  error?: unknown;
  /** Streams open on it: while any is, the session holds the process open; at zero the idle timer runs. */
  active: number;
  idle?: NodeJS.Timeout;
}

const sessions = new Map<string, Pooled>();
/** Origins whose TLS server did not select h2: their requests go over HTTP/1.1 from then on. */
const http1Origins = new Set<string>();
const CONNECTS = {};
let idleCloseMs = IDLE_CLOSE_MS;
let enabled = true;

/** Off: every GET goes over HTTP/1.1 (the bench and the tests compare the two paths). */
export function setHttp2Enabled(on: boolean): void {
  enabled = on;
}

/** What the pool holds right now (tests of its bookkeeping). */
export function poolState(): { sessions: string[]; http1Origins: string[] } {
  return { sessions: [...sessions.keys()].map((k) => k.slice(k.indexOf(' ') + 1)), http1Origins: [...http1Origins] };
}

/** Close every session and forget every origin (tests). */
export function resetPool(options: { idleCloseMs?: number } = {}): void {
  for (const p of sessions.values()) {
    clearTimeout(p.idle);
    p.session.destroy();
  }
  sessions.clear();
  http1Origins.clear();
  idleCloseMs = options.idleCloseMs ?? IDLE_CLOSE_MS;
}

const keyOf = (target: H2Target, url: URL) => `${target.id} ${url.origin}`;

function rememberHttp1(origin: string): void {
  http1Origins.add(origin);
  for (const old of http1Origins) {
    if (http1Origins.size <= MAX_HTTP1_ORIGINS) break;
    http1Origins.delete(old);
  }
}

function drop(key: string, p: Pooled): void {
  clearTimeout(p.idle);
  if (sessions.get(key) === p) sessions.delete(key);
}

function adopt(key: string, session: ClientHttp2Session): Pooled {
  const p: Pooled = { session, active: 0 };
  sessions.set(key, p);
  // Gone from the pool the moment it cannot take new streams; streams still open finish or fail on their own.
  session.on('goaway', () => drop(key, p));
  session.on('close', () => drop(key, p));
  session.on('error', (error: unknown) => {
    p.error = error;
    drop(key, p);
  });
  session.setLocalWindowSize(SESSION_WINDOW);
  session.unref();
  return p;
}

function streamOpened(p: Pooled): void {
  if (p.active++ === 0) {
    clearTimeout(p.idle);
    p.session.ref();
  }
}

function streamClosed(key: string, p: Pooled): void {
  if (--p.active > 0 || p.session.destroyed) return;
  p.session.unref();
  p.idle = setTimeout(() => {
    drop(key, p);
    p.session.close();
  }, idleCloseMs);
  p.idle.unref();
}

type Connected = { kind: 'session'; pooled: Pooled } | { kind: 'http1' } | { kind: 'error'; error: unknown };

/**
 * One TLS connection offering h2 and http/1.1; the socket becomes a session when the server picks h2. Every
 * option but ALPN and the address is the identity's (secureContext, servername, rejectUnauthorized), so
 * verification is the https path's. `signal` aborts only when every request waiting for it gave up (coalesce).
 */
function connect(key: string, target: H2Target, url: URL, signal: AbortSignal): Promise<Connected> {
  return new Promise((resolve) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const servername = target.tls.servername ?? (isIP(host) ? undefined : host);
    let socket: TLSSocket;
    const onAbort = () => {
      socket.destroy();
      resolve({ kind: 'error', error: abortError(signal) });
    };
    const onError = (error: unknown) => {
      signal.removeEventListener('abort', onAbort);
      resolve({ kind: 'error', error });
    };
    try {
      socket = tlsConnect({
        ...target.tls,
        host,
        port: Number(url.port || 443),
        ...(servername ? { servername } : {}),
        ALPNProtocols: ['h2', 'http/1.1'],
      });
    } catch (error) {
      resolve({ kind: 'error', error });
      return;
    }
    // As http.request does: without it a request frame waits for the ACK of the one before (Nagle's
    // algorithm against delayed ACKs), 40 ms more per round trip on a real link.
    socket.setNoDelay(true);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once('secureConnect', () => {
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      if (socket.alpnProtocol !== 'h2') {
        socket.end(); // a TLS close_notify, not a reset: the server logs no handshake error
        socket.unref();
        rememberHttp1(url.origin);
        return resolve({ kind: 'http1' });
      }
      const session = http2Connect(url.origin, {
        createConnection: () => socket,
        settings: { initialWindowSize: STREAM_WINDOW, enablePush: false },
      });
      resolve({ kind: 'session', pooled: adopt(key, session) });
    });
  });
}

function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR', cause: signal.reason });
}

const validated = new WeakMap<OutgoingHttpHeaders, Record<string, string | string[]>>();

/**
 * The request's headers in HTTP/2 form (lower-case names, no connection headers), checked as http.request
 * checks them: a token with a line break throws the same ERR_INVALID_CHAR, never reaches the wire.
 */
function h2Headers(headers: OutgoingHttpHeaders): Record<string, string | string[]> {
  const known = validated.get(headers);
  if (known) return known;
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || CONNECTION_HEADERS.has(name.toLowerCase())) continue;
    validateHeaderName(name);
    validateHeaderValue(name, Array.isArray(value) ? value.join(', ') : String(value));
    out[name.toLowerCase()] = Array.isArray(value) ? value.map(String) : String(value);
  }
  validated.set(headers, out);
  return out;
}

function first(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[0] : undefined;
}

/**
 * `beforeResponse` marks a failure before any answer. `refused`: the stream was reset with REFUSED_STREAM
 * (by the server, or by nghttp2 for a stream above the last id of a GOAWAY), which RFC 9113 §8.7 says was
 * never processed, or with PROTOCOL_ERROR, which Go's server sends for a stream over its limit when it has
 * not yet seen the end of an earlier one (golang/go#47635).
 */
type StreamResult = H2Answer | { ok: false; error: unknown; beforeResponse: true; refused: boolean };

/** One GET as a stream of `p`. */
function streamGet(
  key: string,
  p: Pooled,
  url: URL,
  headers: Record<string, string | string[]>,
  signal: AbortSignal,
  maxBytes: number,
): Promise<StreamResult> {
  return new Promise((resolveResult) => {
    let settled = false;
    let answered = false;
    const resolve = (r: StreamResult) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      resolveResult(r);
    };
    let stream: ReturnType<ClientHttp2Session['request']>;
    const fail = (error: unknown) =>
      answered
        ? resolve({ ok: false, error })
        : resolve({ ok: false, error, beforeResponse: true, refused: REFUSALS.has(stream?.rstCode) });
    const onAbort = () => {
      stream?.close(constants.NGHTTP2_CANCEL);
      resolve({ ok: false, error: abortError(signal) });
    };
    if (signal.aborted) return onAbort();
    try {
      stream = p.session.request({ ...headers, ':method': 'GET', ':path': `${url.pathname}${url.search}` }, { endStream: true });
    } catch (error) {
      // The session closed between the pool lookup and this request (ERR_HTTP2_GOAWAY_SESSION / INVALID_SESSION).
      drop(key, p);
      return fail(error);
    }
    signal.addEventListener('abort', onAbort, { once: true });
    streamOpened(p);
    stream.once('close', () => {
      streamClosed(key, p);
      if (settled) return; // the usual case: answered (an Error built for nothing costs a stack trace)
      // The connection went away under the stream: HTTP/1.1 reports that as a socket hang up (ECONNRESET).
      const gone = p.session.destroyed || stream.rstCode === constants.NGHTTP2_CANCEL;
      fail(
        gone
          ? (p.error ?? Object.assign(new Error('the connection closed before the answer'), { code: 'ECONNRESET' }))
          : Object.assign(new Error(`stream closed before the answer ended (HTTP/2 code ${stream.rstCode})`), {
              code: 'ERR_STREAM_PREMATURE_CLOSE',
            }),
      );
    });
    stream.on('error', (error: unknown) => {
      // The session's failure reaches each stream wrapped ("pending stream has been canceled"): report the cause.
      const cause =
        (error as { code?: unknown; cause?: unknown }).code === 'ERR_HTTP2_STREAM_CANCEL'
          ? (error as { cause?: unknown }).cause
          : undefined;
      fail(cause ?? error);
    });
    stream.once('response', (h) => {
      answered = true;
      const status = Number(h[':status']) || 0;
      const contentType = first(h, 'content-type');
      const retryAfter = first(h, 'retry-after');
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) stream.destroy(new Error(`answer larger than ${maxBytes >> 20} MiB`));
        else chunks.push(c);
      });
      stream.once('end', () =>
        resolve({
          ok: true,
          status,
          body: Buffer.concat(chunks).toString('utf8'),
          ...(contentType ? { contentType } : {}),
          ...(retryAfter ? { retryAfter } : {}),
        }),
      );
    });
  });
}

/**
 * GET `url` over the pooled HTTP/2 session of `target`, or `'http1'` when the server does not speak h2 (the
 * caller then uses its https agent). A request that failed before any answer on a session that had served
 * others (the server closed it, a GOAWAY, a dead idle connection) is sent once more on a fresh session: GETs
 * are idempotent. A refused stream is sent again, up to twice, as Go's transport (client-go's) retries it
 * (canRetryError): a CLI run on a loaded machine saw one on a session it had just opened.
 */
export async function h2Get(
  target: H2Target,
  url: URL,
  headers: OutgoingHttpHeaders,
  signal: AbortSignal,
  maxBytes: number,
): Promise<H2Answer | 'http1'> {
  if (!enabled || http1Origins.has(url.origin)) return 'http1';
  let h: Record<string, string | string[]>;
  try {
    h = h2Headers(headers);
  } catch (error) {
    return { ok: false, error, internal: true };
  }
  const key = keyOf(target, url);
  for (let attempt = 0; ; attempt++) {
    const known = sessions.get(key);
    const reused = !!known && !known.session.closed && !known.session.destroyed;
    let p: Pooled;
    if (known && reused) p = known;
    else {
      const c = await coalesce<Connected>(
        CONNECTS,
        key,
        signal,
        (s) => connect(key, target, url, s),
        () => ({ kind: 'error', error: abortError(signal) }),
      );
      if (c.kind === 'http1') return 'http1';
      if (c.kind === 'error') return { ok: false, error: c.error };
      p = c.pooled;
    }
    const r = await streamGet(key, p, url, h, signal, maxBytes);
    if (!('beforeResponse' in r)) return r;
    const retry = r.refused ? attempt < MAX_REFUSED_RETRIES : reused && attempt === 0;
    if (!retry || signal.aborted) return { ok: false, error: r.error };
    // A refused stream goes again on the same session while it takes streams: the server refused it over its
    // stream limit, whose SETTINGS the first burst of a new session was sent before. After a GOAWAY the session
    // is out of the pool already, and the retry opens a fresh one.
    if (!r.refused) drop(key, p);
  }
}
