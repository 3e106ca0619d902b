// Every way a cluster read can fail, as a value: callers show faults per cluster and carry on with the
// other clusters, so nothing here throws. Messages are redacted before they are built into a fault.
import { firstLine } from './redact';

export type FaultKind =
  | 'unreachable'
  | 'timeout'
  | 'cancelled'
  | 'tls'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'crdMissing'
  | 'execPlugin'
  | 'config';

export interface ClusterFault {
  kind: FaultKind;
  /** One line for a platform engineer, free of credentials. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; fault: ClusterFault };

export const fault = (kind: FaultKind, message: string): { ok: false; fault: ClusterFault } => ({
  ok: false,
  fault: { kind, message },
});

/** Faults that say nothing about one source but about the whole cluster: stop asking it. */
export function isClusterWide(f: ClusterFault): boolean {
  return f.kind !== 'forbidden' && f.kind !== 'notFound' && f.kind !== 'crdMissing';
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
  if (reason === 'deadline')
    return { kind: 'timeout', message: `no answer from ${server} within ${Math.round(timeoutMs / 100) / 10} s` };
  if (reason === 'cancelled') return { kind: 'cancelled', message: 'cancelled' };
  const code = errorCode(err);
  const detail = firstLine(err instanceof Error ? err.message : String(err), secrets);
  if (isTlsCode(code))
    return {
      kind: 'tls',
      message: `TLS handshake with ${server} failed (${code}): ${detail} — check the cluster's certificate-authority in the kubeconfig`,
    };
  if (UNREACHABLE_CODES.has(code)) return { kind: 'unreachable', message: `cannot connect to ${server} (${code}): ${detail}` };
  return { kind: 'unreachable', message: `request to ${server} failed${code ? ` (${code})` : ''}: ${detail}` };
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
export function faultFromHttpStatus(status: number, body: string, what: string, secrets: readonly string[]): ClusterFault {
  const st = parseStatus(body);
  const said = firstLine(st?.message ?? body, secrets, 240);
  if (status === 401)
    return {
      kind: 'unauthorized',
      message: `unauthorized (401) reading ${what}: the credentials of this context were rejected — log in again or refresh the token`,
    };
  if (status === 403) return { kind: 'forbidden', message: `forbidden: ${said || `cannot read ${what}`}` };
  if (status === 404) {
    if (st?.details?.name) return { kind: 'notFound', message: `${what} not found` };
    return { kind: 'crdMissing', message: `${what}: the API is not served by this cluster (CRD or API version absent)` };
  }
  return { kind: 'unreachable', message: `HTTP ${status} reading ${what}${said ? `: ${said}` : ''}` };
}

export function describeFault(f: ClusterFault): string {
  return f.message.startsWith(`${f.kind}:`) ? f.message : `${f.kind}: ${f.message}`;
}
