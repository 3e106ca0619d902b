// MCS601: the cluster id (`cluster.clusterset.k8s.io`) must be an RFC-1123 DNS subdomain (KEP-2149) and
// should fit where it is used: the source-cluster label (≤63, label syntax) and DNS names (KEP-1645 cluster
// id: one DNS label, or two joined by a dot). Facts §7.
import { CLUSTER_ID_PROPERTY } from '../model/clusterIds';
import { isDns1123Label, isDns1123Subdomain } from '../model/names';
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs601: Rule = {
  id: 'MCS601',
  title: 'Cluster id not a valid DNS name',
  severity: 'error',
  kinds: ['ClusterProperty'],
  check(ctx: RuleContext): Finding[] {
    if (stringAt(ctx.doc.root, ['metadata', 'name']) !== CLUSTER_ID_PROPERTY) return [];
    const id = stringAt(ctx.doc.root, ['spec', 'value']);
    if (!id) return [];
    const path = ['spec', 'value'];
    if (!isDns1123Subdomain(id)) {
      return [
        {
          ruleId: 'MCS601',
          path,
          message: `Cluster id "${id}" is not an RFC-1123 DNS subdomain (lowercase letters, digits, "-" and ".", starting and ending with a letter or digit), which KEP-2149 requires. Use a lowercase name such as ${suggestion(id)}, or the kube-system namespace UID.`,
        },
      ];
    }
    const warning = (why: string): Finding[] => [
      { ruleId: 'MCS601', severity: 'warning', path, message: `Cluster id "${id}" ${why}` },
    ];
    if (id.length >= 128)
      return warning(`has ${id.length} characters; KEP-2149 says it should be shorter than 128. Use a shorter id.`);
    if (id.length > 63)
      return warning(
        `has ${id.length} characters: it cannot be the multicluster.kubernetes.io/source-cluster label value (at most 63), so EndpointSlices of this cluster cannot be labelled. Use at most 63 characters.`,
      );
    const labels = id.split('.');
    if (labels.length > 2 || !labels.every(isDns1123Label)) {
      return warning(
        `is not one DNS label or two joined by a dot (the KEP-1645 cluster id form): it will not fit in <hostname>.<clusterid>.<svc>.<ns>.svc.clusterset.local names. Use a single label such as ${suggestion(id)}.`,
      );
    }
    return [];
  },
};

function suggestion(id: string): string {
  const s = id
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return s || 'east';
}
