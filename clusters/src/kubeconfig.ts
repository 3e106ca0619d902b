// Kubeconfig loading (KUBECONFIG lists or a configured file) and context listing. Never writes the file and
// never returns credentials: only names and server URLs leave this module.
//
// We read the files ourselves (bounded, regular files only) and resolve every file a kubeconfig names —
// certificate-authority, client-certificate, client-key, tokenFile — into inline data before
// @kubernetes/client-node sees it: client-node would read them unbounded at an arbitrary later point
// (a FIFO hangs, /dev/zero crashes) and ignores kubectl's `tokenFile` field altogether (silently anonymous).
// A file that cannot be read is a problem of the one user or cluster that names it, reported when a
// context using it is opened (kubeconfigProblem), not a failure of the whole kubeconfig.
import { KubeConfig } from '@kubernetes/client-node';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { parseDocument } from 'yaml';
import { MAX_CREDENTIAL_FILE_BYTES, MAX_KUBECONFIG_BYTES, readRegularFile } from './boundedRead';
import { firstLine, rememberSecrets } from './redact';

export interface ContextSummary {
  name: string;
  cluster: string;
  server: string;
  user: string;
  namespace?: string;
}

export type ContextList =
  { ok: true; source: string; current?: string; contexts: ContextSummary[] } | { ok: false; error: string };

type Obj = Record<string, unknown>;

interface Notes {
  /** Why a user's credentials cannot be used (a file it names is unreadable), by user name. */
  users: Map<string, string>;
  /** Why a cluster's CA cannot be used, by cluster name. */
  clusters: Map<string, string>;
}

const NOTES = new WeakMap<KubeConfig, Notes>();

/** Why the kubeconfig's user or cluster `name` cannot be used, if a file it names could not be read. */
export function kubeconfigProblem(kc: KubeConfig, what: 'user' | 'cluster', name: string): string | undefined {
  const notes = NOTES.get(kc);
  return (what === 'user' ? notes?.users : notes?.clusters)?.get(name);
}

/** The files a kubeconfig is read from: the explicit path, else $KUBECONFIG's list, else ~/.kube/config. */
export function kubeconfigSources(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (explicitPath) return [explicitPath];
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
  return fromEnv.length ? fromEnv : [join(homedir(), '.kube', 'config')];
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** ` at line L, column C` (1-based, as kubectl and editors count) of a text offset. */
function placeOf(text: string, offset: number): string {
  if (!Number.isInteger(offset) || offset < 0) return '';
  const before = text.slice(0, Math.min(offset, text.length));
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  return ` at line ${line}, column ${before.length - lineStart + 1}`;
}

/** Reads one kubeconfig file into a plain object, or says why it cannot. */
function readOne(path: string): { ok: true; obj: Obj } | { ok: false; error: string } {
  const r = readRegularFile(path, MAX_KUBECONFIG_BYTES);
  if (!r.ok) return { ok: false, error: `kubeconfig ${path} ${r.reason}` };
  // kubectl reads kubeconfig with sigs.k8s.io/yaml (YAML 1.1 scalars: `yes` is true); so do we.
  const text = r.data.toString('utf8');
  const doc = parseDocument(text, { version: '1.1', prettyErrors: false });
  // Parser messages can quote file content (a token on the broken line): first line, redacted. The place is
  // counted here (prettyErrors would add it, with an excerpt of the line that may hold a token).
  const broken = doc.errors[0];
  if (broken)
    return {
      ok: false,
      error: `kubeconfig ${path} is not valid YAML${placeOf(text, broken.pos[0])}: ${firstLine(broken.message, [], 200)}`,
    };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return {
      ok: false,
      error: `kubeconfig ${path} could not be read: ${firstLine(String((err as Error).message ?? err), [], 200)}`,
    };
  }
  if (value === null || value === undefined) return { ok: true, obj: {} };
  if (!isObj(value)) return { ok: false, error: `kubeconfig ${path} is not a YAML mapping (kind: Config)` };
  return { ok: true, obj: value };
}

