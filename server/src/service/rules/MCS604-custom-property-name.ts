// MCS604: custom ClusterProperty names must carry a domain suffix and must not use the reserved
// `.k8s.io` / `.kubernetes.io` suffixes (KEP-2149, facts §7).
import { CLUSTER_ID_PROPERTY, CLUSTERSET_ID_PROPERTY, LEGACY_CLUSTER_ID_PROPERTY } from '../model/clusterIds';
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

const WELL_KNOWN = new Set([CLUSTER_ID_PROPERTY, CLUSTERSET_ID_PROPERTY, LEGACY_CLUSTER_ID_PROPERTY]);
const RESERVED = /(^|\.)(k8s\.io|kubernetes\.io)$/;

export const mcs604: Rule = {
  id: 'MCS604',
  title: 'Custom ClusterProperty name',
  severity: 'warning',
  kinds: ['ClusterProperty'],
  check(ctx: RuleContext): Finding[] {
    const name = stringAt(ctx.doc.root, ['metadata', 'name']);
    if (!name || WELL_KNOWN.has(name)) return [];
    const path = ['metadata', 'name'];
    if (RESERVED.test(name)) {
      return [
        {
          ruleId: 'MCS604',
          path,
          message: `ClusterProperty "${name}" uses a reserved suffix: KEP-2149 reserves .k8s.io and .kubernetes.io for well-known properties (${CLUSTER_ID_PROPERTY}, ${CLUSTERSET_ID_PROPERTY}). Use your own domain, e.g. ${name.replace(RESERVED, '$1example.com').replace(/^\./, '')}.`,
        },
      ];
    }
    if (!name.includes('.')) {
      return [
        {
          ruleId: 'MCS604',
          severity: 'hint',
          path,
          message: `ClusterProperty "${name}" has no domain suffix: KEP-2149 asks custom properties to use one (e.g. ${name}.example.com) so they cannot clash with future well-known names.`,
        },
      ];
    }
    return [];
  },
};
