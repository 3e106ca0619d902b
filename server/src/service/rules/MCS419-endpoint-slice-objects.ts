// MCS419: status.endpointSliceObjects is an enum, Present or Absent (facts §3, §5). Whether the installed
// CRDs know the field at all (newer than v0.5.0) is MCS005's question.
import { describeScalar, enumMismatch, replaceValueFix } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

const VALUES = ['Present', 'Absent'] as const;

export const mcs419: Rule = {
  id: 'MCS419',
  title: 'Invalid status.endpointSliceObjects',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const path = ['status', 'endpointSliceObjects'];
    const bad = enumMismatch(ctx.doc.root, path, VALUES, true);
    if (!bad) return [];
    const { node, value } = bad;
    const fix =
      value === undefined
        ? undefined
        : (bad.caseFix ?? (/^(yes|true)$/i.test(value) ? 'Present' : /^(no|false)$/i.test(value) ? 'Absent' : undefined));
    const boolFix = node.type === 'scalar' && typeof node.value === 'boolean' ? (node.value ? 'Present' : 'Absent') : undefined;
    const suggestion = fix ?? boolFix;
    return [
      {
        ruleId: 'MCS419',
        message: `status.endpointSliceObjects is ${describeScalar(node)}, not Present or Absent (enum): the API server rejects it when a controller writes the status (an applied manifest has its status discarded), and consumers such as Gateway API implementations cannot tell whether MCS EndpointSlices exist.${suggestion ? ` Write ${suggestion}.` : ''}`,
        path,
        fixes: suggestion ? [replaceValueFix(path, suggestion)] : [],
      },
    ];
  },
};
