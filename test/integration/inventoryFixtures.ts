// Shared by the inventory integration tests: the seeded clusterset (we play the MCS controller, as the
// mcs-api e2e does: imports, EndpointSlices and statuses are written by hand), status writes through the
// /status subresource, extra kubeconfig contexts that must fail, and an HTTP front for one API server that
// can cut its connections, refuse them or answer the next watch with 410 Gone.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import type { Testbed } from '../../testbed/src/index.js';
import { endpointFor, rawRequest } from '../../testbed/src/kube.js';

export const MCS = 'multicluster.x-k8s.io/v1alpha1';
const T = '2026-11-30T10:00:00Z';

const cond = (type: string, status: string, reason: string, message = reason) => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: T,
});
export const VALID = [
  cond('Valid', 'True', 'Valid'),
  cond('Ready', 'True', 'Exported'),
  cond('Conflict', 'False', 'NoConflicts'),
];

export const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
export const service = (namespace: string, name: string, port = 80, extra: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { ports: [{ name: 'http', port, protocol: 'TCP' }], ...extra },
});
export const serviceExport = (namespace: string, name: string) => ({
  apiVersion: MCS,
  kind: 'ServiceExport',
  metadata: { name, namespace },
});
export const serviceImport = (namespace: string, name: string, ips: string[], port = 80) => ({
  apiVersion: MCS,
  kind: 'ServiceImport',
  metadata: { name, namespace },
  spec: { type: 'ClusterSetIP', ips, ports: [{ name: 'http', port, protocol: 'TCP' }] },
});
/** An MCS EndpointSlice in a consumer for endpoints from `source` (the controller's copy). */
export const mcsSlice = (namespace: string, service: string, source: string, ready: boolean[]) => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: {
    name: `${service}-${source}`,
    namespace,
    labels: {
      'multicluster.kubernetes.io/service-name': service,
      'multicluster.kubernetes.io/source-cluster': source,
      'endpointslice.kubernetes.io/managed-by': 'mcs-controller.clusterset.test',
    },
  },
  addressType: 'IPv4',
  endpoints: ready.map((r, i) => ({ addresses: [`10.244.${source.length}.${i + 10}`], conditions: { ready: r } })),
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
});

/** Server-side apply of `status` through the /status subresource (apply() ignores status of CRDs with it). */
export async function applyStatus(tb: Testbed, cluster: string, obj: KubernetesObject & { status: object }): Promise<void> {
  const ep = endpointFor(tb.kubeconfigPath, cluster);
  const plural = obj.kind === 'ServiceExport' ? 'serviceexports' : 'serviceimports';
  const path = `/apis/${obj.apiVersion}/namespaces/${obj.metadata?.namespace}/${plural}/${obj.metadata?.name}/status?fieldManager=mcs-controller&force=true`;
  const r = await rawRequest(ep, path, {
    method: 'PATCH',
    body: JSON.stringify(obj),
    contentType: 'application/apply-patch+yaml',
  });
  if (r.status !== 200) throw new Error(`status of ${obj.kind} ${obj.metadata?.name} in ${cluster}: HTTP ${r.status} ${r.body}`);
}

export const exportStatus = (namespace: string, name: string, conditions: object[]) => ({
  ...serviceExport(namespace, name),
  status: { conditions },
});
export const importStatus = (namespace: string, name: string, clusters: string[]) => ({
  apiVersion: MCS,
  kind: 'ServiceImport',
  metadata: { name, namespace },
  status: { clusters: clusters.map((cluster) => ({ cluster })) },
});

/** DELETE one object. */
export async function remove(tb: Testbed, cluster: string, path: string): Promise<void> {
  const r = await rawRequest(endpointFor(tb.kubeconfigPath, cluster), path, { method: 'DELETE' });
  if (r.status !== 200 && r.status !== 202) throw new Error(`delete ${path} in ${cluster}: HTTP ${r.status} ${r.body}`);
}

export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Accepts TCP connections and never says a word (the TLS handshake itself must time out). */
export async function silentServer(): Promise<{ port: number; close(): void }> {
  const sockets = new Set<Socket>();
  const s = createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    port: (s.address() as { port: number }).port,
    close: () => {
      for (const sock of sockets) sock.destroy();
      s.close();
    },
  };
}

interface KubeconfigDoc {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: Record<string, string> }[];
}

