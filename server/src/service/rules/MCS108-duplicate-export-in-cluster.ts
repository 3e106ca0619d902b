// MCS108: one ServiceExport per Service per cluster (KEP-1645: the export is named after the Service): two
// documents with the same namespace/name in one cluster are the same object, so the last one applied replaces
// the other. "One cluster" only where the workspace says so: the same mapped cluster (ClusterSet or project
// config paths, `clusters/<name>/` folders), or the same file (`kubectl apply -f` sends a file to one context).
// Two files of one folder are often applied to two clusters, so a folder alone is no evidence.
import { selfIn } from '../model/exportedServices';
import type { IndexedObject } from '../workspaceIndex';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs108: Rule = {
  id: 'MCS108',
  title: 'Duplicate ServiceExport in one cluster',
  severity: 'error',
  kinds: ['ServiceExport'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const self = selfIn(ctx.index, ctx.uri, ctx.docIndex);
    if (!self?.name) return [];
    const dups = ctx.index.find('ServiceExport', self.namespace, self.name).filter((o) => o !== self && sameCluster(o, self));
    if (dups.length === 0) return [];
    const where = self.cluster
      ? `cluster ${self.cluster} (${self.clusterSource ?? 'its folder'})`
      : 'this file (a file is applied to one cluster; map paths to clusters in .clusterset.yaml or the ClusterSet file to compare files)';
    return [
      {
        ruleId: 'MCS108',
        message: `Another ServiceExport ${self.namespace ? `${self.namespace}/` : ''}${self.name} exists in ${where}: both documents are the same object, so whichever is applied last replaces the other (its exportedLabels/annotations included). Keep one.`,
        path: ['metadata', 'name'],
        related: dups.map((d) => ({
          uri: d.uri,
          docIndex: d.docIndex,
          path: ['metadata', 'name'],
          message: 'The other ServiceExport',
        })),
      },
    ];
  },
};

/** Same mapped cluster; files no mapping places count as one cluster only within the same file. */
function sameCluster(a: IndexedObject, b: IndexedObject): boolean {
  if (a.cluster !== undefined || b.cluster !== undefined) return a.cluster === b.cluster;
  return a.uri === b.uri;
}
