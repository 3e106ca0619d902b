// MCS710 (cilium): in native-routing mode Cilium masquerades traffic to destinations outside
// ipv4NativeRoutingCIDR / ipv6NativeRoutingCIDR, so that range must cover the pod CIDRs of every
// cluster of the mesh (mcs-facts §8.1). The ClusterSet file records it as spec.cilium.ipv{4,6}NativeRoutingCIDR.
import { analyzeClusterSet } from '../cidr/analysis';
import { contains, parseCidr } from '../cidr/cidr';
import { describeRange } from '../cidr/overlapFindings';
import { implementationOf } from '../cidr/policy';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs710: Rule = {
  id: 'MCS710',
  title: 'Native-routing CIDR does not cover remote pod CIDRs',
  severity: 'warning',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const a = analyzeClusterSet(ctx.doc);
    if (!a.model.nativeRoutingCIDRs.length || implementationOf(a.model, ctx.settings) !== 'cilium') return [];
    const out: Finding[] = [];
    for (const l of a.model.nativeRoutingCIDRs) {
      const p = parseCidr(l.value);
      if (!p.ok) continue;
      const key = String(l.path[l.path.length - 1]);
      for (const r of a.ranges) {
        if (r.field.role !== 'podCIDRs' || r.cidr.family !== p.cidr.family || contains(p.cidr, r.cidr)) continue;
        out.push({
          ruleId: 'MCS710',
          message: `${describeRange(r, a.model)} is outside ${key} ${l.value}: in native-routing mode Cilium masquerades traffic to it, so pods of that cluster see the node IP instead of the client pod and network policies by identity fail. Widen ${key} to cover every cluster's pod CIDRs.`,
          path: r.field.path,
          related: [{ uri: ctx.uri, docIndex: ctx.docIndex, path: l.path, message: `${key} ${l.value}` }],
        });
      }
    }
    return out;
  },
};
