// MCS406: conformance requires len(ips) == len(ipFamilies) and ips[i] of family ipFamilies[i]; two VIPs of
// the same family are never valid (facts §3). Entries that are not IPs are MCS405's, bad families MCS407's.
import { asSeq, nodeAt, scalarString } from '../parse/path';
import { parseIpAddress, type IpFamily } from '../model/ipAddress';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs406: Rule = {
  id: 'MCS406',
  title: 'spec.ips and spec.ipFamilies disagree',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const ips = asSeq(nodeAt(ctx.doc.root, ['spec', 'ips']));
    const familiesSeq = asSeq(nodeAt(ctx.doc.root, ['spec', 'ipFamilies']));
    const ipFamilies = (ips?.items ?? []).map((n) => {
      const s = scalarString(n);
      const r = s === undefined ? undefined : parseIpAddress(s);
      return r?.ok ? r.family : undefined;
    });
    const declared = (familiesSeq?.items ?? []).map((n) => scalarString(n));
    const findings: Finding[] = [];
    const seen = new Map<IpFamily, number>();
    ipFamilies.forEach((family, i) => {
      if (!family) return;
      const first = seen.get(family);
      if (first === undefined) {
        seen.set(family, i);
        return;
      }
      findings.push({
        ruleId: 'MCS406',
        message: `spec.ips[${i}] is a second ${family} address (spec.ips[${first}] is one too): an import gets one VIP per IP family, so clients and the controller use only one of them. Keep one ${family} address.`,
        path: ['spec', 'ips', i],
      });
    });
    if (!familiesSeq || declared.length === 0 || !ips || ips.items.length === 0) return findings;
    if (ips.items.length !== declared.length) {
      findings.push({
        ruleId: 'MCS406',
        message: `spec.ips has ${ips.items.length} ${plural(ips.items.length, 'address', 'addresses')} but spec.ipFamilies lists ${declared.length} ${plural(declared.length, 'family', 'families')}: conformance requires one VIP per declared family, in the same order.`,
        path: ['spec', 'ips'],
        target: 'key',
      });
    }
    ipFamilies.forEach((family, i) => {
      const want = declared[i];
      if (!family || (want !== 'IPv4' && want !== 'IPv6') || family === want || seen.get(family) !== i) return;
      findings.push({
        ruleId: 'MCS406',
        message: `spec.ips[${i}] is an ${family} address but spec.ipFamilies[${i}] is ${want}: ips must follow the ipFamilies order, so DNS and the derived Service pair each family with the wrong VIP. ${ips.items.length === 2 && declared.length === 2 ? 'Swap the two ips or the two ipFamilies.' : `Use an ${want} address or change ipFamilies.`}`,
        path: ['spec', 'ips', i],
      });
    });
    return findings;
  },
};

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
