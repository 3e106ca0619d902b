// MCS403: spec.type is the only enum in the ServiceImport spec: ClusterSetIP or Headless, case-sensitive
// (facts §3). Authors often write the Service type (ClusterIP) instead.
import { describeScalar, enumMismatch, replaceValueFix } from './MCS4xx-import-helpers';
import type { Finding, QuickFix, Rule, RuleContext } from './rule';

const IMPORT_TYPES = ['ClusterSetIP', 'Headless'] as const;

/** Service-side spellings and what the import type would be for them (KEP "Service Types"). */
const FROM_SERVICE_TYPE: Record<string, string> = {
  clusterip: 'ClusterSetIP',
  clustersetip: 'ClusterSetIP',
  clusterset: 'ClusterSetIP',
  nodeport: 'ClusterSetIP',
  loadbalancer: 'ClusterSetIP',
  none: 'Headless',
};

export const mcs403: Rule = {
  id: 'MCS403',
  title: 'ServiceImport spec.type outside the enum',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const path = ['spec', 'type'];
    // Missing or null type is MCS402's finding.
    const bad = enumMismatch(ctx.doc.root, path, IMPORT_TYPES);
    if (!bad) return [];
    const written = bad.value;
    const suggestion = bad.caseFix ?? (written === undefined ? undefined : FROM_SERVICE_TYPE[written.toLowerCase()]);
    const fixes: QuickFix[] = suggestion ? [replaceValueFix(path, suggestion, `Change spec.type to ${suggestion}`)] : [];
    const hint =
      written?.toLowerCase() === 'clusterip'
        ? ' ClusterIP is a Service type; the matching import type is ClusterSetIP.'
        : suggestion
          ? ` Did you mean ${suggestion}?`
          : '';
    return [
      {
        ruleId: 'MCS403',
        message: `spec.type is ${describeScalar(bad.node)}, not ClusterSetIP or Headless (the CRD enum is case-sensitive), so the API server rejects the ServiceImport.${hint}`,
        path,
        fixes,
      },
    ];
  },
};
