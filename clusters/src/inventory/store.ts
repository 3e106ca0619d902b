// What is known of one cluster: the compact states per resource, keyed by namespace/name, fed either by one
// list (readInventory) or by list + watch events (watchInventory). `snapshotOf` joins every cluster's store
// into the immutable ClustersetSnapshot the tree, `status` and the runbook consume.
import type { ClusterFault } from '../faults';
import type { Served } from './discovery';
import { keyOf, metaOf, toClusterProperty, toEndpointSlice, toExport, toImport, toService } from './objects';
import type { ClusterMember } from '../scope';
import type {
  ClusterState,
  ClustersetSnapshot,
  EndpointSliceState,
  ExportState,
  ImportState,
  McsImplementation,
  ServiceState,
} from './snapshot';

export type ResourceId = 'exports' | 'imports' | 'endpointSlices' | 'services' | 'namespaces' | 'clusterProperties';

export interface ResourceSpec {
  id: ResourceId;
  /** Collection path, without list or watch parameters (a label selector may be there). */
  path: string;
  /** Names the resource in fault messages and in `partial`. */
  what: string;
}

const MCS_SLICES = `/apis/discovery.k8s.io/v1/endpointslices?labelSelector=${encodeURIComponent('multicluster.kubernetes.io/service-name')}`;

/** Namespaces are read from every cluster, whatever it serves. */
export const namespacesSpec = (): ResourceSpec => ({ id: 'namespaces', path: '/api/v1/namespaces', what: 'Namespaces' });

/** The collections read from a cluster, given what it serves; without an MCS API only its namespaces and identity. */
export function resourcesFor(served: Served): ResourceSpec[] {
  const out: ResourceSpec[] = [];
  if (served.read) {
    out.push(
      { id: 'exports', path: `/apis/${served.read}/serviceexports`, what: `ServiceExports (${served.read})` },
      { id: 'imports', path: `/apis/${served.read}/serviceimports`, what: `ServiceImports (${served.read})` },
      { id: 'endpointSlices', path: MCS_SLICES, what: 'EndpointSlices with the MCS service-name label' },
      { id: 'services', path: '/api/v1/services', what: 'Services' },
    );
  }
  out.push(namespacesSpec());
  if (served.about)
    out.push({
      id: 'clusterProperties',
      path: `/apis/about.k8s.io/${served.about}/clusterproperties`,
      what: `ClusterProperties (about.k8s.io/${served.about})`,
    });
  return out;
}

type Converted =
  | { id: 'exports'; entries: Array<[string, ExportState]> }
  | { id: 'imports'; entries: Array<[string, ImportState]> }
  | { id: 'endpointSlices'; entries: Array<[string, EndpointSliceState]> }
  | { id: 'services'; entries: Array<[string, ServiceState]> }
  | { id: 'namespaces'; names: string[] }
  | { id: 'clusterProperties'; entries: Array<[string, string]> };

/**
 * What one list became in the first store it filled, for the other members that share the same read
 * (readInventory reads identical contexts once): their states differ only in `ref.cluster`, so they are
 * copies with that one field changed rather than a second conversion. Keyed by the list (the read's own
 * array); `version` is the MCS apiVersion the states were made with.
 */
const convertedLists = new WeakMap<readonly unknown[], { version: string; converted: Converted }>();

const inCluster = <S extends { ref: { cluster: string } }>(
  entries: Array<[string, S]>,
  cluster: string,
  into: Map<string, S>,
) => {
  for (const [key, state] of entries) into.set(key, { ...state, ref: { ...state.ref, cluster } });
};

export class ClusterStore {
  readonly exports = new Map<string, ExportState>();
  readonly imports = new Map<string, ImportState>();
  readonly slices = new Map<string, EndpointSliceState>();
  readonly services = new Map<string, ServiceState>();
  readonly namespaces = new Set<string>();
  readonly properties = new Map<string, string>();
  /** Resources read at least once (so an absent object really is absent). */
  readonly read = new Set<ResourceId>();
  /** Per-resource faults of the last attempt (forbidden, CRD missing, …). */
  readonly resourceFaults = new Map<ResourceId, { what: string; fault: ClusterFault }>();
  served: Served = { mcs: [] };
  fault?: ClusterFault;
  reachable = false;
  server?: string;
  implementation: McsImplementation = 'generic';
  controllerReady?: boolean;
  controller?: string;
  endpointSliceSync?: boolean;
  detectionFaults: ClusterFault[] = [];
  readAt = new Date(0).toISOString();
  staleSince?: string;
  staleReason?: ClusterFault;
  paused = false;
  truncated = new Set<ResourceId>();

  constructor(readonly member: ClusterMember) {}

  private mcsVersion(): string {
    return this.served.read ?? 'multicluster.x-k8s.io/v1alpha1';
  }

  /** A full list replaces what was known of the resource. */
  replace(id: ResourceId, items: readonly unknown[]): void {
    this.clear(id);
    for (const it of items) this.upsert(id, it);
    this.read.add(id);
    this.resourceFaults.delete(id);
  }

  /** `replace` for a list other stores may be filled from as well (see convertedLists). */
  replaceShared(id: ResourceId, items: readonly unknown[]): void {
    const known = convertedLists.get(items);
    if (!known || known.converted.id !== id || known.version !== this.mcsVersion()) {
      this.replace(id, items);
      convertedLists.set(items, { version: this.mcsVersion(), converted: this.converted(id) });
      return;
    }
    this.clear(id);
    const c = known.converted;
    const cluster = this.member.name;
    if (c.id === 'exports') inCluster(c.entries, cluster, this.exports);
    else if (c.id === 'imports') inCluster(c.entries, cluster, this.imports);
    else if (c.id === 'endpointSlices') inCluster(c.entries, cluster, this.slices);
    else if (c.id === 'services') inCluster(c.entries, cluster, this.services);
    else if (c.id === 'namespaces') for (const n of c.names) this.namespaces.add(n);
    else for (const [k, v] of c.entries) this.properties.set(k, v);
    this.read.add(id);
    this.resourceFaults.delete(id);
  }

