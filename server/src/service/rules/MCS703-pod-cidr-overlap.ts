// MCS703: pod CIDRs of two clusters overlap. Cilium ClusterMesh requires unique PodCIDRs, Submariner
// needs Globalnet for overlap, GKE/AWS need routable non-overlapping ranges (mcs-facts §8.1, §8.2, §8.3,
// §8.5). With `overlap.mode: globalnet` or `multi-network` the overlap is handled, so it is only a hint.
import { analyzeClusterSet } from '../cidr/analysis';
import { switchToGlobalnetFix } from '../cidr/globalnetFix';
import { overlapFindings } from '../cidr/overlapFindings';
import { implementationOf, overlapModeOf, podOverlapConsequence, userPoolsOf } from '../cidr/policy';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs703: Rule = {
  id: 'MCS703',
  title: 'Pod CIDRs overlap across clusters',
  severity: 'error',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const a = analyzeClusterSet(ctx.doc);
    if (!a.partners.MCS703.size) return [];
    const impl = implementationOf(a.model, ctx.settings);
    const mode = overlapModeOf(a.model);
    const handled =
      mode === 'globalnet'
        ? 'allowed with overlap.mode globalnet: Submariner reaches the other cluster through its globalCIDR, not its pod range.'
        : mode === 'multi-network'
          ? 'allowed with overlap.mode multi-network: Istio sends cross-network traffic through the east-west gateways, not to pod IPs.'
          : undefined;
    const action =
      impl === 'submariner' ? ' Move one cluster to a free range, or switch to Globalnet.' : ' Move one cluster to a free range.';
    return overlapFindings(ctx, a, userPoolsOf(ctx.settings), {
      ruleId: 'MCS703',
      severity: () => (handled ? 'hint' : undefined),
      consequence: () => handled ?? podOverlapConsequence(impl) + action,
      extraFixes: () => {
        const fix = impl === 'submariner' && mode !== 'globalnet' ? switchToGlobalnetFix(ctx, a) : undefined;
        return fix ? [fix] : [];
      },
    });
  },
};