function entries(obj: Obj, key: string): Obj[] {
  const list = obj[key];
  return Array.isArray(list) ? list.filter(isObj) : [];
}

/** Reads a file a kubeconfig entry names, relative to the kubeconfig's directory like kubectl. */
function readReferenced(dir: string, file: string): { ok: true; data: Buffer; path: string } | { ok: false; error: string } {
  const path = isAbsolute(file) ? file : join(dir, file);
  const r = readRegularFile(path, MAX_CREDENTIAL_FILE_BYTES);
  return r.ok ? { ok: true, data: r.data, path } : { ok: false, error: `${path} ${r.reason}` };
}

/** Replaces the files a cluster entry names by inline data; records why when one cannot be read. */
function inlineClusterFiles(entry: Obj, dir: string, notes: Notes): void {
  const name = str(entry.name) ?? '';
  const c = entry.cluster;
  if (!isObj(c)) return;
  const caFile = str(c['certificate-authority']);
  delete c['certificate-authority'];
  if (caFile && !c['certificate-authority-data']) {
    const r = readReferenced(dir, caFile);
    if (r.ok) c['certificate-authority-data'] = r.data.toString('base64');
    else notes.clusters.set(name, `the certificate-authority file of cluster "${name}" cannot be used: ${r.error}`);
  }
}

/** The same for a user entry: client certificate and key files, and tokenFile (kubectl's) / token-file (client-node's). */
function inlineUserFiles(entry: Obj, dir: string, notes: Notes): void {
  const name = str(entry.name) ?? '';
  const u = entry.user;
  if (!isObj(u)) return;
  const problem = (p: string) => notes.users.has(name) || notes.users.set(name, p);
  for (const [fileKey, dataKey, what] of [
    ['client-certificate', 'client-certificate-data', 'client certificate'],
    ['client-key', 'client-key-data', 'client key'],
  ] as const) {
    const file = str(u[fileKey]);
    delete u[fileKey];
    if (!file || u[dataKey]) continue;
    const r = readReferenced(dir, file);
    if (r.ok) u[dataKey] = r.data.toString('base64');
    else problem(`the ${what} file of kubeconfig user "${name}" cannot be used: ${r.error}`);
  }
  const tokenFile = str(u.tokenFile) ?? str(u['token-file']);
  delete u.tokenFile;
  delete u['token-file'];
  const provider = isObj(u['auth-provider']) && isObj(u['auth-provider'].config) ? u['auth-provider'].config : undefined;
  const providerTokenFile = str(provider?.tokenFile);
  if (provider) delete provider.tokenFile;
  // As in kubectl (client-go's clientcmd), an inline token wins over a token file.
  const file = tokenFile ?? providerTokenFile;
  if (file && !str(u.token)) {
    const r = readReferenced(dir, file);
    const token = r.ok ? r.data.toString('utf8').trim() : '';
    if (!r.ok) problem(`the tokenFile of kubeconfig user "${name}" cannot be used: ${r.error}`);
    else if (!token) problem(`the tokenFile of kubeconfig user "${name}" is empty: ${r.path}`);
    else u.token = token;
  }
  // client-go resolves an exec command that contains a path separator relative to the kubeconfig's directory.
  const exec = isObj(u.exec) ? u.exec : undefined;
  const command = str(exec?.command);
  if (exec && command && !isAbsolute(command) && /[/\\]/.test(command)) exec.command = join(dir, command);
}

