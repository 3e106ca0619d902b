// MCS709: kube-apiserver without the ServiceCIDR allocator (GA in 1.33) refuses a Service range with
// more than 20 host bits: "for 32-bit addresses, the mask must be >= 12", "for 128-bit addresses, the
// mask must be >= 108" (kubernetes cmd/kube-apiserver/app/options/validation.go). Warning when
// clusterset.kubernetesVersion is below 1.33; a hint when it is unset (decision in docs/rules/MCS709.md).
import { analyzeClusterSet } from '../cidr/analysis';
import { clusterAt, clusterLabel } from '../model/clusterSet';
import type { Finding, Rule, RuleContext, Severity } from './rule';

const MAX_HOST_BITS = 20;

/** Severity for this Kubernetes version, or undefined when the limit no longer applies. */
function severityFor(version: string): Severity | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return version.trim() === '' ? 'hint' : undefined;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major < 1 || (major === 1 && minor < 33) ? 'warning' : undefined;
}

export const mcs709: Rule = {
  id: 'MCS709',
  title: 'Service range larger than the legacy allocator allows',
  severity: 'warning',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const severity = severityFor(ctx.settings.kubernetesVersion);
    if (!severity) return [];
    const a = analyzeClusterSet(ctx.doc);
    const out: Finding[] = [];
    for (const r of a.ranges) {
      if (r.field.role !== 'serviceCIDRs') continue;
      const bits = r.cidr.family === 4 ? 32 : 128;
      if (bits - r.cidr.prefix <= MAX_HOST_BITS) continue;
      const limit = bits - MAX_HOST_BITS;
      const when =
        severity === 'hint'
          ? 'on Kubernetes before 1.33 (clusterset.kubernetesVersion is unset)'
          : `on Kubernetes ${ctx.settings.kubernetesVersion}`;
      out.push({
        ruleId: 'MCS709',
        severity,
        message: `serviceCIDRs ${r.field.text.trim()} of ${clusterLabel(clusterAt(a.model, r.field.clusterIndex), r.field.clusterIndex)} is larger than /${limit}: ${when} kube-apiserver refuses to start ("--service-cluster-ip-range is too large; the mask must be >= ${limit}"). Use a /${limit} or smaller range, or Kubernetes 1.33+ (ServiceCIDR allocator).`,
        path: r.field.path,
      });
    }
    return out;
  },
};
