// MCS407: spec.ipFamilies holds IPv4 and/or IPv6, each at most once, at most 2 entries (facts §3: maxItems 2,
// no enum in the CRD; the KEP calls [IPv4, IPv4] invalid).
import { asSeq, nodeAt } from '../parse/path';
import { caseFixFor, describeScalar, replaceValueFix, stringScalar } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

const FAMILIES = ['IPv4', 'IPv6'] as const;

export const mcs407: Rule = {
  id: 'MCS407',
  title: 'Invalid or duplicate spec.ipFamilies',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const seq = asSeq(nodeAt(ctx.doc.root, ['spec', 'ipFamilies']));
    if (!seq) return [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    seq.items.forEach((item, i) => {
      const path = ['spec', 'ipFamilies', i];
      const value = stringScalar(item)?.value as string | undefined;
      if (value === undefined) return; // not a string: the API server rejects its type (MCS011)
      if (!(FAMILIES as readonly string[]).includes(value)) {
        const fix = caseFixFor(value.replace(/^ip(v)?/i, 'IPv'), FAMILIES);
        findings.push({
          ruleId: 'MCS407',
          message: `spec.ipFamilies[${i}] is ${describeScalar(item)}, not IPv4 or IPv6 (case-sensitive): the CRD accepts it, but the controller cannot allocate a VIP for an unknown family and reports IPFamilyNotSupported.`,
          path,
          fixes: fix ? [replaceValueFix(path, fix)] : [],
        });
        return;
      }
      if (seen.has(value)) {
        findings.push({
          ruleId: 'MCS407',
          message: `spec.ipFamilies lists ${value} twice: each family may appear once (the KEP calls [${value}, ${value}] invalid), since an import has one VIP per family.`,
          path,
        });
      }
      seen.add(value);
    });
    if (seq.items.length > 2) {
      findings.push({
        ruleId: 'MCS407',
        message: `spec.ipFamilies has ${seq.items.length} entries but the CRD allows at most 2 (maxItems 2), so the API server rejects the ServiceImport.`,
        path: ['spec', 'ipFamilies', 2],
      });
    }
    return findings;
  },
};
