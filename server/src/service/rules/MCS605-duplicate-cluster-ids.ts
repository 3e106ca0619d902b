// MCS605: cluster ids must be unique within a clusterset, and every member must report the same clusterset
// id (KEP-2149, facts §7). Compared across cluster folders (clusters/<name>/…) and the ClusterSet file.
import { CLUSTER_ID_PROPERTY, CLUSTERSET_ID_PROPERTY, clusterIdProperties, clusterSetClusters } from '../model/clusterIds';
import { stringAt } from '../parse/path';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { Finding, RelatedLocation, Rule, RuleContext } from './rule';

export const mcs605: Rule = {
  id: 'MCS605',
  title: 'Duplicate cluster ids / inconsistent clusterset id',
  severity: 'error',
  kinds: ['ClusterProperty'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const name = stringAt(ctx.doc.root, ['metadata', 'name']);
    const value = stringAt(ctx.doc.root, ['spec', 'value']);
    const cluster = ctx.index.clusterOf(ctx.uri);
    if (!value || !cluster) return [];
    if (name === CLUSTER_ID_PROPERTY) return duplicateClusterId(ctx.index, cluster, value);
    if (name === CLUSTERSET_ID_PROPERTY) return inconsistentClustersetId(ctx.index, cluster, value);
    return [];
  },
};

function duplicateClusterId(index: WorkspaceIndex, cluster: string, id: string): Finding[] {
  const related: RelatedLocation[] = [];
  const owners = new Set<string>();
  for (const other of clusterIdProperties(index)) {
    const otherCluster = other.source.cluster;
    if (other.id !== id || !otherCluster || otherCluster === cluster) continue;
    owners.add(otherCluster);
    related.push({
      uri: other.source.uri,
      docIndex: other.source.docIndex,
      path: other.path,
      message: `cluster ${otherCluster} also uses cluster id ${id}`,
    });
  }
  // The ClusterSet file names each cluster by its id: claiming another member's name is a duplicate too.
  const declared = clusterSetClusters(index);
  if (declared.some((c) => c.id === cluster)) {
    for (const c of declared) {
      if (c.id !== id || c.id === cluster || owners.has(c.id)) continue;
      owners.add(c.id);
      related.push({
        uri: c.source.uri,
        docIndex: c.source.docIndex,
        path: c.path,
        message: `the ClusterSet file declares cluster ${c.id}`,
      });
    }
  }
  if (!related.length) return [];
  return [
    {
      ruleId: 'MCS605',
      message: `Cluster id "${id}" of cluster ${cluster} is also the id of ${[...owners].sort().join(', ')}: cluster ids must be unique in a clusterset, otherwise EndpointSlices and DNS records of both clusters carry the same source-cluster and overwrite each other. Give cluster ${cluster} its own id (e.g. ${cluster}).`,
      path: ['spec', 'value'],
      related,
    },
  ];
}

function inconsistentClustersetId(index: WorkspaceIndex, cluster: string, value: string): Finding[] {
  const clusterSet = [...index.ofKind('ClusterSet')][0];
  if (clusterSet?.name !== undefined && clusterSet.name !== value) {
    return [
      {
        ruleId: 'MCS605',
        severity: 'warning',
        message: `Clusterset id "${value}" of cluster ${cluster} differs from the ClusterSet file's name "${clusterSet.name}": members of one clusterset must report the same ${CLUSTERSET_ID_PROPERTY}, or controllers treat them as different clustersets. Use "${clusterSet.name}".`,
        path: ['spec', 'value'],
        related: [
          {
            uri: clusterSet.uri,
            docIndex: clusterSet.docIndex,
            path: ['metadata', 'name'],
            message: `the ClusterSet is named ${clusterSet.name}`,
          },
        ],
        fixes: [
          {
            title: `Change the clusterset id to ${clusterSet.name}`,
            edits: [{ op: 'replaceValue', path: ['spec', 'value'], text: clusterSet.name }],
          },
        ],
      },
    ];
  }
  const related: RelatedLocation[] = [];
  for (const o of index.ofKind('ClusterProperty')) {
    if (o.name !== CLUSTERSET_ID_PROPERTY || !o.cluster || o.cluster === cluster) continue;
    const other = stringAt(o.doc.root, ['spec', 'value']);
    if (other && other !== value)
      related.push({
        uri: o.uri,
        docIndex: o.docIndex,
        path: ['spec', 'value'],
        message: `cluster ${o.cluster} reports clusterset id ${other}`,
      });
  }
  if (!related.length) return [];
  return [
    {
      ruleId: 'MCS605',
      severity: 'warning',
      message: `Clusterset id "${value}" of cluster ${cluster} differs from other clusters' ${CLUSTERSET_ID_PROPERTY}: members of one clusterset must report the same value, or controllers treat them as different clustersets. Use one value everywhere.`,
      path: ['spec', 'value'],
      related,
    },
  ];
}
