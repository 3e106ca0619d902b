// MCS007: metadata.namespace on a ClusterProperty, which is cluster-scoped (facts §1, §7). The API server's
// generic registry clears the namespace of cluster-scoped objects on create, so the value is meaningless
// and misleads readers into thinking properties are per namespace.
import { stringAt } from '../parse/path';
import { removePairEdit } from './MCS008-hand-written-status';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs007: Rule = {
  id: 'MCS007',
  title: 'Namespace on a cluster-scoped ClusterProperty',
  severity: 'warning',
  kinds: ['ClusterProperty'],
  check(ctx: RuleContext): Finding[] {
    const ns = stringAt(ctx.doc.root, ['metadata', 'namespace']);
    if (ns === undefined) return [];
    const remove = removePairEdit(ctx.doc, ['metadata', 'namespace']);
    return [
      {
        ruleId: 'MCS007',
        message: `ClusterProperty is cluster-scoped: metadata.namespace "${ns}" is dropped by the API server, and a property is looked up by name only (one per cluster), so the manifest misleads readers. Remove the namespace.`,
        path: ['metadata', 'namespace'],
        fixes: remove ? [{ title: 'Remove metadata.namespace', edits: [remove], preferred: true }] : [],
      },
    ];
  },
};
