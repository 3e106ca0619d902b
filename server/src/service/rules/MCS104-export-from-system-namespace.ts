// MCS104: KEP-1645 ("Restricting Exports") tells admins to keep kube-system and default from exporting:
// with namespace sameness, a same-named Service in that namespace of any cluster joins the import. That is
// admin policy, not a defect of the file: for `default` (which every quickstart of Cilium, Antrea and Submariner
// uses) it is a hint; kube-system stays a warning (system Services there are exported by accident).
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

const RESTRICTED = new Set(['kube-system', 'default']);

export const mcs104: Rule = {
  id: 'MCS104',
  title: 'Export from kube-system or default',
  severity: 'warning',
  kinds: ['ServiceExport'],
  check(ctx: RuleContext): Finding[] {
    const ns = stringAt(ctx.doc.root, ['metadata', 'namespace']);
    if (ns === undefined || !RESTRICTED.has(ns)) return [];
    const name = stringAt(ctx.doc.root, ['metadata', 'name']) ?? 'this Service';
    return [
      {
        ruleId: 'MCS104',
        message: `Exporting ${name} from the ${ns} namespace: by namespace sameness, every cluster's ${ns}/${name} Service that is exported joins the same clusterset service, and KEP-1645 advises admins to restrict exports from ${ns}. Move the workload to a dedicated namespace.`,
        path: ['metadata', 'namespace'],
        severity: ns === 'default' ? 'hint' : undefined,
      },
    ];
  },
};
