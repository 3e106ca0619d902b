// Builds what every check sees (CheckContext) from the snapshot, the members and the ClusterSet file:
// which clusters export and which consume the service, the profile per cluster, lookups by cluster.
import type { ClustersetSnapshot, McsImplementation, ServiceKey } from '../inventory/snapshot';
import type { CheckContext, CheckId, Outcome, Prober, RunbookMember } from './check';
import type { RunbookClusterSet } from './clusterSetFile';

export interface ContextInput {
  service: ServiceKey;
  members: RunbookMember[];
  snapshot: ClustersetSnapshot;
  clusterSet?: RunbookClusterSet;
  /** Explicit profile (flag or setting); else the ClusterSet file; else detection. */
  implementation?: McsImplementation;
  prober?: Prober;
  now?: Date;
}

/** The clusterset's profile: explicit, else the file, else the most common detected non-generic one. */
export function resolveImplementation(input: ContextInput): McsImplementation {
  if (input.implementation) return input.implementation;
  if (input.clusterSet?.implementation) return input.clusterSet.implementation;
  const counts = new Map<McsImplementation, number>();
  for (const c of input.snapshot.clusters)
    if (c.reachable && c.implementation !== 'generic') counts.set(c.implementation, (counts.get(c.implementation) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best?.[0] ?? 'generic';
}

export function buildContext(input: ContextInput, outcomes: Map<CheckId, Outcome[]>): CheckContext {
  const { service, snapshot, members } = input;
  const same = (o: { ref: { namespace?: string; name: string } }) =>
    o.ref.namespace === service.namespace && o.ref.name === service.name;
  const exports = snapshot.exports.filter(same);
  const imports = snapshot.imports.filter(same);
  const slices = snapshot.endpointSlices.filter((s) => s.ref.namespace === service.namespace && s.serviceName === service.name);
  const names = members.map((m) => m.name);
  const exporters = names.filter((n) => exports.some((e) => e.ref.cluster === n));
  const entry = input.clusterSet?.services.find((s) => s.name === service.name && s.namespace === service.namespace);
  const declared = entry?.consumers.length ? entry.consumers.filter((c) => names.includes(c)) : undefined;
  const consumers = declared ? names.filter((n) => declared.includes(n) || exporters.includes(n)) : names;
  const implementation = resolveImplementation(input);
  const state = (cluster: string) => snapshot.clusters.find((c) => c.name === cluster);
  return {
    service,
    serviceRef: `${service.namespace}/${service.name}`,
    implementation,
    members,
    snapshot,
    ...(input.clusterSet ? { clusterSet: input.clusterSet } : {}),
    exporters,
    consumers,
    now: input.now ?? new Date(),
    state,
    // A profile the user stated (flag, setting, ClusterSet file) wins; else each cluster's detected one.
    implementationOf: (cluster) => {
      if (input.implementation || input.clusterSet?.implementation) return implementation;
      const detected = state(cluster)?.implementation;
      return detected && detected !== 'generic' ? detected : implementation;
    },
    exportIn: (cluster) => exports.find((e) => e.ref.cluster === cluster),
    importIn: (cluster) => imports.find((i) => i.ref.cluster === cluster),
    slicesIn: (cluster) => slices.filter((s) => s.ref.cluster === cluster),
    clusterIdOf: (cluster) => state(cluster)?.clusterId ?? cluster,
    outcomesOf: (id) => outcomes.get(id) ?? [],
    ...(input.prober ? { prober: input.prober } : {}),
  };
}
