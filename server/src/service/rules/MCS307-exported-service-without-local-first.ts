// MCS307: a Service exported from two or more clusters with no local-first traffic policy: callers spread over
// every exporting cluster's endpoints, so a call may cross a region (latency, transfer cost) while local
// endpoints are healthy. Only where the workspace shows several exporting clusters: with one exporter there is
// no local copy to prefer. A hint, not a mistake: some services want even spreading. Not raised for Istio, whose policy lives in a
// DestinationRule the workspace index does not read (it would be a guess).
import { exportingClusters, selfIn } from '../model/exportedServices';
import { trafficDistribution } from '../model/service';
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

const LOCAL_FIRST_ANNOTATIONS = [
  'service.kubernetes.io/topology-mode',
  'service.kubernetes.io/topology-aware-hints',
  'service.cilium.io/affinity',
];

export const mcs307: Rule = {
  id: 'MCS307',
  title: 'Exported Service without a local-first traffic policy',
  severity: 'hint',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    if (ctx.settings.implementation === 'istio') return [];
    const root = ctx.doc.root;
    if (trafficDistribution(root) !== undefined) return [];
    if (LOCAL_FIRST_ANNOTATIONS.some((a) => stringAt(root, ['metadata', 'annotations', a]) !== undefined)) return [];
    const self = selfIn(ctx.index, ctx.uri, ctx.docIndex);
    if (!self?.name || self.cluster === undefined) return [];
    const exporters = exportingClusters(ctx.index, self.namespace, self.name).map((c) => c.cluster);
    if (exporters.length < 2 || !exporters.includes(self.cluster)) return [];
    const ref = `${self.namespace ?? 'default'}/${self.name}`;
    return [
      {
        ruleId: 'MCS307',
        message: `Service ${ref} is exported from ${exporters.join(', ')} and has no local-first traffic policy: callers spread over the endpoints of every exporting cluster, so calls may cross regions while local endpoints are healthy. Set spec.trafficDistribution (PreferSameZone from Kubernetes 1.34, PreferClose from 1.31) in every exporting cluster, or run "Clusterset: Generate Local-First Traffic Policy" (clusterset generate traffic-policy --service ${ref}).`,
        path: ['metadata', 'name'],
      },
    ];
  },
};
