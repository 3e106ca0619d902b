// Watch streams and connection reuse for the cluster access layer (access.ts), kept apart from it: the
// newline-delimited JSON events of `?watch=1`, the 410 Gone that means "relist", a deadline that bounds only
// the connection and TLS handshake, and an agent that keeps connections alive.
// Watches stay on HTTP/1.1 (an agent of their own) while GETs go over HTTP/2 (http2Sessions.ts): a watch
// is open for hours, and a consumer that stalls must not hold a shared connection's flow-control window.
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type RequestOptions } from 'node:https';
import { createHash } from 'node:crypto';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { ClusterFault } from './faults';
import type { H2Target } from './http2Sessions';

const MAX_EVENT_CHARS = 32 << 20;

/** One event of a watch stream (`?watch=1`): ADDED, MODIFIED, DELETED, BOOKMARK or ERROR. */
export interface WatchEvent {
  type: string;
  object: unknown;
}

export interface WatchOptions {
  /** Ends the stream (the watch then resolves `ok`). */
  signal?: AbortSignal;
  /** The server accepted the watch (200): from here on the data is live again. */
  onOpen?: () => void;
}

/** How a watch ended: the server closed it (resume from the last resourceVersion), or a fault; `gone` is 410. */
export type WatchEnd = { ok: true } | { ok: false; fault: ClusterFault; gone?: boolean };

export interface StreamAuth {
  agent: RequestOptions['agent'];
  /** The agent for watch streams (no socket cap); `agent` when absent. */
  watchAgent?: RequestOptions['agent'];
  headers: OutgoingHttpHeaders;
}

type StreamEnd =
  | { kind: 'closed' }
  | { kind: 'aborted' }
  | { kind: 'gone' }
  | { kind: 'network'; error: unknown; connectTimeout?: boolean }
  | { kind: 'status'; status: number; body: string };

/**
 * One watch stream, newline-delimited JSON events. `connectMs` bounds the connection and TLS handshake (a
 * silent server must not hold a watcher forever); after that it lives until the server ends it (a proxy may
 * hold back the answer's headers until the first event, so they are not waited for). An ERROR event whose
 * Status says 410 ends it as `gone`: the caller relists.
 */
export function stream(
  url: URL,
  auth: StreamAuth,
  signal: AbortSignal,
  connectMs: number,
  onEvent: (e: WatchEvent) => void,
  onOpen?: () => void,
): Promise<StreamEnd> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (e: StreamEnd) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      req.destroy();
      resolve(signal.aborted && e.kind !== 'gone' ? { kind: 'aborted' } : e);
    };
    let connectTimedOut = false;
    const connectTimer = setTimeout(() => {
      connectTimedOut = true;
      req.destroy(new Error(`no answer within ${connectMs} ms`));
    }, connectMs);
    const onResponse = (res: IncomingMessage) => {
      clearTimeout(connectTimer);
      res.socket?.setKeepAlive(true, 30_000);
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.length < 64 && chunks.push(c));
        res.on('end', () => finish({ kind: 'status', status, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => finish({ kind: 'network', error }));
        return;
      }
      onOpen?.();
      let rest = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        rest += chunk;
        if (rest.length > MAX_EVENT_CHARS) return finish({ kind: 'network', error: new Error('watch event too large') });
        let nl = rest.indexOf('\n');
        while (nl >= 0 && !settled) {
          const line = rest.slice(0, nl).trim();
          rest = rest.slice(nl + 1);
          if (line) handleLine(line);
          nl = rest.indexOf('\n');
        }
      });
      res.on('end', () => finish({ kind: 'closed' }));
      res.on('close', () => finish({ kind: 'closed' }));
      res.on('error', (error) => finish({ kind: 'network', error }));
    };
    const handleLine = (line: string) => {
      let e: { type?: unknown; object?: { code?: unknown } } | undefined;
      try {
        e = JSON.parse(line) as typeof e;
      } catch {
        return; // a torn line cannot be repaired; the next relist catches up
      }
      if (!e || typeof e.type !== 'string') return;
      if (e.type === 'ERROR' && e.object?.code === 410) return finish({ kind: 'gone' });
      onEvent({ type: e.type, object: e.object });
    };
    const opts = { method: 'GET', headers: auth.headers, signal };
    const req =
      url.protocol === 'http:'
        ? httpRequest(url, opts, onResponse)
        : httpsRequest(url, { ...opts, agent: auth.watchAgent ?? auth.agent }, onResponse);
    req.on('error', (error) => finish({ kind: 'network', error, connectTimeout: connectTimedOut }));
    req.on('socket', (sock) => {
      // A pooled socket is connected already; a new one is when its (TLS) handshake is done.
      if (!sock.connecting) clearTimeout(connectTimer);
      else sock.once(url.protocol === 'http:' ? 'connect' : 'secureConnect', () => clearTimeout(connectTimer));
    });
    req.end();
  });
}

