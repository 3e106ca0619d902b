// MCS711: every cluster has a name that is a DNS label (RFC 1123, ≤ 63 characters) and unique: it is
// the cluster id (ClusterProperty cluster.clusterset.k8s.io), which appears in per-cluster DNS names
// (<cluster>.<svc>.<ns>.svc.clusterset.local) and in the EndpointSlice label multicluster.kubernetes.io/source-cluster.
import { analyzeClusterSet } from '../cidr/analysis';
import type { Finding, Rule, RuleContext } from './rule';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function dnsLabelProblem(name: string): string | undefined {
  if (name.length > 63) return `is ${name.length} characters long (a DNS label has at most 63)`;
  if (!DNS_LABEL.test(name))
    return 'is not a DNS label (lowercase letters, digits and "-", starting and ending with a letter or digit)';
  return undefined;
}

export const mcs711: Rule = {
  id: 'MCS711',
  title: 'Cluster name missing, not a DNS label, or duplicated',
  severity: 'error',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const a = analyzeClusterSet(ctx.doc);
    const out: Finding[] = [];
    const first = new Map<string, { path: readonly (string | number)[] }>();
    for (const c of a.model.clusters) {
      if (!c.name) {
        out.push({
          ruleId: 'MCS711',
          message: `clusters[${c.index}] has no name: the name is the cluster id every MCS controller and DNS name uses. Add name: <cluster id>.`,
          path: c.path,
        });
        continue;
      }
      const name = c.name.value;
      const problem = dnsLabelProblem(name);
      if (problem)
        out.push({
          ruleId: 'MCS711',
          message: `Cluster name "${name}" ${problem}: as cluster id it must be a valid DNS label, or per-cluster DNS names (${name}.<svc>.<ns>.svc.clusterset.local) and the source-cluster label are invalid.`,
          path: c.name.path,
        });
      const prev = first.get(name);
      if (prev) {
        out.push({
          ruleId: 'MCS711',
          message: `Cluster name "${name}" is used twice: cluster ids must be unique in a clusterset, or both clusters' EndpointSlices carry the same source-cluster and one overwrites the other. Rename one of them.`,
          path: c.name.path,
          related: [{ uri: ctx.uri, docIndex: ctx.docIndex, path: prev.path, message: `first cluster named ${name}` }],
        });
      } else first.set(name, { path: c.name.path });
    }
    return out;
  },
};
