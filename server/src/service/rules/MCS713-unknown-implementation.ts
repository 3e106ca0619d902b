// MCS713: spec.implementation is one of the known implementations; it selects the profile rules and
// the CIDR rules' expectations, and it wins over the clusterset.implementation setting.
import { IMPLEMENTATIONS } from '../../protocol';
import { analyzeClusterSet } from '../cidr/analysis';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs713: Rule = {
  id: 'MCS713',
  title: 'Unknown implementation',
  severity: 'error',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const impl = analyzeClusterSet(ctx.doc).model.implementation;
    if (!impl || (IMPLEMENTATIONS as readonly string[]).includes(impl.value)) return [];
    const lower = impl.value.toLowerCase();
    const near = IMPLEMENTATIONS.find((i) => lower === i || lower.startsWith(i) || i.startsWith(lower));
    return [
      {
        ruleId: 'MCS713',
        message: `Unknown implementation "${impl.value}": Clusterset falls back to the clusterset.implementation setting (${ctx.settings.implementation}), so implementation-specific checks may not match your clusters. Use one of ${IMPLEMENTATIONS.join(', ')}.`,
        path: impl.path,
        fixes: near
          ? [{ title: `Change to ${near}`, edits: [{ op: 'replaceValue', path: impl.path, text: near }], preferred: true }]
          : undefined,
      },
    ];
  },
};
