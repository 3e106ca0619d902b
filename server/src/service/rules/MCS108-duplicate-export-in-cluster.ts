// MCS108: one ServiceExport per Service per cluster (facts §2): two documents with the same namespace/name
// in one cluster are the same object, so the last one applied silently replaces the other.
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
    const where = self.cluster ? `cluster ${self.cluster}` : 'this folder';
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

/** Same named cluster; files outside cluster folders count as one cluster only within the same folder. */
function sameCluster(a: IndexedObject, b: IndexedObject): boolean {
  if (a.cluster !== undefined || b.cluster !== undefined) return a.cluster === b.cluster;
  return folderOf(a.uri) === folderOf(b.uri);
}

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}
