// Read-only access to one kubeconfig context: GETs with a per-cluster deadline and a caller's
// AbortSignal, every failure returned as a ClusterFault (never thrown, never carrying a credential).
// GETs go over one HTTP/2 session per server and TLS identity when the server selects h2 (http2Sessions.ts),
// else through Node's https module with the agent @kubernetes/client-node builds from the kubeconfig (CA,
// client certificates, proxy); either way a deadline aborts the stream or socket itself. Exec credential
// plugins are run by exec/execCredential.ts (bounded, killed at the deadline), never by client-node.
import { KubeConfig, type Cluster, type User } from '@kubernetes/client-node';
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { setMaxListeners } from 'node:events';
import { basename } from 'node:path';
import { execCredential, execSpecOf, invalidateExecCredential, type ClusterInfo, type ExecSpec } from './exec/execCredential';
import {
  fault,
  faultFromHttpStatus,
  faultFromNetworkError,
  faultFromNonJson,
  internalFault,
  makeFault,
  type ClusterFault,
  type Result,
} from './faults';
import { coalesce, requestKey } from './coalesce';
import { h2Get, type H2Target } from './http2Sessions';
import { kubeconfigProblem } from './kubeconfig';
import { checkTlsMaterial } from './tlsMaterial';
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
  /**
   * GET `path` and parse the JSON answer; `what` names the object in fault messages. In a one-shot access
   * the parsed value can be shared with identical requests of other contexts (coalesce.ts): read-only.
   */
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
  watchAgent: RequestOptions['agent'];
  /** GETs go over HTTP/2 with these TLS options when the server selects h2 (http2Sessions.ts). */
  h2?: H2Target;
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

/** Legacy auth-providers kubectl removed in 1.26: their in-tree code ran a command synchronously (unbounded). */
const REMOVED_AUTH_PROVIDERS: Record<string, string> = {
  gcp: 'gke-gcloud-auth-plugin',
  azure: 'kubelogin (https://github.com/Azure/kubelogin)',
};

function execBlockOf(user: User | null | undefined): unknown {
  return user?.exec ?? (user?.authProvider?.config as { exec?: unknown } | undefined)?.exec;
}

/**
 * A key that two contexts of one kubeconfig share exactly when a one-shot read of theirs is the same
 * requests with the same credentials: the same cluster entry fields (server URL whole, CA, TLS server name,
 * verification, proxy) and the same user entry (credentials are inlined at load). An exec plugin may be
 * given its cluster entry's own extension config, so there the cluster entry itself must be the same too.
 * Undefined when either entry has a problem, which the access then reports with this context's names.
 */
export function sameReadKey(kc: KubeConfig, contextName: string): string | undefined {
  const ctx = kc.getContextObject(contextName);
  const cluster = ctx ? kc.getCluster(ctx.cluster) : null;
  if (!ctx || !cluster || kubeconfigProblem(kc, 'cluster', ctx.cluster)) return undefined;
  if (ctx.user && kubeconfigProblem(kc, 'user', ctx.user)) return undefined;
  const user = kc.getUser(ctx.user);
  const program = credentialProgram(user);
  return JSON.stringify([
    cluster.server,
    cluster.caData ?? null,
    cluster.caFile ?? null,
    cluster.tlsServerName ?? null,
    cluster.skipTLSVerify ?? false,
    cluster.proxyUrl ?? null,
    ctx.user ?? null,
    program !== undefined ? ctx.cluster : null,
  ]);
}

