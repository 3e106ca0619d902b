// MCS408: a Headless import has no clusterset VIP (conformance checks that ips stays empty; facts §3, §4).
import { asSeq, nodeAt, stringAt } from '../parse/path';
import { objectLabel } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs408: Rule = {
  id: 'MCS408',
  title: 'Headless ServiceImport with ips',
  severity: 'warning',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    if (stringAt(ctx.doc.root, ['spec', 'type']) !== 'Headless') return [];
    const ips = asSeq(nodeAt(ctx.doc.root, ['spec', 'ips']));
    if (!ips || ips.items.length === 0) return [];
    return [
      {
        ruleId: 'MCS408',
        message: `ServiceImport ${objectLabel(ctx.doc)} is Headless but lists spec.ips: headless imports get no clusterset IP, so DNS answers with the endpoint IPs and ignores these, and the controller clears them. Remove spec.ips, or use type ClusterSetIP if you want a VIP.`,
        path: ['spec', 'ips'],
        target: 'key',
      },
    ];
  },
};