  private converted(id: ResourceId): Converted {
    if (id === 'exports') return { id, entries: [...this.exports] };
    if (id === 'imports') return { id, entries: [...this.imports] };
    if (id === 'endpointSlices') return { id, entries: [...this.slices] };
    if (id === 'services') return { id, entries: [...this.services] };
    if (id === 'namespaces') return { id, names: [...this.namespaces] };
    return { id, entries: [...this.properties] };
  }

  clear(id: ResourceId): void {
    if (id === 'exports') this.exports.clear();
    else if (id === 'imports') this.imports.clear();
    else if (id === 'endpointSlices') this.slices.clear();
    else if (id === 'services') this.services.clear();
    else if (id === 'namespaces') this.namespaces.clear();
    else this.properties.clear();
  }

  upsert(id: ResourceId, raw: unknown): void {
    const name = this.member.name;
    const m = metaOf(raw);
    if (!m) return;
    const key = keyOf(m);
    if (id === 'endpointSlices') {
      const s = toEndpointSlice(raw, name, m);
      if (s) this.slices.set(key, s);
    } else if (id === 'services') {
      const s = toService(raw, name, m);
      if (s) this.services.set(key, s);
    } else if (id === 'namespaces') this.namespaces.add(m.name);
    else if (id === 'clusterProperties') {
      const p = toClusterProperty(raw, m);
      if (p) this.properties.set(p.name, p.value);
    } else if (id === 'exports') {
      const e = toExport(raw, name, this.mcsVersion(), m);
      if (e) this.exports.set(key, e);
    } else {
      const i = toImport(raw, name, this.mcsVersion(), m);
      if (i) this.imports.set(key, i);
    }
  }

  remove(id: ResourceId, raw: unknown): void {
    const m = metaOf(raw);
    if (!m) return;
    const key = keyOf(m);
    if (id === 'exports') this.exports.delete(key);
    else if (id === 'imports') this.imports.delete(key);
    else if (id === 'endpointSlices') this.slices.delete(key);
    else if (id === 'services') this.services.delete(key);
    else if (id === 'namespaces') this.namespaces.delete(m.name);
    else this.properties.delete(m.name);
  }

  clusterState(): ClusterState {
    const partial = [...this.resourceFaults.values()].map((r) => ({ resource: r.what, fault: r.fault }));
    for (const f of this.detectionFaults) partial.push({ resource: 'implementation detection', fault: f });
    for (const id of this.truncated)
      partial.push({ resource: id, fault: { kind: 'config', message: `${id}: list truncated at the item limit` } });
    const clusterId = this.properties.get('cluster.clusterset.k8s.io');
    const clustersetId = this.properties.get('clusterset.k8s.io');
    return {
      name: this.member.name,
      context: this.member.context,
      reachable: this.reachable,
      ...(this.fault ? { fault: this.fault } : {}),
      ...(partial.length && !this.fault ? { partial } : {}),
      implementation: this.implementation,
      ...(this.controllerReady !== undefined ? { controllerReady: this.controllerReady } : {}),
      crdVersions: this.served.mcs,
      ...(clusterId ? { clusterId } : {}),
      ...(clustersetId ? { clustersetId } : {}),
      ...(this.staleSince ? { staleSince: this.staleSince } : {}),
      ...(this.staleSince && this.staleReason ? { staleReason: this.staleReason } : {}),
      readAt: this.readAt,
      ...(this.server ? { server: this.server } : {}),
      ...(this.served.read ? { readVersion: this.served.read } : {}),
      ...(this.controller ? { controller: this.controller } : {}),
      ...(this.endpointSliceSync !== undefined ? { endpointSliceSync: this.endpointSliceSync } : {}),
      ...(this.read.has('namespaces') ? { namespaces: [...this.namespaces].sort() } : {}),
      ...(this.paused ? { paused: true } : {}),
    };
  }
}

/** `String.prototype.localeCompare`'s order (the default locale's collator), without building one per call. */
const collator = new Intl.Collator();
const byRef = (a: { ref: { namespace?: string; name: string } }, b: { ref: { namespace?: string; name: string } }) =>
  collator.compare(a.ref.namespace ?? '', b.ref.namespace ?? '') || collator.compare(a.ref.name, b.ref.name);

/** Every cluster's store joined: exports carry their Service (or null when the Service list says it is absent). */
export function snapshotOf(stores: readonly ClusterStore[], takenAt = new Date().toISOString()): ClustersetSnapshot {
  const exports: ExportState[] = [];
  const imports: ImportState[] = [];
  const endpointSlices: EndpointSliceState[] = [];
  for (const s of stores) {
    const servicesRead = s.read.has('services');
    for (const e of [...s.exports.values()].sort(byRef)) {
      if (!servicesRead) exports.push(e);
      else exports.push({ ...e, service: s.services.get(keyOf(e.ref)) ?? null });
    }
    imports.push(...[...s.imports.values()].sort(byRef));
    endpointSlices.push(...[...s.slices.values()].sort(byRef));
  }
  return { clusters: stores.map((s) => s.clusterState()), exports, imports, endpointSlices, takenAt };
}
