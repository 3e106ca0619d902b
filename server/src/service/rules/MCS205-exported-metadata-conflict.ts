// MCS205: spec.exportedLabels / spec.exportedAnnotations must agree across the exporting clusters
// (LabelsConflict / AnnotationsConflict, oldest export wins, conformance-tested; facts §4).
import { conflictOutcome, conflictScope, displayName, relatedAt } from '../model/conflicts';
import { fieldOrName, stringMap } from '../model/service';
import { nodeAt } from '../parse/path';
import type { YNode } from '../parse/yamlTree';
import type { Finding, Rule, RuleContext } from './rule';

const FIELDS = [
  { field: 'exportedLabels', reason: 'LabelsConflict' },
  { field: 'exportedAnnotations', reason: 'AnnotationsConflict' },
] as const;

export const mcs205: Rule = {
  id: 'MCS205',
  title: 'exportedLabels or exportedAnnotations differ between clusters',
  severity: 'warning',
  kinds: ['ServiceExport'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const scope = conflictScope(ctx, 'export');
    if (!scope) return [];
    const findings: Finding[] = [];
    for (const { field, reason } of FIELDS) {
      const path = ['spec', field];
      const mine = show(ctx.doc.root, path);
      const differing = scope.peers.filter((p) => show(p.obj.doc.root, path) !== mine);
      if (differing.length === 0) continue;
      const theirs = differing.map((p) => `${show(p.obj.doc.root, path)} in cluster ${p.cluster}`).join(', ');
      findings.push({
        ruleId: 'MCS205',
        message: `ServiceExport ${displayName(scope.self)} has ${field} ${mine} in cluster ${scope.cluster} but ${theirs}: ${conflictOutcome(reason)}. Use the same ${field} in every exporting cluster.`,
        path: fieldOrName(ctx.doc.root, path),
        related: differing.map((p) => relatedAt(p, fieldOrName(p.obj.doc.root, path), `${field} ${show(p.obj.doc.root, path)}`)),
      });
    }
    return findings;
  },
};

/** A canonical, readable form of a string map: `{tier: gold}`, `{}` when absent. */
function show(root: YNode | null, path: readonly string[]): string {
  const entries = [...stringMap(nodeAt(root, path)).entries()].sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
}
