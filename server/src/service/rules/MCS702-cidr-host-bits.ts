// MCS702: a CIDR with host bits set (`10.10.1.0/16`) is read as its prefix (10.10.0.0/16) by every
// consumer, so the written address misleads the reader. Fix: the canonical prefix.
import { analyzeClusterSet } from '../cidr/analysis';
import { formatAddress, formatCidr, parseCidr, type Cidr } from '../cidr/cidr';
import type { NodePath } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

function hostBitsFinding(label: string, text: string, cidr: Cidr, path: NodePath): Finding {
  const canonical = formatCidr(cidr);
  return {
    ruleId: 'MCS702',
    message: `${label} ${text.trim()} has host bits set: the CNI, kube-apiserver and Clusterset all read it as ${canonical}, which starts at ${formatAddress(cidr.family, cidr.start)}, not at the written address. Write ${canonical} so the file says which range the cluster really uses.`,
    path,
    fixes: [{ title: `Change to ${canonical}`, edits: [{ op: 'replaceValue', path, text: canonical }], preferred: true }],
  };
}

export const mcs702: Rule = {
  id: 'MCS702',
  title: 'Host bits set in a CIDR',
  severity: 'warning',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const a = analyzeClusterSet(ctx.doc);
    const out: Finding[] = [];
    for (const r of a.ranges) if (r.cidr.hostBits) out.push(hostBitsFinding(r.field.role, r.field.text, r.cidr, r.field.path));
    for (const l of [a.model.globalnetCIDR, ...a.model.nativeRoutingCIDRs]) {
      const r = l ? parseCidr(l.value) : undefined;
      if (l && r?.ok && r.cidr.hostBits) out.push(hostBitsFinding(String(l.path[l.path.length - 1]), l.value, r.cidr, l.path));
    }
    return out;
  },
};
