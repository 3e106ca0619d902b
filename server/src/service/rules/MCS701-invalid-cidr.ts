// MCS701: every CIDR of the ClusterSet file parses (`a.b.c.d/n` with n ≤ 32, IPv6 with n ≤ 128).
// A range that does not parse is left out of every overlap check, so it must be fixed first.
import { analyzeClusterSet } from '../cidr/analysis';
import { parseCidr } from '../cidr/cidr';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs701: Rule = {
  id: 'MCS701',
  title: 'Invalid CIDR syntax',
  severity: 'error',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const a = analyzeClusterSet(ctx.doc);
    const out: Finding[] = a.invalid.map(({ field, reason }) => ({
      ruleId: 'MCS701',
      message: `${field.role} "${field.text}" is not a valid CIDR: ${reason}. Kubernetes and the CNI reject it at startup, and Clusterset cannot check it for overlaps.`,
      path: field.path,
    }));
    for (const l of [a.model.globalnetCIDR, ...a.model.nativeRoutingCIDRs]) {
      if (!l) continue;
      const r = parseCidr(l.value);
      if (!r.ok)
        out.push({
          ruleId: 'MCS701',
          message: `${String(l.path[l.path.length - 1])} "${l.value}" is not a valid CIDR: ${r.reason}.`,
          path: l.path,
        });
    }
    return out;
  },
};
