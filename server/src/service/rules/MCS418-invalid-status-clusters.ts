// MCS418: status.clusters[] lists the clusters backing the import; `cluster` is required, should be an
// RFC 1123 DNS label (description only) and is the list-map key, so duplicates break the list (facts §3).
// Error in test fixtures (they stand for what a controller wrote); Warning elsewhere, where the API server
// drops a hand-written status anyway (status subresource) and MCS008 already says so.
import { isDns1123Label } from '../model/names';
import { asMap, asSeq, nodeAt } from '../parse/path';
import { describeScalar, isFixturePath, stringScalar } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext, Severity } from './rule';

export const mcs418: Rule = {
  id: 'MCS418',
  title: 'Invalid status.clusters',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const seq = asSeq(nodeAt(ctx.doc.root, ['status', 'clusters']));
    if (!seq) return [];
    const severity: Severity = isFixturePath(ctx.index.workspacePath(ctx.uri)) ? 'error' : 'warning';
    const findings: Finding[] = [];
    const seen = new Map<string, number>();
    seq.items.forEach((item, i) => {
      const path = ['status', 'clusters', i];
      if (!asMap(item)) {
        findings.push({
          ruleId: 'MCS418',
          severity,
          message: `status.clusters[${i}] must be a mapping with a cluster field ({cluster: east}), not ${describeScalar(item)}.`,
          path,
        });
        return;
      }
      const node = nodeAt(item, ['cluster']);
      const name = stringScalar(node)?.value as string | undefined;
      if (name === undefined) {
        findings.push({
          ruleId: 'MCS418',
          severity,
          message: `status.clusters[${i}] has ${node ? `cluster ${describeScalar(node)} instead of a cluster id string` : 'no cluster field'}: cluster is required and is the list key.`,
          path: node ? [...path, 'cluster'] : path,
        });
        return;
      }
      if (!isDns1123Label(name)) {
        findings.push({
          ruleId: 'MCS418',
          severity,
          message: `status.clusters[${i}].cluster "${name}" is not an RFC 1123 DNS label: cluster ids become DNS labels (<hostname>.<clusterid>.<svc>.<ns>.svc.clusterset.local), so such a cluster cannot be addressed.`,
          path: [...path, 'cluster'],
        });
      }
      const first = seen.get(name);
      if (first !== undefined) {
        findings.push({
          ruleId: 'MCS418',
          severity,
          message: `status.clusters[${i}] repeats cluster "${name}" (also at [${first}]): cluster is the list-map key, so the API server rejects it when a controller writes the status (an applied manifest has its status discarded).`,
          path: [...path, 'cluster'],
        });
      } else seen.set(name, i);
    });
    return findings;
  },
};
