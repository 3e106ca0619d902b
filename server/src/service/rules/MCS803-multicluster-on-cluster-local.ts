// MCS803: the clusterset zone must be separate from the cluster domain: cluster.local behaviour must not
// change under MCS (facts §6; coredns/multicluster#15).
import { corefilesOf, multiclusterUses, tokenSpan } from '../model/embeddedCorefile';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs803: Rule = {
  id: 'MCS803',
  title: 'multicluster pointed at cluster.local',
  severity: 'error',
  kinds: ['ConfigMap'],
  check(ctx: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const e of corefilesOf(ctx.doc)) {
      for (const use of multiclusterUses(e.corefile)) {
        for (const { zone, token } of use.zones) {
          if (zone !== 'cluster.local') continue;
          const span = tokenSpan(e, token);
          out.push({
            ruleId: 'MCS803',
            path: ['data', e.key],
            span,
            message: `multicluster is pointed at ${token.text}, the cluster domain: imported services would shadow or mix with local ${zone} names, which MCS forbids (cluster.local behaviour must not change). Use the clusterset zone: multicluster clusterset.local.`,
            fixes: e.map.exact
              ? [
                  {
                    title: 'Use clusterset.local',
                    edits: [{ op: 'replaceSpan', start: span.start, end: span.end, text: 'clusterset.local' }],
                    preferred: true,
                  },
                ]
              : undefined,
          });
        }
      }
    }
    return out;
  },
};
