// MCS409: a hand-authored ClusterSetIP import with no ips has no VIP until a controller allocates one, so
// <svc>.<ns>.svc.clusterset.local has no A/AAAA answer meanwhile (facts §3, §6, §8.2).
import { asSeq, nodeAt, stringAt } from '../parse/path';
import { isFixturePath, objectLabel } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs409: Rule = {
  id: 'MCS409',
  title: 'ClusterSetIP ServiceImport without ips',
  severity: 'hint',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    // In fixtures an import without a VIP yet is a legitimate state to test.
    if (isFixturePath(ctx.index.workspacePath(ctx.uri)) || stringAt(ctx.doc.root, ['spec', 'type']) !== 'ClusterSetIP') return [];
    const ips = asSeq(nodeAt(ctx.doc.root, ['spec', 'ips']));
    if (ips && ips.items.length > 0) return [];
    const name = stringAt(ctx.doc.root, ['metadata', 'name']) ?? '<svc>';
    const ns = stringAt(ctx.doc.root, ['metadata', 'namespace']) ?? '<ns>';
    const who =
      ctx.settings.implementation === 'submariner'
        ? ' Submariner allocates one only when the ServiceExport has lighthouse.submariner.io/use-clusterset-ip: "true" (or clustersetIPEnabled); otherwise DNS returns per-cluster ClusterIPs.'
        : ' The controller normally allocates it (the reference controller copies the derived Service ClusterIP).';
    return [
      {
        ruleId: 'MCS409',
        message: `ClusterSetIP ServiceImport ${objectLabel(ctx.doc)} has no spec.ips: until a VIP exists, ${name}.${ns}.svc.clusterset.local has no A/AAAA answer.${who}`,
        path: ['spec', 'type'],
      },
    ];
  },
};
