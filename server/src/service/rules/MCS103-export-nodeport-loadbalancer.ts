// MCS103: NodePort/LoadBalancer Services may be exported (imported as ClusterSetIP; node ports and load
// balancers are not part of the import), except with Submariner, which rejects them (facts §4).
import { servicesForExport, selfIn } from '../model/exportedServices';
import { serviceType } from '../model/service';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs103: Rule = {
  id: 'MCS103',
  title: 'NodePort/LoadBalancer Service exported',
  severity: 'hint',
  kinds: ['ServiceExport'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const self = selfIn(ctx.index, ctx.uri, ctx.docIndex);
    const svc = self && servicesForExport(ctx.index, self)[0];
    if (!svc) return [];
    const type = serviceType(svc.doc.root);
    if (type !== 'NodePort' && type !== 'LoadBalancer') return [];
    const related = [{ uri: svc.uri, docIndex: svc.docIndex, path: ['spec', 'type'], message: `type: ${type}` }];
    if (ctx.settings.implementation === 'submariner') {
      return [
        {
          ruleId: 'MCS103',
          severity: 'error',
          message: `Service ${svc.name} is of type ${type}: Submariner Lighthouse exports only ClusterIP Services and sets Valid=False (UnsupportedServiceType), so nothing is exported. Export a separate ClusterIP Service with the same selector.`,
          path: ['metadata', 'name'],
          related,
        },
      ];
    }
    return [
      {
        ruleId: 'MCS103',
        message: `Service ${svc.name} is of type ${type}: it is imported as a ClusterSetIP service; its ${type === 'NodePort' ? 'node ports are' : 'load balancer and node ports are'} not part of the import and other clusters reach it only through the clusterset IP.`,
        path: ['metadata', 'name'],
        related,
      },
    ];
  },
};
