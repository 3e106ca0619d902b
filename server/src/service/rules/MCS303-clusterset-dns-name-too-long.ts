// MCS303: <svc>.<ns>.svc.clusterset.local always fits, but the headless per-endpoint name
// <hostname>.<clusterid>.<svc>.<ns>.svc.clusterset.local can exceed 253 characters (or a 63-character
// label), because a cluster id may be two labels and up to 127 characters (KEP-2149). Such records cannot
// exist (facts §6, §7). Hostnames come from the StatefulSets the Service governs or selects; cluster ids
// from ClusterProperty objects in the cluster folder, else the ClusterSet file / folder names.
import { clusterIdOf, clusterSetClusters, unnamespacedClusterIdProperties } from '../model/clusterIds';
import { isExported, selfIn } from '../model/exportedServices';
import { MAX_DNS_NAME, MAX_LABEL } from '../model/names';
import { isHeadless } from '../model/service';
import { governedStatefulSets, longestHostname, selectedStatefulSets } from '../model/statefulSets';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs303: Rule = {
  id: 'MCS303',
  title: 'Clusterset DNS name too long',
  severity: 'warning',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const self = selfIn(ctx.index, ctx.uri, ctx.docIndex);
    if (!self?.name || !isHeadless(ctx.doc.root) || !isExported(ctx.index, self)) return [];
    const sets = new Set([...governedStatefulSets(ctx.index, self), ...selectedStatefulSets(ctx.index, self)]);
    if (sets.size === 0) return [];
    const hostname = [...sets].map(longestHostname).reduce((a, b) => (b.length > a.length ? b : a));
    const clusterId = longestClusterId(ctx.index, self.cluster);
    const name = [
      hostname,
      clusterId ?? '<clusterid>',
      self.name,
      self.namespace ?? 'default',
      'svc',
      'clusterset',
      'local',
    ].join('.');
    const longLabel = [hostname, ...(clusterId?.split('.') ?? [])].find((l) => l.length > MAX_LABEL);
    const tooLong = clusterId !== undefined && name.length > MAX_DNS_NAME;
    if (!longLabel && !tooLong) return [];
    const why = longLabel
      ? `the label "${longLabel}" has ${longLabel.length} characters (at most ${MAX_LABEL})`
      : `it has ${name.length} characters (at most ${MAX_DNS_NAME})`;
    return [
      {
        ruleId: 'MCS303',
        message: `The per-endpoint clusterset DNS name ${name} is not a valid DNS name: ${why}. That record cannot exist, so clients cannot address this Pod by hostname across the clusterset. Shorten the StatefulSet, Service or namespace name (or the cluster id).`,
        path: ['metadata', 'name'],
      },
    ];
  },
};

/** The cluster id of the Service's cluster; for a file outside cluster folders, the longest id known. */
function longestClusterId(index: WorkspaceIndex, cluster: string | undefined): string | undefined {
  if (cluster !== undefined) return clusterIdOf(index, cluster);
  const ids = [...unnamespacedClusterIdProperties(index), ...clusterSetClusters(index)].map((c) => c.id);
  return ids.length ? ids.reduce((a, b) => (b.length > a.length ? b : a)) : undefined;
}
