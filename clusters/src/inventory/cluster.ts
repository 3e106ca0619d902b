// Reading one cluster into its store: discovery first (one request that also tells whether the cluster
// answers at all), then every collection and the implementation probes. Faults stay here: a fault
// of the whole cluster goes to `store.fault`, a fault of one collection (403 for a reader role, a missing
// CRD) to the store's per-resource faults, and what was readable is kept.
import type { KubeConfig } from '@kubernetes/client-node';
import { openClusterAccess, type AccessOptions, type ClusterAccess } from '../access';
import { isClusterWide, type ClusterFault, type Result } from '../faults';
import type { ClusterMember } from '../scope';
import { detectImplementation, gkeDetection, readServed, type Detection, type Served } from './discovery';
import { metaOf } from './objects';
import { namespacesSpec, resourcesFor, type ClusterStore, type ResourceSpec } from './store';

/** No cap in practice (10,000s of objects page in 500s); a list this long says so in `partial`. */
export const MAX_LIST_ITEMS = 250_000;

export function openMember(kc: KubeConfig, member: ClusterMember, options: AccessOptions): Result<ClusterAccess> {
  return openClusterAccess(kc, member.context, options);
}

/** Faults that mean nothing was answered (the network, TLS, the credential plugin), as opposed to a refusal. */
export function unanswered(f: ClusterFault): boolean {
  return ['unreachable', 'timeout', 'tls', 'execPlugin', 'config', 'cancelled'].includes(f.kind);
}

/** Discovery and implementation detection; false when the cluster as a whole failed (see `store.fault`). */
export async function probeCluster(store: ClusterStore, a: ClusterAccess): Promise<boolean> {
  store.server = a.server;
  // Discovery and the implementation probes at once: on a slow link that is one round trip, not two.
  const [served, d] = await Promise.all([readServed(a), detectImplementation(a)]);
  return judgeProbe(store, served, d);
}

/** Discovery's and detection's answers into the store; false when the cluster as a whole failed. */
function judgeProbe(store: ClusterStore, served: Result<Served>, d: Detection | undefined): boolean {
  if (!served.ok) {
    store.fault = served.fault;
    store.reachable = !unanswered(served.fault);
    return false;
  }
  store.reachable = true;
  store.served = served.value;
  if (!d) return true;
  if (d.implementation === 'generic' && served.value.mcs.includes('net.gke.io/v1')) Object.assign(d, gkeDetection(d));
  const wide = d.forbidden.find(isClusterWide);
  if (wide) {
    store.fault = wide;
    store.reachable = !unanswered(wide);
    return false;
  }
  store.implementation = d.implementation;
  store.controllerReady = d.controllerReady;
  store.controller = d.controller;
  store.endpointSliceSync = d.endpointSliceSync;
  // One line per distinct refusal (five Deployments forbidden say the same thing).
  store.detectionFaults = d.forbidden.filter((f, i, all) => all.findIndex((g) => g.kind === f.kind) === i);
  return true;
}

export type ListOutcome = { ok: true; resourceVersion?: string } | { ok: false; fault: ClusterFault; clusterWide: boolean };

type Listed = Result<{ items: unknown[]; truncated: boolean; resourceVersion?: string }>;

const fetchList = (a: ClusterAccess, spec: ResourceSpec): Promise<Listed> =>
  a.listAll<unknown>(spec.path, spec.what, MAX_LIST_ITEMS);

/**
 * One collection into the store. A fault of this collection alone (403, CRD missing) is recorded on the
 * store and the other collections go on; a fault of the whole cluster is returned for the caller to judge
 * (the one-shot read fails the cluster, the live watcher keeps the last data and marks it stale).
 */
export async function listInto(store: ClusterStore, a: ClusterAccess, spec: ResourceSpec): Promise<ListOutcome> {
  return applyList(store, spec, await fetchList(a, spec));
}

