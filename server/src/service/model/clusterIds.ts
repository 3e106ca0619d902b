// What the workspace says about clusters: the ids it declares (the ClusterSet file's
// `spec.clusters[].name` and the values of `cluster.clusterset.k8s.io` ClusterProperty objects), with where
// they are declared, and the IP families of each cluster's Service CIDRs in the ClusterSet file.
import { asSeq, nodeAt, stringAt } from '../parse/path';
import type { IndexedObject, WorkspaceIndex } from '../workspaceIndex';

export const CLUSTER_ID_PROPERTY = 'cluster.clusterset.k8s.io';
export const CLUSTERSET_ID_PROPERTY = 'clusterset.k8s.io';
export const LEGACY_CLUSTER_ID_PROPERTY = 'id.k8s.io';

export interface DeclaredCluster {
  id: string;
  source: IndexedObject;
  /** Path of the id inside `source`. */
  path: Array<string | number>;
}

export function clusterSetClusters(index: WorkspaceIndex): DeclaredCluster[] {
  const out: DeclaredCluster[] = [];
  for (const o of index.ofKind('ClusterSet')) {
    asSeq(nodeAt(o.doc.root, ['spec', 'clusters']))?.items.forEach((_, i) => {
      const id = stringAt(o.doc.root, ['spec', 'clusters', i, 'name']);
      if (id) out.push({ id, source: o, path: ['spec', 'clusters', i, 'name'] });
    });
  }
  return out;
}

export function clusterIdProperties(index: WorkspaceIndex): DeclaredCluster[] {
  return declaredBy([...index.ofKind('ClusterProperty')].filter((o) => o.name === CLUSTER_ID_PROPERTY));
}

/** Every cluster id the workspace knows of (empty when it declares none). */
export function knownClusterIds(index: WorkspaceIndex): Set<string> {
  return new Set([...clusterSetClusters(index), ...clusterIdProperties(index)].map((c) => c.id));
}

/**
 * The id properties without metadata.namespace, looked up by key (MCS303 reads only these; the other
 * rules accept a namespaced ClusterProperty too, which MCS007 flags).
 */
export function unnamespacedClusterIdProperties(index: WorkspaceIndex): DeclaredCluster[] {
  return declaredBy(index.find('ClusterProperty', undefined, CLUSTER_ID_PROPERTY));
}

function declaredBy(properties: readonly IndexedObject[]): DeclaredCluster[] {
  const out: DeclaredCluster[] = [];
  for (const o of properties) {
    const id = stringAt(o.doc.root, ['spec', 'value']);
    if (id) out.push({ id, source: o, path: ['spec', 'value'] });
  }
  return out;
}

/** The cluster id of a cluster folder: its ClusterProperty value when the folder has one, else the folder name. */
export function clusterIdOf(index: WorkspaceIndex, cluster: string): string {
  return unnamespacedClusterIdProperties(index).find((p) => p.source.cluster === cluster)?.id ?? cluster;
}

/** IP families of a cluster's Service CIDRs in the ClusterSet file, primary first; empty when unknown. */
export function serviceCidrFamilies(index: WorkspaceIndex, cluster: string): string[] {
  for (const o of index.ofKind('ClusterSet')) {
    for (const c of asSeq(nodeAt(o.doc.root, ['spec', 'clusters']))?.items ?? []) {
      if (stringAt(c, ['name']) !== cluster) continue;
      const cidrs = asSeq(nodeAt(c, ['serviceCIDRs']))?.items ?? [];
      const families = cidrs
        .map((i) => stringAt(i, []) ?? '')
        .filter((s) => s !== '')
        .map((s) => (s.includes(':') ? 'IPv6' : 'IPv4'));
      return [...new Set(families)];
    }
  }
  return [];
}