/** The testbed's kubeconfig plus extra clusters/users/contexts; returns the path written. */
export function extendKubeconfig(
  tb: Testbed,
  dir: string,
  extra: { clusters?: KubeconfigDoc['clusters']; users?: KubeconfigDoc['users']; contexts?: KubeconfigDoc['contexts'] },
): string {
  const kc = parse(readFileSync(tb.kubeconfigPath, 'utf8')) as KubeconfigDoc;
  kc.clusters.push(...(extra.clusters ?? []));
  kc.users.push(...(extra.users ?? []));
  kc.contexts.push(...(extra.contexts ?? []));
  const file = join(dir, 'kubeconfig');
  writeFileSync(file, stringify(kc), { mode: 0o600 });
  return file;
}

export function caData(tb: Testbed, cluster: string): string {
  const kc = parse(readFileSync(tb.kubeconfigPath, 'utf8')) as KubeconfigDoc;
  return String(kc.clusters.find((c) => c.name === cluster)?.cluster['certificate-authority-data'] ?? '');
}

export interface ApiFront {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Every request path seen, in order. */
  requests: string[];
  /** Watch requests open right now. */
  openWatches(): number;
  /** Destroy every open connection (watches break as on a network fault). */
  cut(): void;
  /** While true, new connections are reset at once. */
  refusing: boolean;
  /**
   * Compaction, emulated: a watch whose path matches and whose resourceVersion is older than `before` is answered
   * 410 Gone, as the API server answers a compacted resourceVersion: `as` an ERROR event in a 200 stream (the
   * watch cache's way) or as the HTTP status. Only a relist (a fresh resourceVersion) gets a watch through
   * again; a watcher that resumed from its old one would get 410 forever.
   */
  compacted?: { path: RegExp; before: number; as: 'event' | 'status' };
  /** Indices (into `requests`) of the watch requests answered 410 Gone. */
  goneAt: number[];
  close(): Promise<void>;
}

function isCompacted(path: string, c: ApiFront['compacted']): boolean {
  if (!c || !c.path.test(path)) return false;
  const rv = Number(new URL(path, 'http://front').searchParams.get('resourceVersion'));
  return Number.isFinite(rv) && rv > 0 && rv < c.before;
}

/** The API server's current resourceVersion (etcd's revision), read with a list of `path` on `cluster` directly. */
export async function currentVersion(tb: Testbed, cluster: string, path: string): Promise<number> {
  const r = await rawRequest(endpointFor(tb.kubeconfigPath, cluster), path);
  if (r.status !== 200) throw new Error(`list ${path} in ${cluster}: HTTP ${r.status} ${r.body}`);
  const rv = Number((JSON.parse(r.body) as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion);
  if (!Number.isFinite(rv) || rv <= 0) throw new Error(`list ${path} in ${cluster}: no resourceVersion`);
  return rv;
}

/**
 * A plain-HTTP front for one API server, like `kubectl proxy`: requests go on over HTTPS with the admin
 * token; watch answers are streamed through. Lets a test break watches the way networks and compaction do.
 */
export async function apiFront(tb: Testbed, cluster: string): Promise<ApiFront> {
  const ep = endpointFor(tb.kubeconfigPath, cluster);
  const sockets = new Set<Socket>();
  const watches = new Set<ServerResponse>();
  const front: ApiFront = {
    url: '',
    requests: [],
    openWatches: () => watches.size,
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    refusing: false,
    goneAt: [],
    close: async () => {
      front.cut();
      await new Promise((r) => server.close(r));
    },
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    front.requests.push(path);
    const isWatch = /[?&]watch=(1|true)/.test(path);
    if (isWatch && isCompacted(path, front.compacted)) {
      front.goneAt.push(front.requests.length - 1);
      const status = {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: 'too old resource version',
        reason: 'Expired',
        code: 410,
      };
      if (front.compacted?.as === 'status') {
        res.writeHead(410, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(status));
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
      }
      return;
    }
    const up = httpsRequest(
      new URL(path, ep.server),
      { method: req.method, ca: ep.caPem, headers: { Authorization: `Bearer ${ep.token}`, Accept: 'application/json' } },
      (r) => {
        res.writeHead(r.statusCode ?? 502, { 'Content-Type': r.headers['content-type'] ?? 'application/json' });
        res.flushHeaders(); // as the API server does: a watch's headers go out before its first event
        if (isWatch) {
          watches.add(res);
          res.on('close', () => watches.delete(res));
        }
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    res.on('close', () => up.destroy());
    req.pipe(up);
  };
  const server: Server = createHttpServer(handle);
  server.on('connection', (s) => {
    if (front.refusing) {
      s.destroy();
      return;
    }
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  front.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return front;
}

/** Polls `pred` on each new value of `latest()` until it holds or `ms` pass. */
export async function eventually<T>(latest: () => T | undefined, pred: (v: T) => boolean, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = latest();
    if (v !== undefined && pred(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
