// MCS906: istiod's MCS flags depend on each other (facts §8.4): ENABLE_MCS_HOST needs
// ENABLE_MCS_SERVICE_DISCOVERY; ENABLE_MCS_CLUSTER_LOCAL needs both. A dependent flag alone is silently off.
import { envOf, isIstiod, isTrue } from '../model/istiod';
import type { Finding, Rule, RuleContext } from './rule';

const DEPENDS: Record<string, string[]> = {
  ENABLE_MCS_HOST: ['ENABLE_MCS_SERVICE_DISCOVERY'],
  ENABLE_MCS_CLUSTER_LOCAL: ['ENABLE_MCS_SERVICE_DISCOVERY', 'ENABLE_MCS_HOST'],
};

export const mcs906: Rule = {
  id: 'MCS906',
  title: 'Istio MCS env flags inconsistent',
  severity: 'warning',
  kinds: ['Deployment'],
  check(ctx: RuleContext): Finding[] {
    if (!isIstiod(ctx.doc)) return [];
    const env = envOf(ctx.doc);
    const on = new Set(env.filter((e) => isTrue(e.value)).map((e) => e.name));
    const out: Finding[] = [];
    for (const e of env) {
      const needs = DEPENDS[e.name];
      if (!needs || !isTrue(e.value)) continue;
      const missing = needs.filter((n) => !on.has(n));
      if (!missing.length) continue;
      out.push({
        ruleId: 'MCS906',
        path: [...e.path, 'value'],
        message: `${e.name}=true without ${missing.join(' and ')}=true: istiod ignores ${e.name}, so ${e.name === 'ENABLE_MCS_HOST' ? 'no <svc>.<ns>.svc.clusterset.local hosts are served' : 'cluster.local keeps routing to every cluster'}. Set ${missing.join(' and ')} to "true" on istiod as well.`,
      });
    }
    return out;
  },
};
