// Exec credential plugins (client.authentication.k8s.io ExecCredential), run by us instead of by
// @kubernetes/client-node (see runPlugin.ts for why): the plugin gets KUBERNETES_EXEC_INFO with
// `interactive: false`, its answer is checked like client-go checks it, credentials are cached until their
// expirationTimestamp (or, without one, until the server rejects them), and every fault message carries
// only a bounded, scrubbed excerpt of what the plugin printed — its output is secret by default.
import { basename } from 'node:path';
import { makeFault, type ClusterFault, type Result } from '../faults';
import { pluginExcerpt, rememberSecrets } from '../redact';
import { runPlugin } from './runPlugin';

export interface ExecSpec {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[];
  apiVersion?: string;
  interactiveMode?: string;
  provideClusterInfo?: boolean;
  installHint?: string;
}

export interface ExecCredentialStatus {
  token?: string;
  /** PEM. */
  clientCertificateData?: string;
  /** PEM. */
  clientKeyData?: string;
  expirationTimestamp?: string;
}

export interface ClusterInfo {
  server: string;
  caData?: string;
  tlsServerName?: string;
  skipTLSVerify?: boolean;
  proxyUrl?: string;
}

export interface ExecOptions {
  signal: AbortSignal;
  reason: () => 'deadline' | 'cancelled';
  timeoutMs: number;
  /** Credential material known so far, removed from every message verbatim. */
  secrets: readonly string[];
  cluster?: ClusterInfo;
}

const API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];
/** A credential this close to its expiry is fetched anew (client-go refreshes a little early too). */
const EXPIRY_MARGIN_MS = 10_000;

interface CacheEntry {
  status: ExecCredentialStatus;
  /** Epoch ms, or undefined: valid until invalidated (a 401). */
  expiresAt?: number;
}

const cache = new Map<string, CacheEntry>();
const inFlight = new Map<string, Promise<Result<ExecCredentialStatus>>>();

/** The exec block of a user entry, validated, or undefined when the entry has none. */
export function execSpecOf(exec: unknown): Result<ExecSpec> | undefined {
  if (exec === null || exec === undefined) return undefined;
  const e = exec as Record<string, unknown>;
  if (typeof e.command !== 'string' || !e.command)
    return { ok: false, fault: makeFault('execPlugin', 'the kubeconfig user has an exec block without a command') };
  const args = Array.isArray(e.args) ? e.args.filter((a): a is string => typeof a === 'string') : [];
  const env = Array.isArray(e.env)
    ? e.env.flatMap((v) => {
        const x = v as { name?: unknown; value?: unknown };
        return typeof x?.name === 'string' ? [{ name: x.name, value: typeof x.value === 'string' ? x.value : '' }] : [];
      })
    : [];
  return {
    ok: true,
    value: {
      command: e.command,
      args,
      env,
      ...(typeof e.apiVersion === 'string' ? { apiVersion: e.apiVersion } : {}),
      ...(typeof e.interactiveMode === 'string' ? { interactiveMode: e.interactiveMode } : {}),
      ...(e.provideClusterInfo === true ? { provideClusterInfo: true } : {}),
      ...(typeof e.installHint === 'string' ? { installHint: e.installHint } : {}),
    },
  };
}

function cacheKey(spec: ExecSpec, cluster: ClusterInfo | undefined): string {
  return JSON.stringify([spec.command, spec.args, spec.env, spec.apiVersion, spec.provideClusterInfo ? cluster : null]);
}

/** Forgets a cached credential (after the server rejected it with 401), so the next read runs the plugin again. */
export function invalidateExecCredential(spec: ExecSpec, cluster?: ClusterInfo): void {
  cache.delete(cacheKey(spec, cluster));
}

/** Credentials from the plugin, from the cache while they are valid. Never throws; faults are execPlugin. */
export function execCredential(spec: ExecSpec, options: ExecOptions): Promise<Result<ExecCredentialStatus>> {
  const key = cacheKey(spec, options.cluster);
  const hit = cache.get(key);
  if (hit && (hit.expiresAt === undefined || hit.expiresAt - EXPIRY_MARGIN_MS > Date.now()))
    return Promise.resolve({ ok: true, value: hit.status });
  if (hit) cache.delete(key);
  // Several contexts of one user (or one context read by several views) run the plugin once.
  let running = inFlight.get(key);
  if (!running) {
    running = runAndParse(spec, options).then((r) => {
      inFlight.delete(key);
      if (r.ok) {
        const at = r.value.expirationTimestamp ? Date.parse(r.value.expirationTimestamp) : undefined;
        cache.set(key, { status: r.value, ...(at !== undefined && !Number.isNaN(at) ? { expiresAt: at } : {}) });
      }
      return r;
    });
    inFlight.set(key, running);
  }
  return raceAbort(running, basename(spec.command), options);
}

