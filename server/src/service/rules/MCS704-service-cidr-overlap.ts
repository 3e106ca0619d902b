// MCS704: a Service CIDR overlaps a Service or pod CIDR of another cluster. Submariner without Globalnet
// routes to remote ClusterIPs and refuses overlapping Service CIDRs (submariner-operator#182); a pod IP
// that is a Service VIP in another cluster is captured by that cluster's service proxy. For Cilium the
// documented requirement is on PodCIDRs only, so Service↔Service overlap is a hint there (impact unverified).
import { analyzeClusterSet, type ParsedRange } from '../cidr/analysis';
import { switchToGlobalnetFix } from '../cidr/globalnetFix';
import { overlapFindings } from '../cidr/overlapFindings';
import { implementationOf, overlapModeOf, userPoolsOf } from '../cidr/policy';
import type { Finding, Rule, RuleContext } from './rule';

const bothServices = (a: ParsedRange, b: ParsedRange): boolean =>
  a.field.role === 'serviceCIDRs' && b.field.role === 'serviceCIDRs';

export const mcs704: Rule = {
  id: 'MCS704',
  title: 'Service CIDRs overlap across clusters',
  severity: 'error',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const a = analyzeClusterSet(ctx.doc);
    if (!a.partners.MCS704.size) return [];
    const impl = implementationOf(a.model, ctx.settings);
    const globalnet = overlapModeOf(a.model) === 'globalnet';
    return overlapFindings(ctx, a, userPoolsOf(ctx.settings), {
      ruleId: 'MCS704',
      severity: (self, others) =>
        globalnet || (impl === 'cilium' && others.every((o) => bothServices(self, o))) ? 'hint' : undefined,
      consequence: (self, other) => {
        if (globalnet)
          return 'allowed with overlap.mode globalnet: Submariner gives each exported Service a global IP from the globalCIDR.';
        if (!bothServices(self, other))
          return 'a pod IP of one cluster is a Service ClusterIP in the other: that cluster’s service proxy captures traffic meant for the pod, so cross-cluster calls to those pods fail. Move one range to a free one.';
        if (impl === 'cilium')
          return 'Cilium ClusterMesh routes to remote pods, not remote ClusterIPs, so this is usually harmless (impact unverified); keep them apart if another implementation may route ClusterIPs.';
        return (
          'implementations that route to remote ClusterIPs (Submariner without Globalnet refuses to join) cannot tell the two clusters’ Services apart: traffic to a shared ClusterIP stays in the local cluster. Move one range to a free one' +
          (impl === 'submariner' ? ', or switch to Globalnet.' : '.')
        );
      },
      extraFixes: () => {
        const fix = impl === 'submariner' && !globalnet ? switchToGlobalnetFix(ctx, a) : undefined;
        return fix ? [fix] : [];
      },
    });
  },
};
