// MCS607: the AWS Cloud Map MCS controller needs both ClusterProperty objects (cluster.clusterset.k8s.io
// and clusterset.k8s.io) in every cluster and fails with "ClusterProperty not found" without them
// (facts §8.5; aws/aws-cloud-map-mcs-controller-for-k8s#315). Checked per cluster folder.
import { CLUSTER_ID_PROPERTY, CLUSTERSET_ID_PROPERTY } from '../model/clusterIds';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs607: Rule = {
  id: 'MCS607',
  title: 'AWS profile without ClusterProperty objects',
  severity: 'warning',
  kinds: ['ServiceExport'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    if (ctx.settings.implementation !== 'aws') return [];
    const cluster = ctx.index.clusterOf(ctx.uri);
    if (!cluster) return [];
    const present = new Set<string>();
    for (const o of ctx.index.ofKind('ClusterProperty')) if (o.cluster === cluster && o.name) present.add(o.name);
    const missing = [CLUSTER_ID_PROPERTY, CLUSTERSET_ID_PROPERTY].filter((n) => !present.has(n));
    if (!missing.length) return [];
    const clustersetName = [...ctx.index.ofKind('ClusterSet')][0]?.name ?? 'my-clusterset';
    const folder = folderOf(ctx.uri, cluster);
    return [
      {
        ruleId: 'MCS607',
        message: `Cluster ${cluster} has no ClusterProperty ${missing.join(' or ')}: the AWS Cloud Map MCS controller logs "ClusterProperty not found" and exports nothing from this cluster. Add about.k8s.io ClusterProperty objects for ${missing.join(' and ')} to clusters/${cluster}/.`,
        path: ['kind'],
        target: 'key',
        fixes: folder
          ? [
              {
                title: `Create ClusterProperty objects for cluster ${cluster}`,
                edits: [],
                newFile: { uri: `${folder}cluster-properties.yaml`, text: skeleton(missing, cluster, clustersetName) },
              },
            ]
          : undefined,
      },
    ];
  },
};

/** `file:///…/clusters/east/` for a file under it. */
function folderOf(uri: string, cluster: string): string | undefined {
  const m = new RegExp(`^(.*?/(?:clusters|overlays|cluster)/${cluster.replace(/[.]/g, '\\.')}/)`, 'i').exec(uri);
  return m?.[1];
}

function skeleton(missing: string[], cluster: string, clustersetName: string): string {
  return missing
    .map(
      (name) =>
        `apiVersion: about.k8s.io/v1alpha1\nkind: ClusterProperty\nmetadata:\n  name: ${name}\nspec:\n  value: ${name === CLUSTER_ID_PROPERTY ? cluster : clustersetName}\n`,
    )
    .join('---\n');
}
