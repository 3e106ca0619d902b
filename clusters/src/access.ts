// Read-only access to one kubeconfig context: GETs with a per-cluster deadline and a caller's
// AbortSignal, every failure returned as a ClusterFault (never thrown, never carrying a credential).
// Requests go through Node's https module with the agent @kubernetes/client-node builds from the
// kubeconfig (CA, client certificates, proxy), so a deadline aborts the socket itself.
import { KubeConfig, type User } from '@kubernetes/client-node';
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { setMaxListeners } from 'node:events';
import { basename } from 'node:path';
import { fault, faultFromHttpStatus, faultFromNetworkError, type ClusterFault, type Result } from './faults';
import { firstLine } from './redact';
import { reusingAgent, stream, type WatchEnd, type WatchEvent, type WatchOptions } from './watchStream';

export type { WatchEnd, WatchEvent, WatchOptions } from './watchStream';

export interface AccessOptions {
  /** Run exec credential plugins (and legacy auth-provider commands). False in untrusted workspaces. */
  allowExecAuth: boolean;
  /** Deadline for everything read from this cluster, credential plugin included. Default 15 s. */
  timeoutMs?: number;
  /** Cancels every request of this access (e.g. the user pressed Cancel). */
  signal?: AbortSignal;
  /**
   * `total` (default): one deadline for everything read from this cluster (a one-shot read). `perRequest`:
   * each request (and each watch until its answer starts) gets `timeoutMs` of its own — a live watcher
   * lives for hours; a 401 then drops the cached credentials so the next request runs the plugin again.
   */
  deadline?: 'total' | 'perRequest';
}