/** A caller whose own deadline passes first does not wait for a run another caller started. */
function raceAbort(
  p: Promise<Result<ExecCredentialStatus>>,
  name: string,
  options: ExecOptions,
): Promise<Result<ExecCredentialStatus>> {
  if (options.signal.aborted) return Promise.resolve(stoppedFault(name, options.reason(), options.timeoutMs));
  return new Promise((resolve) => {
    const onAbort = () => resolve(stoppedFault(name, options.reason(), options.timeoutMs));
    options.signal.addEventListener('abort', onAbort, { once: true });
    void p.then((r) => {
      options.signal.removeEventListener('abort', onAbort);
      resolve(r);
    });
  });
}

function stoppedFault(name: string, why: 'deadline' | 'cancelled' | 'output', timeoutMs: number): Result<never> {
  const plugin = `exec plugin "${name}"`;
  if (why === 'cancelled') return { ok: false, fault: makeFault('cancelled', 'cancelled') };
  if (why === 'output')
    return {
      ok: false,
      fault: makeFault('execPlugin', `${plugin} printed more than 1 MiB and was stopped`, [], { keep: [name] }),
    };
  return {
    ok: false,
    fault: makeFault(
      'execPlugin',
      `${plugin} timed out after ${Math.round(timeoutMs / 100) / 10} s and was stopped (does it wait for an interactive login? log in once in a terminal, e.g. with kubectl, then retry)`,
      [],
      { keep: [name] },
    ),
  };
}

/** KUBERNETES_EXEC_INFO as client-go sets it: never interactive (we have no terminal to offer). */
function execInfo(spec: ExecSpec, apiVersion: string, cluster: ClusterInfo | undefined): string {
  const spec2: Record<string, unknown> = { interactive: false };
  if (spec.provideClusterInfo && cluster)
    spec2.cluster = {
      server: cluster.server,
      ...(cluster.caData ? { 'certificate-authority-data': cluster.caData } : {}),
      ...(cluster.tlsServerName ? { 'tls-server-name': cluster.tlsServerName } : {}),
      ...(cluster.skipTLSVerify ? { 'insecure-skip-tls-verify': true } : {}),
      ...(cluster.proxyUrl ? { 'proxy-url': cluster.proxyUrl } : {}),
    };
  return JSON.stringify({ apiVersion, kind: 'ExecCredential', spec: spec2 });
}

async function runAndParse(spec: ExecSpec, options: ExecOptions): Promise<Result<ExecCredentialStatus>> {
  const name = basename(spec.command);
  const keep = { keep: [name] };
  const apiVersion = spec.apiVersion ?? '';
  if (!API_VERSIONS.includes(apiVersion))
    return {
      ok: false,
      fault: makeFault(
        'execPlugin',
        `exec plugin "${name}": apiVersion "${apiVersion}" is not supported (use ${API_VERSIONS.join(' or ')}; v1alpha1 was removed in Kubernetes 1.24)`,
        [],
        keep,
      ),
    };
  if (spec.interactiveMode === 'Always')
    return {
      ok: false,
      fault: makeFault(
        'execPlugin',
        `exec plugin "${name}" needs an interactive terminal (interactiveMode: Always), which Clusterset never offers; log in once in a terminal, then retry`,
        [],
        keep,
      ),
    };
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const e of spec.env ?? []) env[e.name] = e.value;
  env.KUBERNETES_EXEC_INFO = execInfo(spec, apiVersion, options.cluster);
  const secrets = [...options.secrets, ...(spec.env ?? []).map((e) => e.value)];

  const run = await runPlugin(spec.command, spec.args ?? [], { env, signal: options.signal, reason: options.reason });
  // Whatever credential the plugin printed is a secret from now on, even when the run failed afterwards.
  const printed = parseCredential(run.stdout);
  rememberSecrets(printed.secrets);
  const allSecrets = [...secrets, ...printed.secrets];
  const excerpt = (text: string) => pluginExcerpt(text, allSecrets);

  if (run.stopped) return stoppedFault(name, run.stopped, options.timeoutMs);
  if (run.spawnError) return { ok: false, fault: spawnFault(name, spec, run.spawnError, allSecrets) };
  if (run.code !== 0) {
    const said = excerpt(run.stderr) || excerpt(run.stdout);
    const how = run.signal ? `was killed by ${run.signal}` : `exited with status ${run.code}`;
    return {
      ok: false,
      fault: makeFault(
        'execPlugin',
        `exec plugin "${name}" ${how}${said ? `: ${said}` : ' without a message'}`,
        allSecrets,
        keep,
      ),
    };
  }
  if (!printed.status)
    return {
      ok: false,
      fault: makeFault(
        'execPlugin',
        `exec plugin "${name}" printed no valid ExecCredential: ${printed.problem}`,
        allSecrets,
        keep,
      ),
    };
  if (printed.apiVersion !== apiVersion)
    return {
      ok: false,
      fault: makeFault(
        'execPlugin',
        `exec plugin "${name}" answered with apiVersion "${printed.apiVersion}", but the kubeconfig asks for "${apiVersion}"`,
        allSecrets,
        keep,
      ),
    };
  return { ok: true, value: printed.status };
}

