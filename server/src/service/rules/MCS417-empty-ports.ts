// MCS417: `ports: []` passes the CRD (required, but no minItems) yet the import exposes nothing, and a
// Service without ports (what a controller derives from it) is refused: an error like its siblings (facts §3).
import { asSeq, nodeAt } from '../parse/path';
import { objectLabel } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs417: Rule = {
  id: 'MCS417',
  title: 'Empty ports list',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const ports = asSeq(nodeAt(ctx.doc.root, ['spec', 'ports']));
    if (!ports || ports.items.length > 0) return [];
    return [
      {
        ruleId: 'MCS417',
        message: `ServiceImport ${objectLabel(ctx.doc)} has an empty spec.ports list: the API server accepts it, but the import exposes no port, so the derived Service has nothing to forward and SRV lookups return nothing. List the exported Service's ports.`,
        path: ['spec', 'ports'],
      },
    ];
  },
};
