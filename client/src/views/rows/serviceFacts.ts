// Per service and cluster: what the snapshot says (the export and its conditions, the import, the
// endpoints per source cluster), and the one-line summaries the service rows and tooltips print.
import type {
  ClusterState,
  ClustersetSnapshot,
  Condition,
  EndpointSliceState,
  ExportState,
  ImportState,
  ServiceKey,
} from '../../../../clusters/src/inventory/snapshot';

export interface ServiceInCluster {
  cluster: string;
  export?: ExportState;
  import?: ImportState;
  /** MCS EndpointSlices of this service in this cluster. */
  slices: EndpointSliceState[];
}

type Index = (key: ServiceKey) => ServiceInCluster[];
/** One index per snapshot (snapshots are immutable), built on the first expanded service. */
const indexes = new WeakMap<ClustersetSnapshot, Index>();

/** Every cluster of the snapshot that has anything of this service, in snapshot cluster order. */
export function serviceInClusters(snapshot: ClustersetSnapshot, key: ServiceKey): ServiceInCluster[] {
  let index = indexes.get(snapshot);
  if (!index) indexes.set(snapshot, (index = serviceIndex(snapshot)));
  return index(key);
}

/**
 * `serviceInClusters` for every service of one snapshot from a single pass over its objects: a scan of
 * every object per service made 10,000 objects cost seconds.
 */
export function serviceIndex(snapshot: ClustersetSnapshot): (key: ServiceKey) => ServiceInCluster[] {
  const services = new Map<string, Map<string, ServiceInCluster>>();
  const at = (ns: string | undefined, name: string | undefined, cluster: string): ServiceInCluster => {
    const id = `${ns ?? ''}/${name ?? ''}`;
    let by = services.get(id);
    if (!by) services.set(id, (by = new Map()));
    let v = by.get(cluster);
    if (!v) by.set(cluster, (v = { cluster, slices: [] }));
    return v;
  };
  for (const e of snapshot.exports) at(e.ref.namespace, e.ref.name, e.ref.cluster).export = e;
  for (const i of snapshot.imports) at(i.ref.namespace, i.ref.name, i.ref.cluster).import = i;
  // An MCS slice belongs to its `service-name` label's service (the slice's own name is generated).
  for (const s of snapshot.endpointSlices)
    if (s.serviceName !== undefined) at(s.ref.namespace, s.serviceName, s.ref.cluster).slices.push(s);
  const order = new Map(snapshot.clusters.map((c, i) => [c.name, i]));
  return (key) =>
    [...(services.get(`${key.namespace}/${key.name}`)?.values() ?? [])].sort(
      (a, b) => (order.get(a.cluster) ?? 1e9) - (order.get(b.cluster) ?? 1e9) || a.cluster.localeCompare(b.cluster),
    );
}

const condition = (cs: Condition[], type: string) => cs.find((c) => c.type === type);

/**
 * The export's conditions as one line: `Valid, Ready` when all is well; a False/Unknown condition with its
 * reason (`Valid=False (ServiceNotFound)`); `Conflict (PortConflict)` when Conflict is True. Conditions
 * other than these three are left to the tooltip.
 */
export function conditionSummary(conditions: Condition[]): { text: string; problem: boolean } {
  if (conditions.length === 0) return { text: 'no conditions yet (no controller has seen it?)', problem: true };
  const parts: string[] = [];
  let problem = false;
  for (const type of ['Valid', 'Ready']) {
    const c = condition(conditions, type);
    if (!c) continue;
    if (c.status === 'True') parts.push(type);
    else {
      problem = true;
      parts.push(`${type}=${c.status}${c.reason ? ` (${c.reason})` : ''}`);
    }
  }
  const conflict = condition(conditions, 'Conflict');
  if (conflict?.status === 'True') {
    problem = true;
    parts.push(`Conflict${conflict.reason ? ` (${conflict.reason})` : ''}`);
  } else if (conflict?.status === 'Unknown') parts.push('Conflict=Unknown');
  if (parts.length === 0) parts.push(conditions.map((c) => `${c.type}=${c.status}`).join(', '));
  return { text: parts.join(', '), problem };
}

export function portsText(ports: ImportState['ports']): string {
  if (ports.length === 0) return 'no ports';
  return ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol}`).join(', ');
}

/** `ClusterSetIP 10.42.0.20 · http 80/TCP` */
export function importSummary(i: ImportState): string {
  const type = i.type ?? 'no type';
  const ips = i.ips.length ? ` ${i.ips.join(', ')}` : type === 'ClusterSetIP' ? ' (no IP yet)' : '';
  return `${type}${ips} · ${portsText(i.ports)}`;
}

/** Ready/total endpoints per source cluster of the slices (a slice without the label counts as `?`). */
export function endpointsBySource(slices: EndpointSliceState[]): Array<{ source: string; ready: number; total: number }> {
  const by = new Map<string, { source: string; ready: number; total: number }>();
  for (const s of slices) {
    const source = s.sourceCluster ?? '?';
    const v = by.get(source) ?? { source, ready: 0, total: 0 };
    v.ready += s.ready;
    v.total += s.total;
    by.set(source, v);
  }
  return [...by.values()].sort((a, b) => a.source.localeCompare(b.source));
}

/** `from east 2/2, west 0/1 ready` */
export function endpointsSummary(slices: EndpointSliceState[]): string {
  const parts = endpointsBySource(slices).map((e) => `${e.source} ${e.ready}/${e.total}`);
  return parts.length ? `endpoints from ${parts.join(', ')} ready` : 'no MCS EndpointSlices';
}

const clusterMaps = new WeakMap<ClustersetSnapshot, Map<string, ClusterState>>();

/** The member of the snapshot by name (one Map per snapshot, not a scan per row). */
export function clusterOf(snapshot: ClustersetSnapshot, name: string): ClusterState | undefined {
  let by = clusterMaps.get(snapshot);
  if (!by) clusterMaps.set(snapshot, (by = new Map(snapshot.clusters.map((c) => [c.name, c]))));
  return by.get(name);
}
