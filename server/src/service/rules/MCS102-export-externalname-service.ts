// MCS102: an ExternalName Service cannot be exported: Valid=False (InvalidServiceType), and no
// ServiceImport is created anywhere (KEP-1645 "Service Types", conformance-tested; facts §4).
import { servicesForExport, selfIn } from '../model/exportedServices';
import { serviceType } from '../model/service';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs102: Rule = {
  id: 'MCS102',
  title: 'Exporting an ExternalName Service',
  severity: 'error',
  kinds: ['ServiceExport'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const self = selfIn(ctx.index, ctx.uri, ctx.docIndex);
    const svc = self && servicesForExport(ctx.index, self)[0];
    if (!svc || serviceType(svc.doc.root) !== 'ExternalName') return [];
    const reason = ctx.settings.implementation === 'submariner' ? 'UnsupportedServiceType' : 'InvalidServiceType';
    return [
      {
        ruleId: 'MCS102',
        message: `Service ${svc.name} is of type ExternalName, which cannot be exported: the MCS controller sets Valid=False (${reason}) and no ServiceImport is created in any cluster. Export a ClusterIP or headless Service instead, or give consumers the external name directly.`,
        path: ['metadata', 'name'],
        related: [{ uri: svc.uri, docIndex: svc.docIndex, path: ['spec', 'type'], message: 'type: ExternalName' }],
      },
    ];
  },
};
