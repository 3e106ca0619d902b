// MCS705: two ranges of one cluster overlap, above all its pod and Service ranges: kube-apiserver's
// --service-cluster-ip-range must not overlap the pod range (mcs-facts §10). Globalnet does not help here.
import { analyzeClusterSet } from '../cidr/analysis';
import { overlapFindings } from '../cidr/overlapFindings';
import { userPoolsOf } from '../cidr/policy';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs705: Rule = {
  id: 'MCS705',
  title: 'Pod and Service CIDR overlap inside one cluster',
  severity: 'error',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const a = analyzeClusterSet(ctx.doc);
    if (!a.partners.MCS705.size) return [];
    return overlapFindings(ctx, a, userPoolsOf(ctx.settings), {
      ruleId: 'MCS705',
      consequence: (self, other) => {
        if (self.field.role !== other.field.role)
          return 'the Service range must not overlap the pod range (kube-apiserver --service-cluster-ip-range): a ClusterIP can equal a pod IP and traffic to both breaks. Move one of them to a free range.';
        return self.field.role === 'podCIDRs'
          ? 'the pod IPAM can hand out the shared addresses twice. Remove the duplicate or move it to a free range.'
          : 'the Service allocator takes one range per family (see MCS708). Remove the duplicate or move it to a free range.';
      },
    });
  },
};
