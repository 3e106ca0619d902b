// MCS420: status.conditions entries must be valid metav1.Conditions (facts §2); unknown reasons for the
// known condition types get a Hint. Covers ServiceImport and ServiceExport (the checks are shared in
// conditionChecks.ts). Error in test fixtures, which stand for what a controller wrote; Warning elsewhere,
// where the API server drops a hand-written status on apply (status subresource; MCS008 says so).
import { checkConditions } from './conditionChecks';
import { isFixturePath } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs420: Rule = {
  id: 'MCS420',
  title: 'Malformed status condition',
  severity: 'error',
  kinds: ['ServiceImport', 'ServiceExport'],
  check(ctx: RuleContext): Finding[] {
    const found = checkConditions(ctx.doc, ['status', 'conditions'], { implementation: ctx.settings.implementation });
    if (found.length === 0) return found;
    const severity = isFixturePath(ctx.index.workspacePath(ctx.uri)) ? 'error' : 'warning';
    return found.map((f) => (f.severity ? f : { ...f, severity }));
  },
};
