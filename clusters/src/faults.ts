// Every way a cluster read can fail, as a value: callers show faults per cluster and carry on with the
// other clusters, so nothing here throws. makeFault() is the one place a fault message is built: it redacts
// (known secrets, remembered ones, token-like runs), keeps one line and caps the length.
import { firstLine, redact, type RedactOptions } from './redact';

export type FaultKind =
  | 'unreachable'
  | 'timeout'
  | 'cancelled'
  | 'tls'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'crdMissing'
  /** The server answered 5xx or 429 (overloaded, a failing webhook or aggregated API, an etcd problem). */
  | 'serverError'
  /** The server (or something in front of it) answered with something that is not the Kubernetes API. */
  | 'badResponse'
  | 'execPlugin'
  | 'config'
  /** A bug of ours: reported as such, never dressed up as a cluster problem. */
  | 'internal';

export interface ClusterFault {
  kind: FaultKind;
  /** One line for a platform engineer, free of credentials. */
  message: string;
  /** Seconds the server asked us to wait (Retry-After of a 429/503), when it said. */
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; fault: ClusterFault };

const MAX_MESSAGE = 500;

/** The one constructor of fault values: the message is redacted, made one line and capped. */
export function makeFault(
  kind: FaultKind,
  message: string,
  secrets: readonly string[] = [],
  options: RedactOptions = {},
): ClusterFault {
  const line = redact(message, secrets, options)
    .replace(/\s*\r?\n\s*/g, ' ')
    .trim();
  return { kind, message: line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line };
}

export const fault = (
  kind: FaultKind,
  message: string,
  secrets: readonly string[] = [],
  options: RedactOptions = {},
): { ok: false; fault: ClusterFault } => ({ ok: false, fault: makeFault(kind, message, secrets, options) });

/** An exception where none was expected (our bug): an internal fault with the error's first line, redacted. */
export function internalFault(err: unknown, secrets: readonly string[] = []): ClusterFault {
  const text = err instanceof Error ? err.message : String(err);
  return makeFault('internal', `internal error (please report it): ${firstLine(text, secrets, 200) || 'no message'}`, secrets);
}

/**
 * Faults that say something about the whole cluster, not about one resource: stop asking it. A 5xx, a
 * non-Kubernetes answer or our own bug concern the one request (an aggregated API down, one webhook failing).
 */
export function isClusterWide(f: ClusterFault): boolean {
  return !['forbidden', 'notFound', 'crdMissing', 'serverError', 'badResponse', 'internal'].includes(f.kind);
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
]);

function errorCode(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const c = e?.code ?? e?.cause?.code;
  return typeof c === 'string' ? c : '';
}

function isTlsCode(code: string): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|ALTNAME|HOSTNAME_MISMATCH/.test(code);
}

/**
 * A network-level error of one request to `server` (what Node's https module rejects with) as a fault.
 * `reason` says why the request's signal aborted, when it did.
 */
export function faultFromNetworkError(
  err: unknown,
  server: string,
  reason: 'deadline' | 'cancelled' | undefined,
  timeoutMs: number,
  secrets: readonly string[],
): ClusterFault {
  const keep = { keep: [server] };
  if (reason === 'deadline')
    return makeFault('timeout', `no answer from ${server} within ${Math.round(timeoutMs / 100) / 10} s`, secrets, keep);
  if (reason === 'cancelled') return makeFault('cancelled', 'cancelled');
  const code = errorCode(err);
  const detail = firstLine(err instanceof Error ? err.message : String(err), secrets);
  if (isTlsCode(code))
    return makeFault(
      'tls',
      `TLS handshake with ${server} failed (${code}): ${detail} — check the cluster's certificate-authority in the kubeconfig`,
      secrets,
      keep,
    );
  if (UNREACHABLE_CODES.has(code))
    return makeFault('unreachable', `cannot connect to ${server} (${code}): ${detail}`, secrets, keep);
  // An answer cut off or malformed at the HTTP level came from something, so the server is reachable: an
  // HTTP/1.1 parse error, a stream closed early, an HTTP/2 stream the server reset or a protocol error.
  // (A whole HTTP/2 session that failed, ERR_HTTP2_SESSION_ERROR or GOAWAY, stays "unreachable".)
  if (
    /^HPE_|ERR_STREAM_PREMATURE_CLOSE|ERR_INVALID_CHAR|^ERR_HTTP2_(STREAM_)?ERROR$/.test(code) ||
    /larger than \d+ MiB/.test(detail)
  )
    return makeFault('badResponse', `${server} sent an answer we cannot read (${code || 'malformed'}): ${detail}`, secrets, keep);
  return makeFault('unreachable', `request to ${server} failed${code ? ` (${code})` : ''}: ${detail}`, secrets, keep);
}

