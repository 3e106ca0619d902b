// What the workspace says about clusters: their ids (ClusterProperty cluster.clusterset.k8s.io in a
// cluster folder, or the ClusterSet file's spec.clusters[].name) and their Service CIDR families.
import { asSeq, nodeAt, stringAt } from '../parse/path';
import type { YNode } from '../parse/yamlTree';
import type { WorkspaceIndex } from '../workspaceIndex';

export const CLUSTER_ID_PROPERTY = 'cluster.clusterset.k8s.io';

function clusterSetEntries(index: WorkspaceIndex): YNode[] {
  const out: YNode[] = [];
  for (const o of index.ofKind('ClusterSet')) out.push(...(asSeq(nodeAt(o.doc.root, ['spec', 'clusters']))?.items ?? []));
  return out;
}

/** The cluster id of a cluster folder: its ClusterProperty value when the folder has one, else the folder name. */
export function clusterIdOf(index: WorkspaceIndex, cluster: string): string {
  for (const p of index.find('ClusterProperty', undefined, CLUSTER_ID_PROPERTY)) {
    const value = stringAt(p.doc.root, ['spec', 'value']);
    if (p.cluster === cluster && value) return value;
  }
  return cluster;
}

/** Every cluster id the workspace mentions (ClusterProperty values and ClusterSet cluster names). */
export function knownClusterIds(index: WorkspaceIndex): string[] {
  const ids = new Set<string>();
  for (const p of index.find('ClusterProperty', undefined, CLUSTER_ID_PROPERTY)) {
    const value = stringAt(p.doc.root, ['spec', 'value']);
    if (value) ids.add(value);
  }
  for (const c of clusterSetEntries(index)) {
    const name = stringAt(c, ['name']);
    if (name) ids.add(name);
  }
  return [...ids];
}

/** IP families of a cluster's Service CIDRs in the ClusterSet file, primary first; empty when unknown. */
export function serviceCidrFamilies(index: WorkspaceIndex, cluster: string): string[] {
  for (const c of clusterSetEntries(index)) {
    if (stringAt(c, ['name']) !== cluster) continue;
    const cidrs = asSeq(nodeAt(c, ['serviceCIDRs']))?.items ?? [];
    const families = cidrs.map((i) => stringAt(i, []) ?? '').filter((s) => s !== '').map((s) => (s.includes(':') ? 'IPv6' : 'IPv4'));
    return [...new Set(families)];
  }
  return [];
}