/** Credential material of a (normalised) kubeconfig, remembered so that every message is redacted of it. */
function secretsOf(obj: Obj): string[] {
  const out: unknown[] = [];
  for (const e of entries(obj, 'users')) {
    const u = isObj(e.user) ? e.user : {};
    out.push(u.token, u.password, u['client-key-data'], u['client-certificate-data']);
    const cfg = isObj(u['auth-provider']) && isObj(u['auth-provider'].config) ? u['auth-provider'].config : {};
    for (const k of ['access-token', 'id-token', 'refresh-token', 'client-secret']) out.push(cfg[k]);
    const env = isObj(u.exec) && Array.isArray(u.exec.env) ? u.exec.env : [];
    for (const v of env) if (isObj(v)) out.push(v.value);
  }
  const strings = out.filter((s): s is string => typeof s === 'string' && s.length > 0);
  // Inline key data is base64 of PEM: its decoded form can appear in error texts too.
  for (const s of [...strings]) if (/^[A-Za-z0-9+/=\s]{40,}$/.test(s)) strings.push(Buffer.from(s, 'base64').toString('utf8'));
  return strings;
}

export function loadKubeConfig(
  explicitPath?: string,
  env: NodeJS.ProcessEnv = process.env,
): { ok: true; kc: KubeConfig; source: string } | { ok: false; error: string } {
  // Files in $KUBECONFIG that do not exist are skipped, as kubectl does; anything else must be readable.
  const sources = kubeconfigSources(explicitPath, env).filter((p) => existsSync(p));
  if (sources.length === 0)
    return { ok: false, error: `no kubeconfig found (looked at ${kubeconfigSources(explicitPath, env).join(', ')})` };
  const notes: Notes = { users: new Map(), clusters: new Map() };
  const merged: Obj = { apiVersion: 'v1', kind: 'Config', clusters: [], users: [], contexts: [] };
  const seen = { clusters: new Set<string>(), users: new Set<string>(), contexts: new Set<string>() };
  for (const path of sources) {
    const one = readOne(path);
    if (!one.ok) return one;
    const dir = dirname(path);
    // Same merge rule as kubectl: the first file that defines a name wins, and the first current-context.
    for (const key of ['clusters', 'users', 'contexts'] as const) {
      for (const e of entries(one.obj, key)) {
        const name = str(e.name);
        if (name !== undefined && seen[key].has(name)) continue;
        if (name !== undefined) seen[key].add(name);
        if (key === 'clusters') inlineClusterFiles(e, dir, notes);
        if (key === 'users') inlineUserFiles(e, dir, notes);
        (merged[key] as Obj[]).push(e);
      }
    }
    if (!merged['current-context'] && str(one.obj['current-context'])) merged['current-context'] = one.obj['current-context'];
  }
  rememberSecrets(secretsOf(merged));
  const kc = new KubeConfig();
  try {
    // JSON is YAML: client-node validates the entries as it always does.
    kc.loadFromString(JSON.stringify(merged));
  } catch (err) {
    return {
      ok: false,
      error: `kubeconfig ${sources.join(delimiter)} could not be read: ${firstLine(String((err as Error).message ?? err), [], 200)}`,
    };
  }
  NOTES.set(kc, notes);
  return { ok: true, kc, source: sources.join(delimiter) };
}

export function listContexts(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): ContextList {
  const loaded = loadKubeConfig(explicitPath, env);
  if (!loaded.ok) return loaded;
  const { kc } = loaded;
  const contexts = kc.getContexts().map((c) => ({
    name: c.name,
    cluster: c.cluster,
    user: c.user,
    namespace: c.namespace,
    server: kc.getCluster(c.cluster)?.server ?? '(cluster not defined)',
  }));
  return { ok: true, source: loaded.source, current: kc.getCurrentContext() || undefined, contexts };
}

/** Human-readable lines about the kubeconfig, safe to print (no secrets). */
export function describeKubeconfig(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const r = listContexts(explicitPath, env);
  if (!r.ok) return [`kubeconfig: ${r.error}`];
  const lines = [`kubeconfig: ${r.source}`, `contexts: ${r.contexts.length}${r.current ? ` (current: ${r.current})` : ''}`];
  for (const c of r.contexts) lines.push(`  ${c.name}  →  ${c.server}`);
  return lines;
}
