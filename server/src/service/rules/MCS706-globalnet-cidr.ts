// MCS706 (overlap.mode: globalnet): each cluster's globalCIDR must lie inside the Globalnet pool
// (spec.overlap.globalnetCIDR, default 242.0.0.0/8), must not overlap another cluster's globalCIDR, and
// must not overlap any pod or Service range (submariner#2792, #570; mcs-facts §8.2).
import { analyzeClusterSet, DEFAULT_GLOBALNET_CIDR, type ClusterSetAnalysis } from '../cidr/analysis';
import { contains, formatCidr, overlaps, type Cidr } from '../cidr/cidr';
import { nearestFreeRange } from '../cidr/freeRange';
import { describeRange, MAX_RELATED, overlapFindings } from '../cidr/overlapFindings';
import { globalnetPoolOf, overlapModeOf } from '../cidr/policy';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs706: Rule = {
  id: 'MCS706',
  title: 'Globalnet CIDR problems',
  severity: 'error',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const a = analyzeClusterSet(ctx.doc);
    if (overlapModeOf(a.model) !== 'globalnet') return [];
    const pool = globalnetPoolOf(a.model);
    const poolText = a.model.globalnetCIDR
      ? `globalnetCIDR ${formatCidr(pool)}`
      : `the default Globalnet pool ${DEFAULT_GLOBALNET_CIDR}`;
    const out = overlapFindings(ctx, a, [pool], {
      ruleId: 'MCS706',
      consequence: (self, other) =>
        self.field.role === 'globalCIDR' && other.field.role === 'globalCIDR'
          ? 'Globalnet gives both clusters global IPs from the shared addresses, so cross-cluster connections reach the wrong cluster. Give each cluster its own slice of the pool.'
          : 'a global CIDR must not overlap pod or Service ranges (submariner#2792): Globalnet’s NAT rules capture local traffic to those addresses. Move the globalCIDR to a free slice of the pool.',
      replacementPools: (self) => (self.field.role === 'globalCIDR' ? [pool] : []),
    });
    out.push(...outsidePool(a, pool, poolText));
    out.push(...poolOverlaps(ctx, a, pool, poolText));
    return out;
  },
};

function outsidePool(a: ClusterSetAnalysis, pool: Cidr, poolText: string): Finding[] {
  const out: Finding[] = [];
  for (const r of a.ranges) {
    if (r.field.role !== 'globalCIDR' || contains(pool, r.cidr)) continue;
    const free =
      pool.family === r.cidr.family && r.cidr.prefix >= pool.prefix
        ? nearestFreeRange(r.cidr, a.occupied(pool.family), [pool])
        : undefined;
    out.push({
      ruleId: 'MCS706',
      message: `${describeRange(r, a.model)} lies outside ${poolText}: Globalnet allocates global IPs only from the pool, so this cluster's exported Services get no global IP (ServiceGlobalIPUnavailable). Use a slice of the pool.`,
      path: r.field.path,
      fixes: free
        ? [
            {
              title: `Replace with ${formatCidr(free)} (free slice of ${formatCidr(pool)})`,
              edits: [{ op: 'replaceValue', path: r.field.path, text: formatCidr(free) }],
              preferred: true,
            },
          ]
        : undefined,
    });
  }
  return out;
}

/** The pool itself must stay clear of every pod and Service range. */
function poolOverlaps(ctx: RuleContext, a: ClusterSetAnalysis, pool: Cidr, poolText: string): Finding[] {
  const hits = a.ranges.filter((r) => r.field.role !== 'globalCIDR' && overlaps(pool, r.cidr));
  if (!hits.length) return [];
  const where = a.model.globalnetCIDR?.path ?? a.model.overlapMode?.path ?? ['spec', 'overlap'];
  return [
    {
      ruleId: 'MCS706',
      message: `${poolText} overlaps ${describeRange(hits[0], a.model)}${hits.length > 1 ? ` and ${hits.length - 1} more` : ''}: Globalnet's NAT would capture local traffic to those addresses (submariner#2792). Pick a pool that no cluster uses.`,
      path: where,
      related: hits
        .slice(0, MAX_RELATED)
        .map((r) => ({ uri: ctx.uri, docIndex: ctx.docIndex, path: r.field.path, message: describeRange(r, a.model) })),
    },
  ];
}
