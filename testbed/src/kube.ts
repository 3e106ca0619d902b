// Small helpers over the API servers: raw HTTPS for readiness probes, @kubernetes/client-node for objects.
import { request } from 'node:https';
import { KubeConfig, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

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
export function rawRequest(ep: Endpoint, path: string, opts: { method?: string; timeoutMs?: number } = {}): Promise<RawResponse> {
  return new Promise((res, rej) => {
    const req = request(
      new URL(path, ep.server),
      {
        method: opts.method ?? 'GET',
        ca: ep.caPem,
        headers: { Authorization: `Bearer ${ep.token}`, Accept: 'application/json' },
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
    req.end();
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
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  kc.setCurrentContext(context);
  return kc;
}

function statusCode(e: unknown): number | undefined {
  const c = (e as { code?: unknown }).code;
  return typeof c === 'number' ? c : undefined;
}

/**
 * Server-side apply of each object, in order. A 404 is retried for a few seconds because a CRD
 * that was just created (or a namespace just made) takes a moment to show up in discovery.
 */
export async function applyObjects(kc: KubeConfig, objects: KubernetesObject[], fieldManager = 'clusterset-testbed'): Promise<KubernetesObject[]> {
  const out: KubernetesObject[] = [];
  for (const obj of objects) {
    const deadline = Date.now() + 8000;
    for (;;) {
      // A fresh client per try: KubernetesObjectApi caches discovery, which may predate a new CRD.
      const client = KubernetesObjectApi.makeApiClient(kc);
      try {
        out.push(await client.patch(obj, undefined, undefined, fieldManager, true, PatchStrategy.ServerSideApply));
        break;
      } catch (e) {
        if (statusCode(e) === 404 && Date.now() < deadline) {
          await sleep(250);
          continue;
        }
        const name = `${obj.kind ?? '?'} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata?.name ?? '?'}`;
        const body = (e as { body?: unknown }).body;
        throw new Error(`apply ${name} failed: ${(e as Error).message}${body ? ` ${typeof body === 'string' ? body : JSON.stringify(body)}` : ''}`);
      }
    }
  }
  return out;
}