export interface ClusterAccess {
  context: string;
  server: string;
  /** GET `path` and parse the JSON answer; `what` names the object in fault messages. */
  getJson<T>(path: string, what: string): Promise<Result<T>>;
  /** GET a list, following `continue` tokens in pages of 500, up to `maxItems` items. */
  listAll<T>(
    path: string,
    what: string,
    maxItems?: number,
  ): Promise<Result<{ items: T[]; truncated: boolean; resourceVersion?: string }>>;
  /**
   * Stream a watch (`path` carries `watch=1` and the resourceVersion) until the server closes it, `signal`
   * aborts (then `ok`), or it fails. `onEvent` runs for every event line.
   */
  watch(path: string, what: string, onEvent: (e: WatchEvent) => void, options?: WatchOptions): Promise<WatchEnd>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_BODY_BYTES = 32 << 20;

interface Auth {
  agent: RequestOptions['agent'];
  headers: OutgoingHttpHeaders;
}

/** The program a user entry would run to get credentials, if any. */
export function credentialProgram(user: User | null | undefined): string | undefined {
  const exec = (user?.exec ?? user?.authProvider?.config?.exec) as { command?: unknown } | undefined;
  if (exec) return typeof exec.command === 'string' ? exec.command : '(no command)';
  const cmdPath = user?.authProvider?.config?.['cmd-path'] as unknown;
  return typeof cmdPath === 'string' && cmdPath ? cmdPath : undefined;
}

/** Credential material of a user entry, searched for verbatim by the redaction of every message. */
function userSecrets(user: User | null | undefined): string[] {
  if (!user) return [];
  const out = [user.token, user.password, user.certData, user.keyData];
  const cfg = (user.authProvider?.config ?? {}) as Record<string, unknown>;
  for (const k of ['access-token', 'id-token', 'refresh-token', 'client-secret'])
    out.push(typeof cfg[k] === 'string' ? cfg[k] : undefined);
  const env = (user.exec as { env?: { value?: unknown }[] } | undefined)?.env ?? [];
  for (const e of env) out.push(typeof e.value === 'string' ? e.value : undefined);
  return out.filter((s): s is string => typeof s === 'string' && s.length > 0);
}

/**
 * A KubeConfig of its own for `context` (setCurrentContext on a shared one would race). client-node
 * refuses plain-HTTP servers unless skipTLSVerify is set; kubectl accepts them (e.g. `kubectl proxy`), and
 * there is no TLS to verify, so the copy sets it for an http:// server.
 */
function kubeConfigFor(kc: KubeConfig, context: string, clusterName: string, plainHttp: boolean): KubeConfig {
  const own = new KubeConfig();
  const clusters = kc.clusters.map((c) => (plainHttp && c.name === clusterName ? { ...c, skipTLSVerify: true } : c));
  own.loadFromOptions({ clusters, users: kc.users, contexts: kc.contexts, currentContext: context });
  return own;
}

export function openClusterAccess(kc: KubeConfig, contextName: string, options: AccessOptions): Result<ClusterAccess> {
  const ctx = kc.getContextObject(contextName);
  if (!ctx) return fault('config', `context "${contextName}" is not in the kubeconfig`);
  const cluster = kc.getCluster(ctx.cluster);
  if (!cluster)
    return fault('config', `context "${contextName}" names cluster "${ctx.cluster}", which the kubeconfig does not define`);
  let url: URL;
  try {
    url = new URL(cluster.server);
  } catch {
    return fault('config', `cluster "${ctx.cluster}" has no valid server URL`);
  }
  const server = url.origin;
  const user = kc.getUser(ctx.user);
  const program = credentialProgram(user);
  if (program && !options.allowExecAuth) {
    return fault(
      'execPlugin',
      `context "${contextName}" gets credentials from the program "${basename(program)}", and running credential plugins is not allowed here (untrusted workspace or clusterset.allowExecAuth is false)`,
    );
  }
  const secrets = userSecrets(user);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const total = options.deadline === 'perRequest' ? undefined : AbortSignal.timeout(timeoutMs);
  /** The signal of one request: the access's deadline (or one of its own) and the caller's cancel. */
  const requestSignal = () => {
    const deadline = total ?? AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
    // Every request of this cluster listens on the same signal; a dozen at once is expected, not a leak.
    setMaxListeners(0, deadline, signal);
    const reason = (): 'deadline' | 'cancelled' | undefined =>
      deadline.aborted ? 'deadline' : options.signal?.aborted ? 'cancelled' : undefined;
    return { signal, reason };
  };
  const own = kubeConfigFor(kc, contextName, ctx.cluster, url.protocol === 'http:');
  // A live access has a watch per collection listening on the caller's signal.
  if (options.signal) setMaxListeners(0, options.signal);

  let auth: Promise<Result<Auth>> | undefined;
  const authOnce = () => {
    if (!auth) {
      const { signal, reason } = requestSignal();
      auth = resolveAuth(own, server, program, secrets, signal, reason, timeoutMs);
    }
    return auth;
  };
  /** Live accesses retry credentials after a failure or a 401 (an expired plugin token); one-shot ones keep the answer. */
  const forgetAuth = () => {
    if (options.deadline === 'perRequest') auth = undefined;
  };

  const getJson = async <T>(path: string, what: string): Promise<Result<T>> => {
    const a = await authOnce();
    if (!a.ok) {
      forgetAuth();
      return a;
    }
    const { signal, reason } = requestSignal();
    const r = await get(new URL(path, cluster.server), a.value, signal);
    if (!r.ok) return { ok: false, fault: faultFromNetworkError(r.error, server, reason(), timeoutMs, secrets) };
    if (r.status === 401) forgetAuth();
    if (r.status < 200 || r.status > 299) return { ok: false, fault: faultFromHttpStatus(r.status, r.body, what, secrets) };
    try {
      return { ok: true, value: JSON.parse(r.body) as T };
    } catch {
      return fault(
        'unreachable',
        `${server} answered ${what} with something that is not JSON (a proxy or load balancer in the way?)`,
      );
    }
  };

  const listAll = async <T>(
    path: string,
    what: string,
    maxItems = 5000,
  ): Promise<Result<{ items: T[]; truncated: boolean; resourceVersion?: string }>> => {
    const items: T[] = [];
    let token = '';
    for (;;) {
      const sep = path.includes('?') ? '&' : '?';
      const page = await getJson<{ items?: T[]; metadata?: { continue?: string; resourceVersion?: string } }>(
        `${path}${sep}limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`,
        what,
      );
      if (!page.ok) return page;
      items.push(...(page.value.items ?? []));
      token = page.value.metadata?.continue ?? '';
      // Every page of a list is served from the first page's snapshot: its resourceVersion is the list's.
      const rv = page.value.metadata?.resourceVersion;
      const value = { items, truncated: !!token, ...(rv ? { resourceVersion: rv } : {}) };
      if (!token || items.length >= maxItems) return { ok: true, value };
    }
  };

  const watch = async (path: string, what: string, onEvent: (e: WatchEvent) => void, w: WatchOptions = {}): Promise<WatchEnd> => {
    const stop = w.signal;
    const a = await authOnce();
    if (!a.ok) {
      forgetAuth();
      return a;
    }
    const cancel = new AbortController();
    const onStop = () => cancel.abort();
    stop?.addEventListener('abort', onStop, { once: true });
    options.signal?.addEventListener('abort', onStop, { once: true });
    if (stop?.aborted || options.signal?.aborted) cancel.abort();
    try {
      const end = await stream(new URL(path, cluster.server), a.value, cancel.signal, timeoutMs, onEvent, w.onOpen);
      if (end.kind === 'aborted') return { ok: true };
      if (end.kind === 'network')
        return {
          ok: false,
          fault: faultFromNetworkError(end.error, server, end.connectTimeout ? 'deadline' : undefined, timeoutMs, secrets),
        };
      if (end.kind === 'status') {
        if (end.status === 401) forgetAuth();
        return {
          ok: false,
          fault: faultFromHttpStatus(end.status, end.body, what, secrets),
          ...(end.status === 410 ? { gone: true } : {}),
        };
      }
      if (end.kind === 'gone')
        return { ok: false, gone: true, fault: { kind: 'notFound', message: `${what}: resourceVersion too old (410 Gone)` } };
      return { ok: true };
    } finally {
      stop?.removeEventListener('abort', onStop);
      options.signal?.removeEventListener('abort', onStop);
    }
  };

  return { ok: true, value: { context: contextName, server, getJson, listAll, watch } };
}

async function resolveAuth(
  kc: KubeConfig,
  server: string,
  program: string | undefined,
  secrets: string[],
  signal: AbortSignal,
  abortReason: () => 'deadline' | 'cancelled' | undefined,
  timeoutMs: number,
): Promise<Result<Auth>> {
  const opts: RequestOptions = {};
  // A credential plugin can hang (e.g. waiting for a browser login): race it against the deadline.
  const aborted = new Promise<'aborted'>((res) => {
    if (signal.aborted) res('aborted');
    else signal.addEventListener('abort', () => res('aborted'), { once: true });
  });
  try {
    const done = await Promise.race([kc.applyToHTTPSOptions(opts).then(() => 'done' as const), aborted]);
    if (done === 'aborted') {
      const f = faultFromNetworkError(undefined, server, abortReason(), timeoutMs, secrets);
      if (program && f.kind === 'timeout')
        return fault(
          'execPlugin',
          `credential plugin "${basename(program)}" did not finish within ${Math.round(timeoutMs / 1000)} s (does it wait for an interactive login?)`,
        );
      return { ok: false, fault: f };
    }
  } catch (err) {
    return { ok: false, fault: authFault(err, program, secrets) };
  }
  const headers: OutgoingHttpHeaders = {
    ...(opts.headers as OutgoingHttpHeaders | undefined),
    Accept: 'application/json',
    'User-Agent': 'clusterset',
  };
  if (opts.auth) headers.Authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
  // A token that came from a plugin is a secret too.
  if (typeof headers.Authorization === 'string') secrets.push(headers.Authorization.replace(/^\w+\s+/, ''));
  return { ok: true, value: { agent: reusingAgent(opts), headers } };
}

function authFault(err: unknown, program: string | undefined, secrets: string[]): ClusterFault {
  const e = err as { code?: unknown; message?: unknown };
  const text = typeof e?.message === 'string' ? e.message : String(err);
  if (program) {
    if (e?.code === 'ENOENT')
      return {
        kind: 'execPlugin',
        message: `credential plugin "${basename(program)}" was not found on PATH — install it or fix users[].exec.command in the kubeconfig`,
      };
    const line = firstLine(text, secrets);
    return {
      kind: 'execPlugin',
      message: `credential plugin "${basename(program)}" failed${line ? `: ${line}` : ' without a message'}`,
    };
  }
  // Without a plugin, preparing credentials only reads files named in the kubeconfig.
  return { kind: 'config', message: `credentials of this context could not be loaded: ${firstLine(text, secrets)}` };
}

type Raw = { ok: true; status: number; body: string } | { ok: false; error: unknown };

function get(url: URL, auth: Auth, signal: AbortSignal): Promise<Raw> {
  return new Promise((resolve) => {
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY_BYTES) res.destroy(new Error(`answer larger than ${MAX_BODY_BYTES >> 20} MiB`));
        else chunks.push(c);
      });
      res.on('end', () => resolve({ ok: true, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ ok: false, error }));
    };
    const opts = { method: 'GET', headers: auth.headers, signal };
    const req =
      url.protocol === 'http:'
        ? httpRequest(url, opts, onResponse)
        : httpsRequest(url, { ...opts, agent: auth.agent }, onResponse);
    req.on('error', (error) => resolve({ ok: false, error }));
    req.end();
  });
}
