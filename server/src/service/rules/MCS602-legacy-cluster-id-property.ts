// MCS602: `id.k8s.io` is the pre-KEP-2149 name of the cluster id property; the about-api sample and the DNS
// spec still show it, but implementations read `cluster.clusterset.k8s.io` (AWS reads only the new name). Facts §7.
import { CLUSTER_ID_PROPERTY, LEGACY_CLUSTER_ID_PROPERTY } from '../model/clusterIds';
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs602: Rule = {
  id: 'MCS602',
  title: 'Legacy property name id.k8s.io',
  severity: 'warning',
  kinds: ['ClusterProperty'],
  check(ctx: RuleContext): Finding[] {
    if (stringAt(ctx.doc.root, ['metadata', 'name']) !== LEGACY_CLUSTER_ID_PROPERTY) return [];
    return [
      {
        ruleId: 'MCS602',
        message: `ClusterProperty ${LEGACY_CLUSTER_ID_PROPERTY} is the legacy name of the cluster id: MCS controllers read ${CLUSTER_ID_PROPERTY} (the AWS controller fails with "ClusterProperty not found"). Rename it to ${CLUSTER_ID_PROPERTY}.`,
        path: ['metadata', 'name'],
        fixes: [
          {
            title: `Rename to ${CLUSTER_ID_PROPERTY}`,
            edits: [{ op: 'replaceValue', path: ['metadata', 'name'], text: CLUSTER_ID_PROPERTY }],
            preferred: true,
          },
        ],
      },
    ];
  },
};
