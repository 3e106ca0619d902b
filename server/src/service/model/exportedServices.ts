// Which Service a ServiceExport exports, and which clusters export a given namespace/name.
// An export maps to the Service of the same namespace and name in the same cluster (facts §2).
// Files outside a cluster folder (cluster undefined: a flat workspace or a shared base) are treated as
// applying to every cluster, so they match objects of any cluster: a false "no Service" warning on a
// kustomize base is worse than a missed one.
import type { IndexedObject, WorkspaceIndex } from '../workspaceIndex';

/** Lowercase DNS-label characters: for these, code-unit order is localeCompare's (ICU root) order. */
const LABEL_CHARS = /^[a-z0-9-]*$/;

/**
 * `a.localeCompare(b)`, by code units where that gives the same order (DNS-label names, checked against
 * localeCompare on random strings): the first localeCompare of a run loads ICU's collation data (~5 ms).
 */
export function compareClusterNames(a: string, b: string): number {
  if (LABEL_CHARS.test(a) && LABEL_CHARS.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

export function clustersMatch(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** Services an export refers to: same namespace and name, matching cluster; own-cluster ones first. */
export function servicesForExport(
  index: WorkspaceIndex,
  exp: { namespace: string | undefined; name: string | undefined; cluster: string | undefined },
): IndexedObject[] {
  const found = index.find('Service', exp.namespace, exp.name).filter((s) => clustersMatch(s.cluster, exp.cluster));
  return found.sort((a, b) => rank(a.cluster, exp.cluster) - rank(b.cluster, exp.cluster));
}

function rank(objectCluster: string | undefined, wanted: string | undefined): number {
  return objectCluster === wanted ? 0 : 1;
}

/** ServiceExports that export this Service (same namespace and name, matching cluster). */
export function exportsForService(index: WorkspaceIndex, svc: IndexedObject): IndexedObject[] {
  return index.find('ServiceExport', svc.namespace, svc.name).filter((e) => clustersMatch(e.cluster, svc.cluster));
}

export function isExported(index: WorkspaceIndex, svc: IndexedObject): boolean {
  return exportsForService(index, svc).length > 0;
}

/** One exporting cluster: its ServiceExport and the Service behind it (when the workspace has it). */
export interface ExportingCluster {
  readonly cluster: string;
  readonly export: IndexedObject;
  readonly service: IndexedObject | undefined;
}

/**
 * Clusters (from cluster folders) that export namespace/name, in name order. Only named clusters take
 * part: a conflict needs two different clusters, and a clusterless file cannot be told apart from them.
 */
export function exportingClusters(
  index: WorkspaceIndex,
  namespace: string | undefined,
  name: string | undefined,
): readonly ExportingCluster[] {
  // Asked by each conflict rule of each exporting Service and ServiceExport: once per revision is enough.
  // (An unset namespace and `default` are one key, and one answer: the index's find treats them alike.)
  return index.memo('exportingClusters', 'ServiceExport', namespace, name, () =>
    computeExportingClusters(index, namespace, name),
  );
}

function computeExportingClusters(
  index: WorkspaceIndex,
  namespace: string | undefined,
  name: string | undefined,
): ExportingCluster[] {
  const byCluster = new Map<string, ExportingCluster>();
  for (const exp of index.find('ServiceExport', namespace, name)) {
    if (exp.cluster === undefined || byCluster.has(exp.cluster)) continue;
    byCluster.set(exp.cluster, { cluster: exp.cluster, export: exp, service: servicesForExport(index, exp)[0] });
  }
  const clusters = [...byCluster.values()];
  // Most names are exported from one cluster: nothing to sort (and no comparator to call).
  return clusters.length > 1 ? clusters.sort((a, b) => compareClusterNames(a.cluster, b.cluster)) : clusters;
}

/** The IndexedObject for the document being checked. */
export function selfIn(index: WorkspaceIndex, uri: string, docIndex: number): IndexedObject | undefined {
  return index.objectAt(uri, docIndex);
}

/** The other exporting clusters of the object being checked, when it takes part in an export from its own cluster. */
export function peersOf(
  index: WorkspaceIndex,
  self: IndexedObject,
  role: 'service' | 'export',
): { own: ExportingCluster; others: ExportingCluster[] } | undefined {
  if (self.cluster === undefined) return undefined;
  const all = exportingClusters(index, self.namespace, self.name);
  const own = all.find((c) => c.cluster === self.cluster);
  if (!own || (role === 'service' ? own.service !== self : own.export !== self)) return undefined;
  const others = all.filter((c) => c !== own);
  return others.length ? { own, others } : undefined;
}
