// MCS712: spec.services[].exportedFrom / consumers name clusters of spec.clusters. A typo means the
// service is documented as exported from (or consumed by) a cluster that is not in the clusterset.
import { analyzeClusterSet } from '../cidr/analysis';
import type { Finding, QuickFix, Rule, RuleContext } from './rule';

/** Levenshtein distance, capped: names are short and we only want near misses. */
function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

export const mcs712: Rule = {
  id: 'MCS712',
  title: 'Service references an unknown cluster',
  severity: 'warning',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const a = analyzeClusterSet(ctx.doc);
    const known = new Set<string>();
    for (const c of a.model.clusters) if (c.name) known.add(c.name.value);
    const out: Finding[] = [];
    for (const s of a.model.services) {
      for (const ref of s.clusterRefs) {
        if (known.has(ref.value)) continue;
        let best: string | undefined;
        let bestD = 3;
        if (known.size <= 5000)
          for (const k of known) {
            const d = distance(ref.value, k, 2);
            if (d < bestD) [best, bestD] = [k, d];
          }
        const fixes: QuickFix[] | undefined = best
          ? [{ title: `Change to ${best}`, edits: [{ op: 'replaceValue', path: ref.path, text: best }], preferred: true }]
          : undefined;
        const svc = s.name ? `Service ${s.namespace ? `${s.namespace}/` : ''}${s.name}` : `services[${s.index}]`;
        out.push({
          ruleId: 'MCS712',
          message: `${svc} lists "${ref.value}" in ${ref.field}, but no cluster of spec.clusters has that name${best ? ` (did you mean ${best}?)` : ''}: the plan describes a cluster outside the clusterset. Use a name from spec.clusters.`,
          path: ref.path,
          fixes,
        });
      }
    }
    return out;
  },
};
