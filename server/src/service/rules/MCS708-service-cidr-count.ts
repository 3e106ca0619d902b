// MCS708: a cluster's primary Service range has at most two CIDRs, one per family (kube-apiserver
// --service-cluster-ip-range, same limit as ServiceCIDR.spec.cidrs; mcs-facts §10). More ranges belong
// in additional ServiceCIDR objects (Kubernetes 1.33+).
import { analyzeClusterSet } from '../cidr/analysis';
import { clusterAt, clusterLabel } from '../model/clusterSet';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs708: Rule = {
  id: 'MCS708',
  title: 'More than one Service CIDR per family, or more than two',
  severity: 'error',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const a = analyzeClusterSet(ctx.doc);
    const seen = new Map<number, Set<number>>();
    const count = new Map<number, number>();
    const out: Finding[] = [];
    for (const r of a.ranges) {
      if (r.field.role !== 'serviceCIDRs') continue;
      const ci = r.field.clusterIndex;
      const n = (count.get(ci) ?? 0) + 1;
      count.set(ci, n);
      let fams = seen.get(ci);
      if (!fams) seen.set(ci, (fams = new Set()));
      const name = clusterLabel(clusterAt(a.model, ci), ci);
      const why = fams.has(r.cidr.family) ? `a second IPv${r.cidr.family} range` : n > 2 ? 'a third range' : undefined;
      fams.add(r.cidr.family);
      if (!why) continue;
      out.push({
        ruleId: 'MCS708',
        message: `serviceCIDRs of ${name} has ${why} (${r.field.text.trim()}): kube-apiserver --service-cluster-ip-range accepts at most two ranges, one per family, and refuses to start. Keep one range per family; add more Service ranges as ServiceCIDR objects (Kubernetes 1.33+).`,
        path: r.field.path,
      });
    }
    return out;
  },
};
