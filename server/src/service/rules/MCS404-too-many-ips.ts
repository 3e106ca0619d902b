// MCS404: spec.ips has maxItems 2 (one VIP per family), and maxItems 1 in the v0.1.0 CRDs (facts §1, §3).
import { asSeq, nodeAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

/** mcs-api v0.1.x allowed a single VIP; every later release allows one per IP family. */
function maxIps(crdVersion: string): number {
  return /^v?0\.1(\.|$)/.test(crdVersion.trim()) ? 1 : 2;
}

export const mcs404: Rule = {
  id: 'MCS404',
  title: 'Too many spec.ips',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const ips = asSeq(nodeAt(ctx.doc.root, ['spec', 'ips']));
    const max = maxIps(ctx.settings.crdVersion);
    if (!ips || ips.items.length <= max) return [];
    const crd =
      max === 1
        ? `the mcs-api ${ctx.settings.crdVersion} CRD allows 1 entry (maxItems 1)`
        : 'the CRD allows at most 2 entries (one per IP family, maxItems 2)';
    // The AWS controller installs its own CRD copy without maxItems and fills ips from one derived Service per cluster.
    if (ctx.settings.implementation === 'aws') {
      return [
        {
          ruleId: 'MCS404',
          severity: 'hint',
          message: `spec.ips has ${ips.items.length} entries: the upstream CRD rejects more than ${max}, but the AWS controller's own CRD has no limit (it lists one derived-Service IP per cluster). Keep ${max} or fewer if the upstream CRDs may be installed.`,
          path: ['spec', 'ips', max],
        },
      ];
    }
    return [
      {
        ruleId: 'MCS404',
        message: `spec.ips has ${ips.items.length} entries but ${crd}, so the API server rejects the ServiceImport. Keep at most one IPv4 and one IPv6 address.`,
        path: ['spec', 'ips', max],
      },
    ];
  },
};
