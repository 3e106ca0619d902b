// "Open as YAML" for the objects the clusterset tree lists, and only those: the kinds below map to one
// API path each; anything else (Secrets above all) has no path and is never read. The object is shown
// as the API server returns it, minus `metadata.managedFields` (bookkeeping of server-side apply).
import { stringify } from 'yaml';
import type { ClusterAccess } from './access';
import type { Result } from './faults';
import type { ObjectRef } from './inventory/snapshot';

const RESOURCES: Record<string, { resource: string; namespaced: boolean; groups: readonly string[] }> = {
  ServiceExport: { resource: 'serviceexports', namespaced: true, groups: ['multicluster.x-k8s.io', 'net.gke.io'] },
  ServiceImport: { resource: 'serviceimports', namespaced: true, groups: ['multicluster.x-k8s.io', 'net.gke.io'] },
  Service: { resource: 'services', namespaced: true, groups: [''] },
  EndpointSlice: { resource: 'endpointslices', namespaced: true, groups: ['discovery.k8s.io'] },
  ClusterProperty: { resource: 'clusterproperties', namespaced: false, groups: ['about.k8s.io'] },
};

export const OPENABLE_KINDS: readonly string[] = Object.keys(RESOURCES);

const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const VERSION = /^v\d+((alpha|beta)\d+)?$/;

/** The GET path of an object the tree lists, or undefined for any other kind or a malformed reference. */
export function objectPath(ref: Pick<ObjectRef, 'apiVersion' | 'kind' | 'namespace' | 'name'>): string | undefined {
  const r = Object.hasOwn(RESOURCES, ref.kind) ? RESOURCES[ref.kind] : undefined;
  if (!r || !NAME.test(ref.name)) return undefined;
  const slash = ref.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
  const version = slash < 0 ? ref.apiVersion : ref.apiVersion.slice(slash + 1);
  if (!r.groups.includes(group) || !VERSION.test(version)) return undefined;
  if (r.namespaced !== !!ref.namespace || (ref.namespace && !NAME.test(ref.namespace))) return undefined;
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return `${base}${ref.namespace ? `/namespaces/${ref.namespace}` : ''}/${r.resource}/${ref.name}`;
}

/** The object as YAML with a header comment that says where it came from. */
export function objectYamlText(object: unknown, ref: ObjectRef, context: string, readAt: Date): string {
  const o = (object && typeof object === 'object' ? structuredClone(object) : {}) as { metadata?: Record<string, unknown> };
  if (o.metadata) delete o.metadata.managedFields;
  const name = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
  const header = `# ${ref.kind} ${name} in cluster ${ref.cluster} (context ${context}), read ${readAt.toISOString()}; read-only\n`;
  return header + stringify(o, { lineWidth: 0 });
}

/** Reads one listed object through `access` and renders it; a fault (or an unlisted kind) as a Result. */
export async function readObjectYaml(access: ClusterAccess, ref: ObjectRef): Promise<Result<string>> {
  const path = objectPath(ref);
  if (!path) return { ok: false, fault: { kind: 'config', message: `${ref.kind} objects are not shown by Clusterset` } };
  const name = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
  const r = await access.getJson<unknown>(path, `${ref.kind} ${name}`);
  if (!r.ok) return r;
  return { ok: true, value: objectYamlText(r.value, ref, access.context, new Date()) };
}
