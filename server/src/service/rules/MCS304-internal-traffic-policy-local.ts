// MCS304: internalTrafficPolicy: Local is copied into the ServiceImport (oldest export wins), so callers
// only use endpoints on their own node; callers in other clusters have none (inference from facts §4, §9).
import { isExported, selfIn } from '../model/exportedServices';
import { internalTrafficPolicy } from '../model/service';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs304: Rule = {
  id: 'MCS304',
  title: 'internalTrafficPolicy: Local on an exported Service',
  severity: 'warning',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    if (internalTrafficPolicy(ctx.doc.root) !== 'Local') return [];
    const self = selfIn(ctx.index, ctx.uri, ctx.docIndex);
    if (!self || !isExported(ctx.index, self)) return [];
    return [
      {
        ruleId: 'MCS304',
        message: `Exported Service ${self.name} has internalTrafficPolicy: Local: the ServiceImport copies it, so callers only use endpoints on their own node, and callers in other clusters have none there; cross-cluster traffic is dropped. Use Cluster (the default), or trafficDistribution: PreferSameZone to prefer nearby endpoints.`,
        path: ['spec', 'internalTrafficPolicy'],
        fixes: [
          {
            title: 'Set internalTrafficPolicy to Cluster',
            edits: [{ op: 'replaceValue', path: ['spec', 'internalTrafficPolicy'], text: 'Cluster' }],
          },
        ],
      },
    ];
  },
};