function spawnFault(name: string, spec: ExecSpec, err: NodeJS.ErrnoException, secrets: readonly string[]): ClusterFault {
  const keep = { keep: [name, spec.command] };
  if (err.code === 'ENOENT') {
    const hint = spec.installHint ? ` — ${pluginExcerpt(spec.installHint, secrets, 160)}` : '';
    return makeFault(
      'execPlugin',
      `exec plugin "${name}" was not found${spec.command.includes('/') ? ` at ${spec.command}` : ' on PATH'} — install it or fix users[].exec.command in the kubeconfig${hint}`,
      secrets,
      keep,
    );
  }
  if (err.code === 'EACCES')
    return makeFault('execPlugin', `exec plugin "${name}" is not executable (${spec.command})`, secrets, keep);
  return makeFault('execPlugin', `exec plugin "${name}" could not be started (${err.code ?? 'error'})`, secrets, keep);
}

/** The ExecCredential a plugin printed, or what is wrong with it — never quoting the output. */
interface Printed {
  status?: ExecCredentialStatus;
  apiVersion?: string;
  problem: string;
  /** Every string in the printed status: secret whether or not the credential is usable. */
  secrets: string[];
}

function parseCredential(stdout: string): Printed {
  const text = stdout.trim();
  if (!text) return { problem: 'it printed nothing on stdout', secrets: [] };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { problem: `its output (${text.length} characters) is not JSON`, secrets: [] };
  }
  const o = v as { apiVersion?: unknown; kind?: unknown; status?: Record<string, unknown> } | null;
  const s = o && typeof o === 'object' ? o.status : undefined;
  const secrets =
    s && typeof s === 'object' ? Object.values(s).filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
  const fail = (problem: string, apiVersion?: string): Printed => ({ problem, secrets, ...(apiVersion ? { apiVersion } : {}) });
  if (!o || typeof o !== 'object' || o.kind !== 'ExecCredential') return fail('the JSON is not of kind ExecCredential');
  if (!s || typeof s !== 'object') return fail('it has no status');
  const pick = (k: string) => (typeof s[k] === 'string' && s[k] ? (s[k] as string) : undefined);
  const status: ExecCredentialStatus = {
    ...(pick('token') ? { token: pick('token') } : {}),
    ...(pick('clientCertificateData') ? { clientCertificateData: pick('clientCertificateData') } : {}),
    ...(pick('clientKeyData') ? { clientKeyData: pick('clientKeyData') } : {}),
    ...(pick('expirationTimestamp') ? { expirationTimestamp: pick('expirationTimestamp') } : {}),
  };
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  if (!!status.clientCertificateData !== !!status.clientKeyData)
    return fail('it has a client certificate without a key or a key without a certificate', apiVersion);
  if (!status.token && !status.clientCertificateData)
    return fail('its status has neither a token nor a client certificate', apiVersion);
  if (status.expirationTimestamp && Number.isNaN(Date.parse(status.expirationTimestamp)))
    return fail('its expirationTimestamp is not an RFC 3339 time', apiVersion);
  return { status, apiVersion, problem: '', secrets };
}
