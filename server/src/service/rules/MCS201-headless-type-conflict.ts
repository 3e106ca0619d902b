// MCS201: headless in one exporting cluster and ClusterIP in another is a TypeConflict; the oldest export
// decides whether the import is ClusterSetIP or Headless (facts §4; Submariner refuses the later export).
import { conflictOutcome, conflictScope, displayName, relatedAt } from '../model/conflicts';
import { fieldOrName, isHeadless } from '../model/service';
import type { Finding, Rule, RuleContext } from './rule';

const CLUSTER_IP: readonly string[] = ['spec', 'clusterIP'];

export const mcs201: Rule = {
  id: 'MCS201',
  title: 'Headless in one cluster, ClusterIP in another',
  severity: 'warning',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const scope = conflictScope(ctx, 'service');
    if (!scope) return [];
    const mine = isHeadless(ctx.doc.root);
    const differing = scope.peers.filter((p) => isHeadless(p.obj.doc.root) !== mine);
    if (differing.length === 0) return [];
    const kind = (h: boolean) => (h ? 'headless' : 'ClusterIP');
    const clusters = differing.map((p) => p.cluster).join(', ');
    const submariner =
      ctx.settings.implementation === 'submariner'
        ? ' Submariner refuses the later export instead (Ready=False ExportFailed).'
        : '';
    return [
      {
        ruleId: 'MCS201',
        message: `Service ${displayName(scope.self)} is ${kind(mine)} in cluster ${scope.cluster} but ${kind(!mine)} in cluster ${clusters}: ${conflictOutcome('TypeConflict')} (a clusterset IP or per-Pod DNS records).${submariner} Make it headless (clusterIP: None) in every exporting cluster or in none.`,
        path: fieldOrName(ctx.doc.root, CLUSTER_IP),
        related: differing.map((p) => relatedAt(p, fieldOrName(p.obj.doc.root, CLUSTER_IP), `${kind(!mine)} Service`)),
      },
    ];
  },
};