/**
 * The agents of one TLS identity: requests share a capped pool; watches (open for minutes) get their own.
 * `h2`: the identity's TLS options for the HTTP/2 sessions of http2Sessions.ts (GETs try h2 first); absent
 * for a proxy agent, whose requests must go through it.
 */
export interface SharedAgents {
  request: RequestOptions['agent'];
  watch: RequestOptions['agent'];
  h2?: H2Target;
}

/**
 * Sockets per API server for requests. The first read of a cluster sends discovery and six probes at once,
 * then six lists: without a cap, 50 contexts on one server would open 350 TLS connections in the same
 * instant (CPU on both sides); with it the requests queue for a warm socket. Above one cluster's widest
 * burst (7), so one cluster still reads in two round trips.
 */
export const MAX_REQUEST_SOCKETS = 24;
const MAX_IDENTITIES = 64;
const shared = new Map<string, SharedAgents>();

/** A digest of the TLS material (never the material itself as a key that could end up in a dump). */
function identityKey(parts: unknown[]): string {
  const h = createHash('sha256');
  const add = (v: unknown): void => {
    if (Array.isArray(v)) {
      h.update(`[${v.length}`);
      for (const x of v) add(x);
      return;
    }
    const text = Buffer.isBuffer(v) ? v.toString('base64') : v === undefined ? '\u0000undefined' : String(v);
    h.update(`${text.length}:${text}`);
  };
  for (const p of parts) add(p);
  return h.digest('hex');
}

/**
 * One TLS context (CA store, client certificate and key) for every connection of an identity. Without it
 * tls.connect builds a new one per socket from the same PEM text (parsing the CA bundle into a store each
 * time, the largest cost of a new connection after the handshake itself). Verification is unchanged: the
 * CA, `rejectUnauthorized` and the server name are still checked per connection. Material Node cannot load
 * gets no shared context, so its connections fail as they did before (checkTlsMaterial reports it first).
 */
function secureContextOf(
  material: Pick<RequestOptions, 'ca' | 'cert' | 'key' | 'pfx' | 'passphrase'>,
): SecureContext | undefined {
  const defined = Object.fromEntries(Object.entries(material).filter(([, v]) => v !== undefined));
  try {
    return createSecureContext(defined);
  } catch {
    return undefined;
  }
}

/**
 * client-node builds a fresh https.Agent without keep-alive, so every request of a cluster would pay its own
 * TCP and TLS handshake (a dozen per read, more per relist). The same TLS material in an agent that keeps
 * connections (idle ones do not hold the process open) makes a slow link cost one handshake, not twelve.
 * Contexts with the same TLS identity (CA, client certificate, server name) share those agents: Node pools
 * sockets per host and port, so contexts pointing at one server reuse its connections and TLS sessions,
 * while a bearer token still travels per request. An identity's connections share one TLS context
 * (secureContextOf); another client certificate is another identity, so never another's context or socket. Proxy agents (proxy-url in the kubeconfig) are kept as
 * they are.
 */
export function reusingAgent(opts: RequestOptions): SharedAgents {
  if (!(opts.agent instanceof HttpsAgent) || opts.agent.constructor !== HttpsAgent)
    return { request: opts.agent, watch: opts.agent };
  const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } = opts;
  const id = identityKey([ca, cert, key, pfx, passphrase, rejectUnauthorized, servername]);
  const known = shared.get(id);
  if (known) {
    // Most recently used last: the oldest identity (e.g. a rotated plugin certificate) is dropped first.
    shared.delete(id);
    shared.set(id, known);
    return known;
  }
  const secureContext = secureContextOf({ ca, cert, key, pfx, passphrase });
  const tls = {
    ...{ ca, cert, key, pfx, passphrase, servername },
    ...(secureContext ? { secureContext } : {}),
    ...(rejectUnauthorized !== undefined ? { rejectUnauthorized } : {}),
  };
  const pooled = { ...tls, keepAlive: true, scheduling: 'lifo' as const };
  const agents = {
    request: new HttpsAgent({ ...pooled, maxSockets: MAX_REQUEST_SOCKETS }),
    watch: new HttpsAgent(pooled),
    h2: { id, tls },
  };
  shared.set(id, agents);
  // Dropped agents stay usable by whoever holds them; their idle sockets close with the server's timeout.
  for (const old of shared.keys()) {
    if (shared.size <= MAX_IDENTITIES) break;
    shared.delete(old);
  }
  return agents;
}
