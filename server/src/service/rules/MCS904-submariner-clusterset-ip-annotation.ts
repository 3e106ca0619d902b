// MCS904: Submariner's lighthouse.submariner.io/use-clusterset-ip takes "true"/"false"; exports of one
// service that disagree make Lighthouse report ConflictingClusterSetIPEnablement (facts §2, §8.2).
// Only explicit values are compared: the default comes from the Submariner CR (clustersetIPEnabled).
import { stringAt } from '../parse/path';
import { clusterOfUri } from '../workspaceIndex';
import type { Finding, Rule, RuleContext } from './rule';

const ANNOTATION = 'lighthouse.submariner.io/use-clusterset-ip';

export const mcs904: Rule = {
  id: 'MCS904',
  title: 'Submariner clusterset-IP annotation value',
  severity: 'warning',
  kinds: ['ServiceExport'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const path = ['metadata', 'annotations', ANNOTATION];
    const value = stringAt(ctx.doc.root, path);
    if (value === undefined) return [];
    if (value !== 'true' && value !== 'false') {
      return [
        {
          ruleId: 'MCS904',
          path,
          message: `${ANNOTATION} "${value}" is not "true" or "false": Lighthouse treats it as false and DNS returns per-cluster ClusterIPs instead of a clusterset IP. Use "true" or "false".`,
        },
      ];
    }
    const cluster = clusterOfUri(ctx.uri);
    if (!cluster) return [];
    const name = stringAt(ctx.doc.root, ['metadata', 'name']);
    const ns = stringAt(ctx.doc.root, ['metadata', 'namespace']);
    const others = ctx.index.find('ServiceExport', ns, name).filter((o) => o.cluster && o.cluster !== cluster);
    const differing = others.filter((o) => {
      const v = stringAt(o.doc.root, path);
      return (v === 'true' || v === 'false') && v !== value;
    });
    if (!differing.length) return [];
    return [
      {
        ruleId: 'MCS904',
        path,
        message: `${ANNOTATION} is "${value}" here but differs in ${differing.map((o) => o.cluster).join(', ')}: Lighthouse reports ConflictingClusterSetIPEnablement and the oldest export decides whether ${ns}/${name} gets a clusterset IP. Use the same value in every cluster.`,
        related: differing.map((o) => ({
          uri: o.uri,
          docIndex: o.docIndex,
          path,
          message: `${o.cluster}: ${stringAt(o.doc.root, path)}`,
        })),
      },
    ];
  },
};
