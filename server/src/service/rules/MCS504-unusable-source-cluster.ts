// MCS504: multicluster.kubernetes.io/source-cluster must be a valid label value (facts §5, §7) and should
// name a cluster the workspace declares (ClusterSet file or cluster.clusterset.k8s.io ClusterProperty).
import { knownClusterIds } from '../model/clusterIds';
import { MCS_SOURCE_CLUSTER_LABEL, labelPath } from '../model/mcsLabels';
import { labelValueProblem } from '../model/names';
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs504: Rule = {
  id: 'MCS504',
  title: 'source-cluster label value unusable',
  severity: 'error',
  kinds: ['EndpointSlice'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const value = stringAt(ctx.doc.root, labelPath(MCS_SOURCE_CLUSTER_LABEL));
    if (value === undefined) return [];
    const path = labelPath(MCS_SOURCE_CLUSTER_LABEL);
    const problem = value === '' ? 'it is empty' : labelValueProblem(value);
    if (problem) {
      return [
        {
          ruleId: 'MCS504',
          message: `source-cluster "${value}" is not a valid label value: ${problem}. The API server rejects the EndpointSlice. Use the cluster id (the cluster.clusterset.k8s.io ClusterProperty value, a DNS label such as east).`,
          path,
        },
      ];
    }
    const known = knownClusterIds(ctx.index);
    if (known.size === 0 || known.has(value)) return [];
    return [
      {
        ruleId: 'MCS504',
        severity: 'warning',
        message: `source-cluster "${value}" is not a cluster id of this clusterset (known: ${[...known].sort().join(', ')}): DNS names <hostname>.${value}.<svc>.<ns>.svc.clusterset.local will not match any cluster. Use one of the declared cluster ids.`,
        path,
      },
    ];
  },
};
