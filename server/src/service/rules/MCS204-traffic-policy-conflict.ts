// MCS204: internalTrafficPolicy and trafficDistribution are global properties of the import
// (InternalTrafficPolicyConflict / TrafficDistributionConflict, oldest export wins; facts §4, §9).
import { conflictOutcome, conflictScope, displayName, relatedAt } from '../model/conflicts';
import { fieldOrName, internalTrafficPolicy, trafficDistribution } from '../model/service';
import type { YNode } from '../parse/yamlTree';
import type { Finding, Rule, RuleContext } from './rule';

const FIELDS = [
  { field: 'internalTrafficPolicy', reason: 'InternalTrafficPolicyConflict', read: (r: YNode | null) => internalTrafficPolicy(r) },
  { field: 'trafficDistribution', reason: 'TrafficDistributionConflict', read: (r: YNode | null) => trafficDistribution(r) ?? 'unset' },
] as const;

export const mcs204: Rule = {
  id: 'MCS204',
  title: 'internalTrafficPolicy or trafficDistribution differs between clusters',
  severity: 'warning',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const scope = conflictScope(ctx, 'service');
    if (!scope) return [];
    const findings: Finding[] = [];
    for (const { field, reason, read } of FIELDS) {
      const path = ['spec', field];
      const mine = read(ctx.doc.root);
      const differing = scope.peers.filter((p) => read(p.obj.doc.root) !== mine);
      if (differing.length === 0) continue;
      const theirs = differing.map((p) => `${read(p.obj.doc.root)} in cluster ${p.cluster}`).join(', ');
      findings.push({
        ruleId: 'MCS204',
        message: `Service ${displayName(scope.self)} has ${field} ${mine} in cluster ${scope.cluster} but ${theirs}: ${conflictOutcome(reason)}. Set the same ${field} in every exporting cluster.`,
        path: fieldOrName(ctx.doc.root, path),
        related: differing.map((p) => relatedAt(p, fieldOrName(p.obj.doc.root, path), `${field} ${read(p.obj.doc.root)}`)),
      });
    }
    return findings;
  },
};
