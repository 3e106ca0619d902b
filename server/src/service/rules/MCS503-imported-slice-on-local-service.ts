// MCS503: an imported (MCS-labelled) slice that also names the local Service in kubernetes.io/service-name
// adds remote endpoints to <svc>.<ns>.svc.cluster.local traffic, which KEP-1645 says must not change
// (facts §5, §6). Slices attached to a derived Service (`derived-…`) are how imports are meant to work.
import { MCS_SERVICE_NAME_LABEL, MCS_SOURCE_CLUSTER_LABEL, SERVICE_NAME_LABEL, labelPath } from '../model/mcsLabels';
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs503: Rule = {
  id: 'MCS503',
  title: 'Imported EndpointSlice attached to the local Service',
  severity: 'warning',
  kinds: ['EndpointSlice'],
  check(ctx: RuleContext): Finding[] {
    const root = ctx.doc.root;
    const mcsService = stringAt(root, labelPath(MCS_SERVICE_NAME_LABEL));
    const localService = stringAt(root, labelPath(SERVICE_NAME_LABEL));
    if (mcsService === undefined || localService !== mcsService || localService.startsWith('derived-')) return [];
    const source = stringAt(root, labelPath(MCS_SOURCE_CLUSTER_LABEL));
    return [
      {
        ruleId: 'MCS503',
        message: `This MCS EndpointSlice${source ? ` (endpoints of cluster ${source})` : ''} is attached to the local Service ${mcsService} through ${SERVICE_NAME_LABEL}: kube-proxy would send ${mcsService}.<ns>.svc.cluster.local traffic to remote endpoints, and cluster.local behaviour must not change under MCS. Attach imported slices to the derived Service of the ServiceImport (derived-…) instead.`,
        path: labelPath(SERVICE_NAME_LABEL),
      },
    ];
  },
};