interface StatusBody {
  kind?: string;
  message?: string;
  reason?: string;
  details?: { name?: string; kind?: string };
}

function parseStatus(body: string): StatusBody | undefined {
  try {
    const v = JSON.parse(body) as StatusBody;
    return v && v.kind === 'Status' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A non-2xx answer as a fault. A 404 that names an object (Status details.name) is `notFound`; a 404 for
 * the resource type itself (plain "404 page not found", or a Status without details) means the API
 * group/version/resource is not served here, which for CRD-backed resources means the CRD is missing.
 */
export function faultFromHttpStatus(
  status: number,
  body: string,
  what: string,
  secrets: readonly string[],
  retryAfter?: string,
): ClusterFault {
  const st = parseStatus(body);
  // Redacted only where a message quotes it (a 404 does not: an implementation probe's 404s are many).
  const saidOf = () => firstLine(st?.message ?? body, secrets, 240);
  if (status === 401)
    return makeFault(
      'unauthorized',
      `unauthorized (401) reading ${what}: the credentials of this context were rejected — log in again or refresh the token`,
    );
  if (status === 403) return makeFault('forbidden', `forbidden: ${saidOf() || `cannot read ${what}`}`, secrets);
  if (status === 404) {
    if (st?.details?.name) return makeFault('notFound', `${what} not found`, secrets);
    return makeFault('crdMissing', `${what}: the API is not served by this cluster (CRD or API version absent)`, secrets);
  }
  const said = saidOf();
  if (status === 429 || status >= 500) {
    const wait = retryAfterSeconds(retryAfter);
    const label = status === 429 ? 'too many requests (429)' : `server error (HTTP ${status})`;
    const f = makeFault(
      'serverError',
      `${label} reading ${what}${said ? `: ${said}` : ''}${wait !== undefined ? ` — the server asks to retry after ${wait} s` : ''}`,
      secrets,
    );
    return wait !== undefined ? { ...f, retryAfterSeconds: wait } : f;
  }
  return makeFault('badResponse', `unexpected HTTP ${status} reading ${what}${said ? `: ${said}` : ''}`, secrets);
}

/** Retry-After as seconds: a number of seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{1,9}$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - now) / 1000));
}

/** A 2xx answer whose body is not JSON: a login page, a proxy's error page, a load balancer's health text. */
export function faultFromNonJson(server: string, what: string, contentType: string | undefined): ClusterFault {
  const type = contentType ? ` (${contentType.split(';')[0]?.trim()})` : '';
  return makeFault(
    'badResponse',
    `${server} answered ${what} with something that is not JSON${type} — a proxy, login page or load balancer in the way?`,
    [],
    { keep: [server] },
  );
}

const LABELS: Record<FaultKind, string> = {
  unreachable: 'unreachable',
  timeout: 'timeout',
  cancelled: 'cancelled',
  tls: 'TLS',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not found',
  crdMissing: 'CRD missing',
  serverError: 'server error',
  badResponse: 'bad response',
  execPlugin: 'exec plugin',
  config: 'kubeconfig',
  internal: 'internal error',
};

/**
 * One line for people: "<what kind>: <message>", the label said once. Redacted again, because a fault
 * value can come from anywhere (a deserialised report, a test, a future caller that skipped makeFault).
 */
export function describeFault(f: ClusterFault): string {
  const label = LABELS[f.kind] ?? f.kind;
  const message = redact(f.message);
  const said = [label, f.kind].some((l) => message.toLowerCase().startsWith(l.toLowerCase())) ? message : `${label}: ${message}`;
  return said;
}
