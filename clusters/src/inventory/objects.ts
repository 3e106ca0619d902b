// API objects → the snapshot's compact states. Pure and total: any JSON goes in, a state (or nothing)
// comes out; fields of the wrong type are dropped, never trusted. Only what the tree, `status` and the
// runbook use is kept, so 10,000 objects stay small in memory.
import type { Condition, EndpointSliceState, ExportState, ImportState, ObjectRef, ServiceState } from './snapshot';

export const LABEL_SERVICE_NAME = 'multicluster.kubernetes.io/service-name';
export const LABEL_SOURCE_CLUSTER = 'multicluster.kubernetes.io/source-cluster';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';

/** Annotations that change what "healthy" means for an implementation; the rest are not kept. */
const KEPT_ANNOTATIONS = [
  'lighthouse.submariner.io/use-clusterset-ip',
  'service.cilium.io/global',
  'service.cilium.io/shared',
  'service.cilium.io/global-sync-endpoint-slices',
  'clustermesh.cilium.io/supported-ip-families',
  'multicluster.kubernetes.io/derived-service',
];

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');

export interface Meta {
  name: string;
  namespace?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  /** The object's own label and annotation maps (read with `stringAt`; nothing is copied). */
  labels?: Json;
  annotations?: Json;
}

/** A string value of a label or annotation map, else undefined. */
const stringAt = (map: Json | undefined, key: string): string | undefined => {
  const v = map?.[key];
  return typeof v === 'string' ? v : undefined;
};

export function metaOf(item: unknown): Meta | undefined {
  const m = obj(obj(item)?.metadata);
  const name = str(m?.name);
  if (!m || !name) return undefined;
  const labels = obj(m.labels);
  const annotations = obj(m.annotations);
  return {
    name,
    namespace: str(m.namespace),
    resourceVersion: str(m.resourceVersion),
    creationTimestamp: str(m.creationTimestamp),
    ...(labels ? { labels } : {}),
    ...(annotations ? { annotations } : {}),
  };
}

function keptAnnotations(all: Json | undefined): Record<string, string> | undefined {
  if (!all) return undefined;
  let out: Record<string, string> | undefined;
  for (const k of KEPT_ANNOTATIONS) {
    const v = stringAt(all, k);
    if (v !== undefined) (out ??= {})[k] = v;
  }
  return out;
}

function ref(cluster: string, apiVersion: string, kind: string, m: Meta): ObjectRef {
  return { cluster, apiVersion, kind, ...(m.namespace !== undefined ? { namespace: m.namespace } : {}), name: m.name };
}

function conditions(v: unknown): Condition[] {
  const out: Condition[] = [];
  for (const c of arr(v).map(obj)) {
    const type = str(c?.type);
    const status = str(c?.status);
    if (!c || !type || (status !== 'True' && status !== 'False' && status !== 'Unknown')) continue;
    out.push({
      type,
      status,
      ...(str(c.reason) ? { reason: str(c.reason) } : {}),
      ...(str(c.message) ? { message: str(c.message)?.slice(0, 1000) } : {}),
      ...(str(c.lastTransitionTime) ? { lastTransitionTime: str(c.lastTransitionTime) } : {}),
    });
  }
  return out;
}

type Port = ServiceState['ports'][number];

function ports(v: unknown): Port[] {
  const out: Port[] = [];
  for (const p of arr(v).map(obj)) {
    const port = p?.port;
    if (!p || typeof port !== 'number') continue;
    out.push({
      ...(str(p.name) ? { name: str(p.name) } : {}),
      port,
      protocol: str(p.protocol) ?? 'TCP',
      ...(str(p.appProtocol) ? { appProtocol: str(p.appProtocol) } : {}),
    });
  }
  return out;
}

export function toExport(item: unknown, cluster: string, apiVersion: string, m = metaOf(item)): ExportState | undefined {
  if (!m) return undefined;
  const annotations = keptAnnotations(m.annotations);
  return {
    ref: ref(cluster, apiVersion, 'ServiceExport', m),
    ...(m.creationTimestamp ? { creationTimestamp: m.creationTimestamp } : {}),
    conditions: conditions(obj(obj(item)?.status)?.conditions),
    ...(annotations ? { annotations } : {}),
  };
}

export function toImport(item: unknown, cluster: string, apiVersion: string, m = metaOf(item)): ImportState | undefined {
  if (!m) return undefined;
  const spec = obj(obj(item)?.spec);
  const status = obj(obj(item)?.status);
  const annotations = keptAnnotations(m.annotations);
  const ipFamilies = strings(spec?.ipFamilies);
  const conds = conditions(status?.conditions);
  return {
    ref: ref(cluster, apiVersion, 'ServiceImport', m),
    ...(str(spec?.type) ? { type: str(spec?.type) } : {}),
    ips: strings(spec?.ips),
    ports: ports(spec?.ports),
    statusClusters: arr(status?.clusters)
      .map((c) => str(obj(c)?.cluster))
      .filter((c): c is string => !!c),
    ...(ipFamilies.length ? { ipFamilies } : {}),
    ...(conds.length ? { conditions: conds } : {}),
    ...(m.creationTimestamp ? { creationTimestamp: m.creationTimestamp } : {}),
    ...(annotations ? { annotations } : {}),
  };
}

export function toEndpointSlice(item: unknown, cluster: string, m = metaOf(item)): EndpointSliceState | undefined {
  if (!m) return undefined;
  const endpoints = arr(obj(item)?.endpoints).map(obj);
  // EndpointConditions: a nil `ready` means ready (discovery.k8s.io/v1 API documentation).
  const ready = endpoints.filter((e) => obj(e?.conditions)?.ready !== false).length;
  const source = stringAt(m.labels, LABEL_SOURCE_CLUSTER);
  const service = stringAt(m.labels, LABEL_SERVICE_NAME);
  const managedBy = stringAt(m.labels, LABEL_MANAGED_BY);
  return {
    ref: ref(cluster, 'discovery.k8s.io/v1', 'EndpointSlice', m),
    ...(source ? { sourceCluster: source } : {}),
    ...(service ? { serviceName: service } : {}),
    addressType: str(obj(item)?.addressType) ?? 'IPv4',
    ready,
    total: endpoints.length,
    ...(managedBy ? { managedBy } : {}),
  };
}

export function toService(item: unknown, cluster: string, m = metaOf(item)): ServiceState | undefined {
  if (!m) return undefined;
  const spec = obj(obj(item)?.spec);
  const clusterIP = str(spec?.clusterIP);
  const annotations = keptAnnotations(m.annotations);
  const ipFamilies = strings(spec?.ipFamilies);
  return {
    ref: ref(cluster, 'v1', 'Service', m),
    type: str(spec?.type) ?? 'ClusterIP',
    ...(clusterIP ? { clusterIP } : {}),
    ports: ports(spec?.ports),
    ...(clusterIP === 'None' ? { headless: true } : {}),
    ...(ipFamilies.length ? { ipFamilies } : {}),
    ...(annotations ? { annotations } : {}),
  };
}

/** A ClusterProperty's name and `spec.value`. */
export function toClusterProperty(item: unknown, m = metaOf(item)): { name: string; value: string } | undefined {
  const value = str(obj(obj(item)?.spec)?.value);
  return m && value !== undefined ? { name: m.name, value } : undefined;
}

export const keyOf = (m: { namespace?: string; name: string }) => (m.namespace ? `${m.namespace}/${m.name}` : m.name);
