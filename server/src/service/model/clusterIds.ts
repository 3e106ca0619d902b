// Cluster ids the workspace declares: the ClusterSet file's `spec.clusters[].name` and the values of
// `cluster.clusterset.k8s.io` ClusterProperty objects.
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
  const out: DeclaredCluster[] = [];
  for (const o of index.ofKind('ClusterProperty')) {
    if (o.name !== CLUSTER_ID_PROPERTY) continue;
    const id = stringAt(o.doc.root, ['spec', 'value']);
    if (id) out.push({ id, source: o, path: ['spec', 'value'] });
  }
  return out;
}

/** Every cluster id the workspace knows of (empty when it declares none). */
export function knownClusterIds(index: WorkspaceIndex): Set<string> {
  return new Set([...clusterSetClusters(index), ...clusterIdProperties(index)].map((c) => c.id));
}
