// Identical GETs in flight at the same moment share one request: the same URL through the same agent (one
// TLS identity) with the same headers (one credential) — e.g. many kubeconfig contexts that point at one
// API server with one user. The answer is the same bytes either way; each caller keeps its own deadline and
// cancel, and the shared request is aborted only when every caller has given up on it.
import { createHash } from 'node:crypto';

interface Flight<T> {
  promise: Promise<T>;
  waiters: number;
  controller: AbortController;
}

const flights = new WeakMap<object, Map<string, Flight<unknown>>>();
const NO_AGENT = {};

/** Digests of header objects: an access sends the same headers object with every request. */
const headerDigests = new WeakMap<object, string>();

/** The URL (without userinfo) and a digest of the headers, so that no credential is kept as a map key. */
export function requestKey(url: URL, headers: unknown): string {
  const cached = headers && typeof headers === 'object' ? headerDigests.get(headers) : undefined;
  const digest = cached ?? createHash('sha256').update(JSON.stringify(headers)).digest('hex');
  if (!cached && headers && typeof headers === 'object') headerDigests.set(headers, digest);
  // Origin, path and query: never the userinfo a server URL might carry. The agent scope keeps the rest apart.
  return `${digest} ${url.origin}${url.pathname}${url.search}`;
}

/**
 * `run` once per `scope` + `key` while it is in flight. A caller whose `signal` aborts first gets
 * `onAbort(signal.reason)` at once; the others keep waiting for the shared answer.
 */
export function coalesce<T>(
  scope: object | undefined,
  key: string,
  signal: AbortSignal,
  run: (signal: AbortSignal) => Promise<T>,
  onAbort: (reason: unknown) => T,
): Promise<T> {
  if (signal.aborted) return Promise.resolve(onAbort(signal.reason));
  const root = scope ?? NO_AGENT;
  let byKey = flights.get(root);
  if (!byKey) flights.set(root, (byKey = new Map()));
  const map = byKey;
  let flight = map.get(key) as Flight<T> | undefined;
  if (!flight) {
    const controller = new AbortController();
    const created: Flight<T> = { promise: run(controller.signal), waiters: 0, controller };
    created.promise.then(
      () => map.get(key) === created && map.delete(key),
      () => map.get(key) === created && map.delete(key),
    );
    map.set(key, created);
    flight = created;
  }
  const f = flight;
  f.waiters++;
  return new Promise<T>((resolve, reject) => {
    let finished = false;
    const leave = () => {
      finished = true;
      signal.removeEventListener('abort', onAbortEvent);
      f.waiters--;
    };
    const onAbortEvent = () => {
      if (finished) return;
      leave();
      if (f.waiters === 0) {
        // Nobody waits any more: end the request itself (its socket, a silent server's handshake).
        if (map.get(key) === f) map.delete(key);
        f.controller.abort(signal.reason);
      }
      resolve(onAbort(signal.reason));
    };
    signal.addEventListener('abort', onAbortEvent, { once: true });
    f.promise.then(
      (v) => {
        if (finished) return;
        leave();
        resolve(v);
      },
      (e: unknown) => {
        if (finished) return;
        leave();
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
