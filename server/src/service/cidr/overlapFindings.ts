// Turns the overlapping pairs of one rule into findings: one per range (so both sides are underlined),
// naming the first other range, counting the rest, pointing at up to MAX_RELATED of them, and offering
// the nearest free range of the same size as a replacement.
import { clusterAt, clusterLabel, type ClusterSetModel } from '../model/clusterSet';
import type { Finding, QuickFix, RuleContext, Severity } from '../rules/rule';
import { compareWords, contains, formatCidr, type Cidr } from './cidr';
import { type ClusterSetAnalysis, type OverlapRuleId, type ParsedRange } from './analysis';
import { nearestFreeRange } from './freeRange';

export const MAX_RELATED = 5;
/** Replacement ranges are computed for this many findings per rule; beyond that only the first ones get one. */
export const MAX_FIXED_FINDINGS = 100;

export function describeRange(r: ParsedRange, model: ClusterSetModel): string {
  const c = r.field.clusterIndex;
  return `${r.field.role} ${r.field.text.trim()} of ${clusterLabel(clusterAt(model, c), c)}`;
}

export function relation(a: Cidr, b: Cidr): string {
  if (a.prefix === b.prefix && compareWords(a.start, b.start) === 0) return 'is the same range as';
  return contains(b, a) ? 'lies inside' : 'contains';
}

export interface OverlapFindingOptions {
  ruleId: OverlapRuleId;
  /** Severity for one range and its partners (mode- and implementation-dependent); undefined keeps the rule's default. */
  severity?: (self: ParsedRange, others: readonly ParsedRange[]) => Severity | undefined;
  /** Why it matters and what the controller does, after the "a overlaps b:" part. */
  consequence: (self: ParsedRange, other: ParsedRange) => string;
  /** Pools to pick a replacement from; undefined: the user's pools, else the range's private block. */
  replacementPools?: (self: ParsedRange) => readonly Cidr[];
  /** Extra fixes for every finding (e.g. "Switch to Globalnet"). */
  extraFixes?: () => QuickFix[];
}

export function overlapFindings(
  ctx: RuleContext,
  analysis: ClusterSetAnalysis,
  userPools: readonly Cidr[],
  o: OverlapFindingOptions,
): Finding[] {
  const { ranges, model } = analysis;
  const out: Finding[] = [];
  let extra: QuickFix[] | undefined;
  const byRange = analysis.partners[o.ruleId];
  // Document order (range ids follow the document), so diagnostics and "first other range" are stable.
  for (const id of [...byRange.keys()].sort((x, y) => x - y)) {
    const others = byRange.get(id)!.sort((x, y) => x - y);
    const self = ranges[id];
    const first = ranges[others[0]];
    // Beyond MAX_PAIRS `others` is a sample and `totals` the exact count (over all overlap rules).
    const moreCount = (analysis.totals ? analysis.totals[id] : others.length) - 1;
    const more = moreCount > 0 ? ` (and ${moreCount} more overlapping range${moreCount > 1 ? 's' : ''})` : '';
    const fixes: QuickFix[] = [];
    if (out.length < MAX_FIXED_FINDINGS) {
      const free = nearestFreeRange(self.cidr, analysis.occupied(self.cidr.family), o.replacementPools?.(self) ?? userPools);
      if (free) {
        const text = formatCidr(free);
        fixes.push({
          title: `Replace ${self.field.text.trim()} with ${text} (nearest free /${free.prefix})`,
          edits: [{ op: 'replaceValue', path: self.field.path, text }],
          preferred: true,
        });
      }
      extra ??= o.extraFixes?.() ?? [];
      fixes.push(...extra);
    }
    out.push({
      ruleId: o.ruleId,
      message: `${describeRange(self, model)} ${relation(self.cidr, first.cidr)} ${describeRange(first, model)}${more}: ${o.consequence(self, first)}`,
      path: self.field.path,
      severity: o.severity?.(
        self,
        others.map((j) => ranges[j]),
      ),
      related: others.slice(0, MAX_RELATED).map((j) => ({
        uri: ctx.uri,
        docIndex: ctx.docIndex,
        path: ranges[j].field.path,
        message: `${describeRange(ranges[j], model)} ${relation(ranges[j].cidr, self.cidr)} ${describeRange(self, model)}`,
      })),
      fixes: fixes.length ? fixes : undefined,
    });
  }
  return out;
}
