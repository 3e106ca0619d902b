// MCS707: clusters with no IP family in common (one IPv4-only, another IPv6-only): a Service exported
// from both has no family every cluster can serve, so the import fails (IPFamilyConflict /
// IPFamilyNotSupported, mcs-facts §3, §4). Also a dual-stack podCIDRs list that repeats a family.
import { analyzeClusterSet, type ParsedRange } from '../cidr/analysis';
import { clusterAt, clusterLabel, type ClusterEntry } from '../model/clusterSet';
import { implementationOf } from '../cidr/policy';
import type { Finding, Rule, RuleContext } from './rule';

const MAX_RELATED = 5;

export const mcs707: Rule = {
  id: 'MCS707',
  title: 'IP family mismatch between clusters',
  severity: 'warning',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const a = analyzeClusterSet(ctx.doc);
    const byCluster = new Map<number, ParsedRange[]>();
    for (const r of a.ranges) {
      if (r.field.role === 'globalCIDR') continue;
      const list = byCluster.get(r.field.clusterIndex);
      if (list) list.push(r);
      else byCluster.set(r.field.clusterIndex, [r]);
    }
    const only: Record<4 | 6, ClusterEntry[]> = { 4: [], 6: [] };
    const out: Finding[] = [];
    for (const [index, ranges] of byCluster) {
      const c = clusterAt(a.model, index);
      if (!c) continue;
      const has4 = ranges.some((r) => r.cidr.family === 4);
      const has6 = ranges.some((r) => r.cidr.family === 6);
      if (has4 !== has6) only[has4 ? 4 : 6].push(c);
      if (has4 && has6 && implementationOf(a.model, ctx.settings) !== 'cilium') out.push(...repeatedPodFamily(c, ranges));
    }
    if (!only[4].length || !only[6].length) return out;
    // Report the smaller group: that is where a second family is most likely missing.
    const [mine, theirs, fam, other] =
      only[6].length <= only[4].length ? [only[6], only[4], 'IPv6', 'IPv4'] : [only[4], only[6], 'IPv4', 'IPv6'];
    for (const c of mine) {
      const first = clusterLabel(theirs[0], theirs[0].index);
      const more = theirs.length > 1 ? ` (and ${theirs.length - 1} more)` : '';
      out.push({
        ruleId: 'MCS707',
        message: `Cluster ${clusterLabel(c, c.index)} is ${fam}-only while ${first}${more} ${theirs.length > 1 ? 'are' : 'is'} ${other}-only: a Service exported from both has no common IP family, so the ServiceImport gets IPFamilyConflict (or IPFamilyNotSupported) and does not work. Make one side dual-stack.`,
        path: c.name?.path ?? c.path,
        related: theirs.slice(0, MAX_RELATED).map((t) => ({
          uri: ctx.uri,
          docIndex: ctx.docIndex,
          path: t.name?.path ?? t.path,
          message: `${clusterLabel(t, t.index)} is ${other}-only`,
        })),
      });
    }
    return out;
  },
};

/** kube-controller-manager --cluster-cidr takes one range per family in dual-stack mode. */
function repeatedPodFamily(c: ClusterEntry, ranges: readonly ParsedRange[]): Finding[] {
  const seen = new Set<number>();
  const out: Finding[] = [];
  for (const r of ranges) {
    if (r.field.role !== 'podCIDRs') continue;
    if (!seen.has(r.cidr.family)) {
      seen.add(r.cidr.family);
      continue;
    }
    out.push({
      ruleId: 'MCS707',
      severity: 'error',
      message: `podCIDRs of dual-stack cluster ${clusterLabel(c, c.index)} lists a second IPv${r.cidr.family} range (${r.field.text.trim()}): kube-controller-manager --cluster-cidr accepts one range per family, so it refuses to start. Keep one IPv4 and one IPv6 range.`,
      path: r.field.path,
    });
  }
  return out;
}
