// MCS203: sessionAffinity and its ClientIP timeout are global properties: a difference is a
// SessionAffinityConflict / SessionAffinityConfigConflict and the oldest export wins (facts §4).
import { conflictOutcome, conflictScope, disagreement, displayName, relatedAt, type AgreedField } from '../model/conflicts';
import { fieldOrName, SESSION_TIMEOUT_PATH, sessionAffinity, sessionTimeout } from '../model/service';
import type { Finding, Rule, RuleContext } from './rule';

const AFFINITY: AgreedField = {
  field: 'sessionAffinity',
  path: ['spec', 'sessionAffinity'],
  reason: 'SessionAffinityConflict',
  read: sessionAffinity,
  advice: 'Use the same sessionAffinity in every exporting cluster.',
};

export const mcs203: Rule = {
  id: 'MCS203',
  title: 'Session affinity differs between clusters',
  severity: 'warning',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const scope = conflictScope(ctx, 'service');
    if (!scope) return [];
    const root = ctx.doc.root;
    const findings: Finding[] = [];
    const name = displayName(scope.self);
    const byAffinity = disagreement(ctx, scope, 'MCS203', AFFINITY);
    if (byAffinity) findings.push(byAffinity);
    const timeout = sessionTimeout(root);
    const byTimeout = scope.peers.filter(
      (p) => timeout !== undefined && sessionTimeout(p.obj.doc.root) !== undefined && sessionTimeout(p.obj.doc.root) !== timeout,
    );
    if (byTimeout.length) {
      const theirs = byTimeout.map((p) => `${sessionTimeout(p.obj.doc.root)} s in cluster ${p.cluster}`).join(', ');
      findings.push({
        ruleId: 'MCS203',
        message: `Service ${name} has a ClientIP affinity timeout of ${timeout} s in cluster ${scope.cluster} but ${theirs}: ${conflictOutcome('SessionAffinityConfigConflict')}. Use the same sessionAffinityConfig.clientIP.timeoutSeconds everywhere (default 10800).`,
        path: fieldOrName(root, SESSION_TIMEOUT_PATH),
        related: byTimeout.map((p) =>
          relatedAt(p, fieldOrName(p.obj.doc.root, SESSION_TIMEOUT_PATH), `timeoutSeconds ${sessionTimeout(p.obj.doc.root)}`),
        ),
      });
    }
    return findings;
  },
};
