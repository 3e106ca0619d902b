// MCS204: internalTrafficPolicy and trafficDistribution are global properties of the import
// (InternalTrafficPolicyConflict / TrafficDistributionConflict, oldest export wins; facts §4, §9).
import { conflictScope, disagreement, type AgreedField } from '../model/conflicts';
import { internalTrafficPolicy, trafficDistribution } from '../model/service';
import type { YNode } from '../parse/yamlTree';
import type { Finding, Rule, RuleContext } from './rule';

const FIELDS: readonly AgreedField[] = [
  {
    field: 'internalTrafficPolicy',
    reason: 'InternalTrafficPolicyConflict',
    read: (r: YNode | null) => internalTrafficPolicy(r),
  },
  {
    field: 'trafficDistribution',
    reason: 'TrafficDistributionConflict',
    read: (r: YNode | null) => trafficDistribution(r) ?? 'unset',
  },
].map((f) => ({ ...f, path: ['spec', f.field], advice: `Set the same ${f.field} in every exporting cluster.` }));

export const mcs204: Rule = {
  id: 'MCS204',
  title: 'internalTrafficPolicy or trafficDistribution differs between clusters',
  severity: 'warning',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const scope = conflictScope(ctx, 'service');
    if (!scope) return [];
    return FIELDS.flatMap((f) => disagreement(ctx, scope, 'MCS204', f) ?? []);
  },
};
