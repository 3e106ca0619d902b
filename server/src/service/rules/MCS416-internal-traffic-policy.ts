// MCS416: spec.internalTrafficPolicy is Cluster (default) or Local; the CRD has no enum (facts §3, §9).
import { describeScalar, enumMismatch, replaceValueFix } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

const POLICIES = ['Cluster', 'Local'] as const;

export const mcs416: Rule = {
  id: 'MCS416',
  title: 'internalTrafficPolicy value',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const path = ['spec', 'internalTrafficPolicy'];
    const bad = enumMismatch(ctx.doc.root, path, POLICIES);
    if (!bad) return [];
    const fix = bad.caseFix;
    return [
      {
        ruleId: 'MCS416',
        message: `spec.internalTrafficPolicy is ${describeScalar(bad.node)}, not Cluster or Local: the API server accepts it (no enum in the CRD), but Service validation rejects it, so a controller that copies it into the derived Service gets that Service refused.${fix ? ` Write ${fix}.` : ' Use Cluster (default) or Local.'}`,
        path,
        fixes: fix ? [replaceValueFix(path, fix)] : [],
      },
    ];
  },
};
