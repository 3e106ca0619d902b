// Small helpers over the API servers: raw HTTPS for readiness probes, @kubernetes/client-node for objects.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { parse, parseAllDocuments } from 'yaml';

// client-node is loaded on demand: importing it costs seconds (its generated models), which the
// CLI's up/status/down do not need.
type ClientNode = typeof import('@kubernetes/client-node');
let clientNode: ClientNode | undefined;
export async function loadClientNode(): Promise<ClientNode> {
  clientNode ??= await import('@kubernetes/client-node');
  return clientNode;
}

export interface Endpoint {
  server: string;
  caPem: string;
  token: string;
}

export interface RawResponse {
  status: number;
  body: string;
}

/** One HTTPS request, verified against the cluster CA; errors (refused, reset) reject. */
export function rawRequest(
  ep: Endpoint,
  path: string,
  opts: { method?: string; timeoutMs?: number; body?: string; contentType?: string } = {},
): Promise<RawResponse> {
  return new Promise((res, rej) => {
    const req = request(
      new URL(path, ep.server),
      {
        method: opts.method ?? 'GET',
        ca: ep.caPem,
        headers: {
          Authorization: `Bearer ${ep.token}`,
          Accept: 'application/json',
          ...(opts.body !== undefined
            ? { 'Content-Type': opts.contentType ?? 'application/json', 'Content-Length': Buffer.byteLength(opts.body) }
            : {}),
        },
        timeout: opts.timeoutMs ?? 5000,
      },
      (r) => {
        let body = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (body += c));
        r.on('end', () => res({ status: r.statusCode ?? 0, body }));
        r.on('error', rej);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${opts.timeoutMs ?? 5000} ms`)));
    req.on('error', rej);
    req.end(opts.body);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Objects from a YAML/JSON string (multi-document) or an object / array of objects. */
export function toObjects(input: string | KubernetesObject | KubernetesObject[]): KubernetesObject[] {
  if (Array.isArray(input)) return input;
  if (typeof input !== 'string') return [input];
  const out: KubernetesObject[] = [];
  for (const doc of parseAllDocuments(input)) {
    if (doc.errors.length) throw new Error(`invalid YAML: ${doc.errors[0]?.message}`);
    const v = doc.toJS() as unknown;
    if (v && typeof v === 'object') out.push(v as KubernetesObject);
  }
  return out;
}

export function kubeConfigFor(kubeconfigPath: string, context: string): KubeConfig {
  if (!clientNode) throw new Error('@kubernetes/client-node is not loaded yet: await loadClientNode() first');
  const kc = new clientNode.KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  kc.setCurrentContext(context);
  return kc;
}

/** Server, CA and token of a context in the testbed's kubeconfig (which the testbed wrote itself). */
export function endpointFor(kubeconfigPath: string, context: string): Endpoint {
  interface Named<T> {
    name: string;
    cluster?: T;
    user?: T;
    context?: T;
  }
  const doc = parse(readFileSync(kubeconfigPath, 'utf8')) as {
    clusters: Named<{ server: string; 'certificate-authority-data': string }>[];
    users: Named<{ token: string }>[];
    contexts: Named<{ cluster: string; user: string }>[];
  };
  const ctx = doc.contexts.find((c) => c.name === context)?.context;
  const cluster = doc.clusters.find((c) => c.name === ctx?.cluster)?.cluster;
  const user = doc.users.find((u) => u.name === ctx?.user)?.user;
  if (!cluster || !user?.token) throw new Error(`context ${context} is not in ${kubeconfigPath}`);
  return {
    server: cluster.server,
    caPem: Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8'),
    token: user.token,
  };
}

/** An HTTP error from the API server; `code` is the HTTP status, as on client-node's ApiException. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly body: string,
  ) {
    super(message);
  }
}

interface ApiResourceList {
  resources: { name: string; kind: string; namespaced: boolean }[];
}

function apiError(what: string, r: RawResponse): ApiError {
  let msg = r.body.slice(0, 500);
  try {
    msg = (JSON.parse(r.body) as { message?: string }).message ?? msg;
  } catch {
    // not a Status object
  }
  return new ApiError(r.status, `${what}: HTTP ${r.status}: ${msg}`, r.body);
}

/**
 * Server-side apply of each object, in order, over plain HTTPS.
 *
 * Not KubernetesObjectApi: client-node 1.4.0 serialises objects through its typed models, which
 * silently drops keys the models rename (`enum` → `_enum`, `x-kubernetes-list-type` →
 * `x_kubernetes_list_type`, …), so CRDs applied through it lose their enums and list types.
 * A 404 is retried for a few seconds: a CRD just created takes a moment to reach discovery.
 */
export async function applyObjects(
  ep: Endpoint,
  objects: KubernetesObject[],
  fieldManager = 'clusterset-testbed',
): Promise<KubernetesObject[]> {
  const discovery = new Map<string, ApiResourceList>();
  const out: KubernetesObject[] = [];
  for (const obj of objects) {
    const { apiVersion, kind } = obj;
    const name = obj.metadata?.name;
    const label = `${kind ?? '?'} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${name ?? '?'}`;
    if (!apiVersion || !kind || !name) throw new Error(`apply ${label}: apiVersion, kind and metadata.name are required`);
    const base = apiVersion === 'v1' ? '/api/v1' : `/apis/${apiVersion}`;
    const deadline = Date.now() + 8000;
    for (;;) {
      let list = discovery.get(base);
      if (!list) {
        const r = await rawRequest(ep, base);
        if (r.status === 200) discovery.set(base, (list = JSON.parse(r.body) as ApiResourceList));
        else if (r.status !== 404 || Date.now() > deadline) throw apiError(`apply ${label}: discovery of ${apiVersion}`, r);
      }
      const res = list?.resources.find((x) => x.kind === kind && !x.name.includes('/'));
      if (!res) {
        discovery.delete(base);
        if (Date.now() > deadline) throw new ApiError(404, `apply ${label}: the server has no kind ${kind} in ${apiVersion}`, '');
        await sleep(250);
        continue;
      }
      const ns = res.namespaced ? `/namespaces/${encodeURIComponent(obj.metadata?.namespace ?? 'default')}` : '';
      const path = `${base}${ns}/${res.name}/${encodeURIComponent(name)}?fieldManager=${encodeURIComponent(fieldManager)}&force=true`;
      const r = await rawRequest(ep, path, {
        method: 'PATCH',
        body: JSON.stringify(obj),
        contentType: 'application/apply-patch+yaml',
      });
      if (r.status === 200 || r.status === 201) {
        out.push(JSON.parse(r.body) as KubernetesObject);
        break;
      }
      // 404 here: the namespace does not exist yet (e.g. created by a concurrent apply).
      if (r.status === 404 && Date.now() < deadline) {
        await sleep(250);
        continue;
      }
      throw apiError(`apply ${label}`, r);
    }
  }
  return out;
}
