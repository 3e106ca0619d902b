// MCS405: every spec.ips entry must be a bare IPv4/IPv6 address. The CRD has no format, so the API server
// accepts anything; the conformance suite, kube-proxy-based controllers and CoreDNS parse each entry as an IP.
import { asSeq, nodeAt, type NodePath } from '../parse/path';
import { parseIpAddress } from '../model/ipAddress';
import { describeScalar, replaceValueFix, stringScalar } from './MCS4xx-import-helpers';
import type { Finding, QuickFix, Rule, RuleContext } from './rule';

export const mcs405: Rule = {
  id: 'MCS405',
  title: 'spec.ips entry is not an IP address',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const ips = asSeq(nodeAt(ctx.doc.root, ['spec', 'ips']));
    if (!ips) return [];
    const findings: Finding[] = [];
    ips.items.forEach((item, i) => {
      const path = ['spec', 'ips', i];
      const str = stringScalar(item);
      if (!str) {
        findings.push({
          ruleId: 'MCS405',
          message: `spec.ips[${i}] is ${describeScalar(item)}, not an IP address string: the API server rejects the ServiceImport (ips is a list of strings).`,
          path,
        });
        return;
      }
      const text = str.value as string;
      const parsed = parseIpAddress(text);
      if (!parsed.ok) {
        findings.push({
          ruleId: 'MCS405',
          message: `spec.ips[${i}] "${text}" is not an IP address: ${parsed.reason}. The API server accepts it, but DNS answers and the derived Service need a parseable clusterset VIP, so <svc>.<ns>.svc.clusterset.local will not resolve to it.`,
          path,
          fixes: withoutPrefixFix(path, text),
        });
      } else if (parsed.mappedIPv4) {
        findings.push({
          ruleId: 'MCS405',
          message: `spec.ips[${i}] "${text}" is an IPv4-mapped IPv6 address: Kubernetes treats it as the IPv4 address ${parsed.mappedIPv4}, which confuses family checks. Write ${parsed.mappedIPv4}.`,
          path,
          fixes: [replaceValueFix(path, parsed.mappedIPv4, `Change to ${parsed.mappedIPv4}`)],
        });
      }
    });
    return findings;
  },
};

/** `10.0.0.7/32` → `10.0.0.7`. Not preferred: for a network prefix (`10.0.0.0/24`) the author must pick the VIP. */
function withoutPrefixFix(path: NodePath, text: string): QuickFix[] {
  const address = text.split('/')[0];
  if (!text.includes('/') || !parseIpAddress(address).ok) return [];
  return [{ ...replaceValueFix(path, address, `Drop the prefix length (use ${address})`), preferred: false }];
}