/** `shared`: the list may fill other members' stores too (a one-shot read shared by identical contexts). */
function applyList(store: ClusterStore, spec: ResourceSpec, r: Listed, shared = false): ListOutcome {
  if (!r.ok) {
    const clusterWide = isClusterWide(r.fault);
    if (!clusterWide) store.resourceFaults.set(spec.id, { what: spec.what, fault: r.fault });
    return { ok: false, fault: r.fault, clusterWide };
  }
  if (shared) store.replaceShared(spec.id, r.value.items);
  else store.replace(spec.id, r.value.items);
  if (r.value.truncated) store.truncated.add(spec.id);
  else store.truncated.delete(spec.id);
  return { ok: true, ...(r.value.resourceVersion ? { resourceVersion: r.value.resourceVersion } : {}) };
}

/** After every collection was tried: no MCS API, or nothing readable, is a state of the whole cluster. */
export function judgeCluster(store: ClusterStore, specs: ResourceSpec[]): void {
  if (store.fault) return;
  if (!store.served.read) {
    store.fault = {
      kind: 'crdMissing',
      message:
        'no MCS API served: neither multicluster.x-k8s.io (ServiceExport/ServiceImport CRDs) nor net.gke.io is installed in this cluster',
    };
    return;
  }
  const mcs = specs.filter((s) => s.id === 'exports' || s.id === 'imports');
  const refused = mcs.map((s) => store.resourceFaults.get(s.id)).filter((f) => !!f);
  if (refused.length === mcs.length && refused[0]) {
    const f = refused[0].fault;
    store.fault = {
      kind: f.kind,
      message:
        f.kind === 'forbidden'
          ? `forbidden: this context may not read ServiceExports or ServiceImports (${f.message.replace(/^forbidden: /, '')})`
          : f.message,
    };
  }
}

/** What a one-shot read of a cluster answered, before it is applied to a store (shared by identical contexts). */
export interface ClusterRead {
  server: string;
  served: Result<Served>;
  namespaces: Listed;
  /** Present when discovery answered: the implementation probes and the collections, in `specs` order. */
  rest?: { detection: Detection; specs: ResourceSpec[]; lists: Listed[] };
}

/**
 * The one-shot read of a member: everything, under the access's deadline, in two round trips. First
 * discovery and the Namespace list (both needed whatever the cluster serves); then the collections and the
 * implementation probes at once, the probes only in namespaces that exist (a Deployment in a namespace
 * the list does not have is a certain 404: on the testbed 4 of 6 probes, a third of a read's requests).
 * Never rejects on a cluster's answer (faults are in the result).
 */
export async function fetchClusterRead(a: ClusterAccess): Promise<ClusterRead> {
  const nsSpec = namespacesSpec();
  const [served, namespaces] = await Promise.all([readServed(a), fetchList(a, nsSpec)]);
  if (!served.ok) return { server: a.server, served, namespaces };
  const specs = resourcesFor(served.value);
  const [detection, lists] = await Promise.all([
    detectImplementation(a, existingNamespaces(namespaces)),
    Promise.all(specs.map((s) => (s.id === 'namespaces' ? namespaces : fetchList(a, s)))),
  ]);
  return { server: a.server, served, namespaces, rest: { detection, specs, lists } };
}

/**
 * A read's answers into a member's store, in the order of the live watcher's probe-then-list, so faults
 * take the same precedence. The read may be shared with other members: nothing of it is changed here.
 */
export function applyClusterRead(store: ClusterStore, read: ClusterRead): void {
  store.server = read.server;
  const { served, rest } = read;
  if (!judgeProbe(store, served, undefined) || !served.ok || !rest) return;
  // judgeProbe completes a GKE detection in place: this store gets its own copy.
  if (!judgeProbe(store, served, { ...rest.detection })) return;
  const outcomes = rest.specs.map((s, i) => applyList(store, s, rest.lists[i] ?? read.namespaces, true));
  for (const o of outcomes) if (!o.ok && o.clusterWide) store.fault ??= o.fault;
  judgeCluster(store, rest.specs);
  store.readAt = new Date().toISOString();
}

/** The namespace names of a complete list, else undefined (probe everywhere, as without the list). */
function existingNamespaces(r: Listed): ReadonlySet<string> | undefined {
  if (!r.ok || r.value.truncated) return undefined;
  const names = new Set<string>();
  for (const item of r.value.items) {
    const m = metaOf(item);
    if (m) names.add(m.name);
  }
  return names;
}