export function openClusterAccess(kc: KubeConfig, contextName: string, options: AccessOptions): Result<ClusterAccess> {
  const ctx = kc.getContextObject(contextName);
  const keep = { keep: [contextName] };
  if (!ctx) return fault('config', `context "${contextName}" is not in the kubeconfig`, [], keep);
  const cluster = kc.getCluster(ctx.cluster);
  if (!cluster)
    return fault('config', `context "${contextName}" names cluster "${ctx.cluster}", which the kubeconfig does not define`, [], {
      keep: [contextName, ctx.cluster],
    });
  let url: URL;
  try {
    url = new URL(cluster.server);
  } catch {
    return fault('config', `cluster "${ctx.cluster}" has no valid server URL`, [], { keep: [ctx.cluster] });
  }
  const server = url.origin;
  const user = kc.getUser(ctx.user);
  const problem =
    kubeconfigProblem(kc, 'cluster', ctx.cluster) ?? (ctx.user ? kubeconfigProblem(kc, 'user', ctx.user) : undefined);
  if (problem) return fault('config', problem, [], { keep: [problem] });
  const provider = user?.authProvider?.name;
  if (provider && REMOVED_AUTH_PROVIDERS[provider])
    return fault(
      'config',
      `kubeconfig user "${ctx.user}" uses the "${provider}" auth-provider, which kubectl removed in 1.26 — use the exec plugin ${REMOVED_AUTH_PROVIDERS[provider]} instead`,
      [],
      { keep: [ctx.user] },
    );
  const program = credentialProgram(user);
  if (program && !options.allowExecAuth) {
    return fault(
      'execPlugin',
      `context "${contextName}" gets credentials from the program "${basename(program)}", and running credential plugins is not allowed here (untrusted workspace or clusterset.allowExecAuth is false)`,
      [],
      { keep: [contextName, basename(program)] },
    );
  }
  const spec = execSpecOf(execBlockOf(user));
  if (spec && !spec.ok) return spec;
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
  // A live access has a watch per collection listening on the caller's signal.
  if (options.signal) setMaxListeners(0, options.signal);
  const own = kubeConfigFor(kc, contextName, ctx.cluster, url.protocol === 'http:');
  const clusterInfo: ClusterInfo = {
    server: cluster.server,
    ...(cluster.caData ? { caData: cluster.caData } : {}),
    ...(cluster.tlsServerName ? { tlsServerName: cluster.tlsServerName } : {}),
    ...(cluster.skipTLSVerify ? { skipTLSVerify: true } : {}),
    ...(cluster.proxyUrl ? { proxyUrl: cluster.proxyUrl } : {}),
  };
  const authContext = (signal: AbortSignal, abortReason: () => 'deadline' | 'cancelled' | undefined): AuthContext => ({
    kc: own,
    contextName,
    cluster,
    userName: ctx.user,
    server,
    secrets,
    signal,
    abortReason,
    timeoutMs,
    clusterInfo,
    ...(spec?.ok ? { exec: spec.value } : {}),
  });

  let auth: Promise<Result<Auth>> | undefined;
  const authOnce = () => {
    if (!auth) {
      const { signal, reason } = requestSignal();
      auth = resolveAuth(authContext(signal, reason)).catch((e: unknown) => ({ ok: false, fault: internalFault(e, secrets) }));
    }
    return auth;
  };
  /** Live accesses retry credentials after a failure or a 401 (an expired plugin token); one-shot ones keep the answer. */
  const forgetAuth = () => {
    if (options.deadline === 'perRequest') auth = undefined;
  };

  const live = options.deadline === 'perRequest';
  const getJson = async <T>(path: string, what: string): Promise<Result<T>> => {
    const a = await authOnce();
    if (!a.ok) {
      forgetAuth();
      return a;
    }
    const { signal, reason } = requestSignal();
    const url = new URL(path, cluster.server);
    // One-shot reads of many contexts on one server share identical requests; a live watcher's relists
    // and retries keep requests of their own (their timing is the reflector's, not a burst's).
    const r = live
      ? await get(url, a.value, signal)
      : await coalesce<Raw>(
          typeof a.value.agent === 'object' ? a.value.agent : undefined,
          requestKey(url, a.value.headers),
          signal,
          (s) => get(url, a.value, s),
          (error): Raw => ({ ok: false, error }),
        );
    if (!r.ok) {
      const code = (r.error as { code?: unknown } | undefined)?.code;
      if (r.internal && (code === 'ERR_INVALID_CHAR' || code === 'ERR_HTTP_INVALID_HEADER_VALUE'))
        return fault(
          'config',
          `the credential of kubeconfig user "${ctx.user}" contains characters an HTTP header cannot carry (a line break in a token file or plugin output?)`,
          secrets,
          { keep: [ctx.user] },
        );
      if (r.internal) return { ok: false, fault: internalFault(r.error, secrets) };
      return { ok: false, fault: faultFromNetworkError(r.error, server, reason(), timeoutMs, secrets) };
    }
    if (r.status === 401) forgetAuth();
    if (r.status < 200 || r.status > 299) {
      // A rejected plugin credential must not be reused from the cache by the next read.
      if (r.status === 401 && spec?.ok) invalidateExecCredential(spec.value, clusterInfo);
      return { ok: false, fault: faultFromHttpStatus(r.status, r.body, what, secrets, r.retryAfter) };
    }
    const parsed = parseOnce(r);
    return parsed.ok
      ? { ok: true, value: parsed.value as T }
      : { ok: false, fault: faultFromNonJson(server, what, r.contentType) };
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
      const got = page.value.items;
      if (Array.isArray(got)) for (const item of got) items.push(item); // no spread: a page can be large
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
        if (end.status === 401) {
          forgetAuth();
          if (spec?.ok) invalidateExecCredential(spec.value, clusterInfo);
        }
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

interface AuthContext {
  kc: KubeConfig;
  contextName: string;
  cluster: Cluster;
  userName: string;
  server: string;
  secrets: string[];
  signal: AbortSignal;
  abortReason: () => 'deadline' | 'cancelled' | undefined;
  timeoutMs: number;
  clusterInfo: ClusterInfo;
  exec?: ExecSpec;
}

const b64 = (pem: string) => Buffer.from(pem, 'utf8').toString('base64');
const fromB64 = (data: string | undefined | null) => (data ? Buffer.from(data, 'base64') : undefined);

/** The context's KubeConfig with the plugin's credential in place of the exec block (client-node then runs nothing). */
function withCredential(
  kc: KubeConfig,
  userName: string,
  cred: { token?: string; clientCertificateData?: string; clientKeyData?: string },
): KubeConfig {
  const users = kc.users.map((u) => {
    if (u.name !== userName) return u;
    const { exec: _exec, authProvider: _provider, ...rest } = u;
    return {
      ...rest,
      ...(cred.token ? { token: cred.token } : {}),
      ...(cred.clientCertificateData ? { certData: b64(cred.clientCertificateData), certFile: undefined } : {}),
      ...(cred.clientKeyData ? { keyData: b64(cred.clientKeyData), keyFile: undefined } : {}),
    };
  });
  const out = new KubeConfig();
  out.loadFromOptions({ clusters: kc.clusters, users, contexts: kc.contexts, currentContext: kc.getCurrentContext() });
  return out;
}

async function resolveAuth(c: AuthContext): Promise<Result<Auth>> {
  let kc = c.kc;
  if (c.exec) {
    const reason = () => c.abortReason() ?? 'deadline';
    const cred = await execCredential(c.exec, {
      signal: c.signal,
      reason,
      timeoutMs: c.timeoutMs,
      secrets: c.secrets,
      cluster: c.clusterInfo,
    });
    if (!cred.ok) return cred;
    for (const s of [cred.value.token, cred.value.clientKeyData, cred.value.clientCertificateData]) if (s) c.secrets.push(s);
    kc = withCredential(kc, c.userName, cred.value);
  }
  const user = kc.getCurrentUser();
  const material = checkTlsMaterial(
    {
      ...(c.cluster.caData ? { ca: fromB64(c.cluster.caData) } : {}),
      ...(user?.certData ? { cert: fromB64(user.certData) } : {}),
      ...(user?.keyData ? { key: fromB64(user.keyData) } : {}),
    },
    { user: c.userName, cluster: c.cluster.name },
  );
  if (material) return { ok: false, fault: material };

  const opts: RequestOptions = {};
  // Only the OIDC auth-provider still does work here (a token refresh over the network): race the deadline.
  const aborted = new Promise<'aborted'>((res) => {
    if (c.signal.aborted) res('aborted');
    else c.signal.addEventListener('abort', () => res('aborted'), { once: true });
  });
  try {
    const done = await Promise.race([kc.applyToHTTPSOptions(opts).then(() => 'done' as const), aborted]);
    if (done === 'aborted')
      return { ok: false, fault: faultFromNetworkError(undefined, c.server, c.abortReason(), c.timeoutMs, c.secrets) };
  } catch (err) {
    return { ok: false, fault: authFault(err, c) };
  }
  const headers: OutgoingHttpHeaders = {
    ...(opts.headers as OutgoingHttpHeaders | undefined),
    Accept: 'application/json',
    'User-Agent': 'clusterset',
  };
  if (opts.auth) headers.Authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
  // A token that came from a plugin or a provider is a secret too.
  if (typeof headers.Authorization === 'string') c.secrets.push(headers.Authorization.replace(/^\w+\s+/, ''));
  const agents = reusingAgent(opts);
  return {
    ok: true,
    value: { agent: agents.request, watchAgent: agents.watch, ...(agents.h2 ? { h2: agents.h2 } : {}), headers },
  };
}

function authFault(err: unknown, c: AuthContext): ClusterFault {
  const e = err as { message?: unknown };
  const text = typeof e?.message === 'string' ? e.message : String(err);
  // Without an exec plugin, preparing credentials reads only inline data (files were inlined at load) and,
  // for OIDC, refreshes a token.
  return makeFault(
    'config',
    `credentials of kubeconfig user "${c.userName}" could not be prepared: ${text.split('\n')[0] ?? ''}`,
    c.secrets,
    { keep: [c.userName] },
  );
}

type Raw =
  | { ok: true; status: number; body: string; contentType?: string; retryAfter?: string; parsed?: Parsed }
  | { ok: false; error: unknown; internal?: boolean };

type Parsed = { ok: true; value: unknown } | { ok: false };

/**
 * The JSON of an answer, parsed by its first reader: a coalesced answer is one Raw shared by every caller
 * (50 contexts on one server would otherwise parse the same list 50 times). The callers therefore share
 * the parsed value and treat it as read-only (ClusterAccess.getJson says so); each still gets its own
 * fault objects, built from its own `what` and secrets.
 */
function parseOnce(r: Extract<Raw, { ok: true }>): Parsed {
  if (!r.parsed) {
    try {
      r.parsed = { ok: true, value: JSON.parse(r.body) as unknown };
    } catch {
      r.parsed = { ok: false };
    }
  }
  return r.parsed;
}

function header(res: IncomingMessage, name: string): string | undefined {
  const v = res.headers[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[0] : undefined;
}

/** One GET: over the identity's HTTP/2 session when the server speaks h2, else over HTTP/1.1 (getHttp1). */
async function get(url: URL, auth: Auth, signal: AbortSignal): Promise<Raw> {
  if (url.protocol === 'https:' && auth.h2) {
    const r = await h2Get(auth.h2, url, auth.headers, signal, MAX_BODY_BYTES);
    if (r !== 'http1') return r;
  }
  return getHttp1(url, auth, signal);
}

function getHttp1(url: URL, auth: Auth, signal: AbortSignal): Promise<Raw> {
  return new Promise((resolveRaw) => {
    // The abort is wired here rather than with http.request's `signal` option: that option costs a stream
    // end-of-stream watcher per request, a fifth of this process's CPU when 50 clusters are read at once.
    let req: ReturnType<typeof httpsRequest> | undefined;
    const onAbort = () => {
      const error = Object.assign(new Error('The operation was aborted'), {
        name: 'AbortError',
        code: 'ABORT_ERR',
        cause: signal.reason,
      });
      req?.destroy(error);
      resolve({ ok: false, error });
    };
    let settled = false;
    const resolve = (r: Raw) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      resolveRaw(r);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY_BYTES) res.destroy(new Error(`answer larger than ${MAX_BODY_BYTES >> 20} MiB`));
        else chunks.push(c);
      });
      res.on('end', () => {
        const contentType = header(res, 'content-type');
        const retryAfter = header(res, 'retry-after');
        resolve({
          ok: true,
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ...(contentType ? { contentType } : {}),
          ...(retryAfter ? { retryAfter } : {}),
        });
      });
      res.on('error', (error) => resolve({ ok: false, error }));
    };
    const opts = { method: 'GET', headers: auth.headers };
    try {
      const r =
        url.protocol === 'http:'
          ? httpRequest(url, opts, onResponse)
          : httpsRequest(url, { ...opts, agent: auth.agent }, onResponse);
      req = r;
      r.on('error', (error) => resolve({ ok: false, error }));
      r.end();
    } catch (error) {
      // The https module throws synchronously on bad options (TLS material checkTlsMaterial did not catch,
      // an invalid header value): a bug of ours or an input we did not foresee, never "unreachable".
      resolve({ ok: false, error, internal: true });
    }
  });
}
