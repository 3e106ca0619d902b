// MCS205: spec.exportedLabels / spec.exportedAnnotations must agree across the exporting clusters
// (LabelsConflict / AnnotationsConflict, oldest export wins, conformance-tested; facts §4).
import { conflictScope, disagreement, type AgreedField } from '../model/conflicts';
import { stringMap } from '../model/service';
import { nodeAt } from '../parse/path';
import type { YNode } from '../parse/yamlTree';
import type { Finding, Rule, RuleContext } from './rule';

const FIELDS: readonly AgreedField[] = [
  { field: 'exportedLabels', reason: 'LabelsConflict' },
  { field: 'exportedAnnotations', reason: 'AnnotationsConflict' },
].map((f) => {
  const path = ['spec', f.field];
  return {
    ...f,
    path,
    read: (root: YNode | null) => show(root, path),
    advice: `Use the same ${f.field} in every exporting cluster.`,
  };
});

export const mcs205: Rule = {
  id: 'MCS205',
  title: 'exportedLabels or exportedAnnotations differ between clusters',
  severity: 'warning',
  kinds: ['ServiceExport'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const scope = conflictScope(ctx, 'export');
    if (!scope) return [];
    return FIELDS.flatMap((f) => disagreement(ctx, scope, 'MCS205', f) ?? []);
  },
};

/** A canonical, readable form of a string map: `{tier: gold}`, `{}` when absent. */
function show(root: YNode | null, path: readonly string[]): string {
  const entries = [...stringMap(nodeAt(root, path)).entries()].sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
}
