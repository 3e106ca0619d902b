// MCS501: an EndpointSlice that carries one MCS label needs all three (facts §5): service-name links it to
// the ServiceImport, source-cluster says whose endpoints these are, managed-by names the controller.
import { MANAGED_BY_LABEL, MCS_SERVICE_NAME_LABEL, MCS_SOURCE_CLUSTER_LABEL, labelPath } from '../model/mcsLabels';
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

const WHY: Record<string, string> = {
  [MCS_SERVICE_NAME_LABEL]:
    'CoreDNS and kube-proxy find imported endpoints by this label, so the slice belongs to no ServiceImport',
  [MCS_SOURCE_CLUSTER_LABEL]:
    'DNS cannot build <hostname>.<clusterid> records and stale slices of an unreachable cluster cannot be aged out',
  [MANAGED_BY_LABEL]: 'MCS conformance requires a managed-by value naming the MCS controller',
};

export const mcs501: Rule = {
  id: 'MCS501',
  title: 'Incomplete MCS labels on an EndpointSlice',
  severity: 'error',
  kinds: ['EndpointSlice'],
  check(ctx: RuleContext): Finding[] {
    const root = ctx.doc.root;
    const present = [MCS_SERVICE_NAME_LABEL, MCS_SOURCE_CLUSTER_LABEL].filter((k) => stringAt(root, labelPath(k)) !== undefined);
    if (present.length === 0) return [];
    const missing = [MCS_SERVICE_NAME_LABEL, MCS_SOURCE_CLUSTER_LABEL, MANAGED_BY_LABEL].filter(
      (k) => stringAt(root, labelPath(k)) === undefined,
    );
    if (missing.length === 0) return [];
    const reasons = missing.map((k) => `without ${k} ${WHY[k]}`).join('; ');
    return [
      {
        ruleId: 'MCS501',
        message: `MCS EndpointSlice is missing label${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: ${reasons}. Add ${missing.length > 1 ? 'them' : 'it'} (an MCS controller sets all three on the slices it creates).`,
        path: labelPath(present[0]),
        target: 'key',
      },
    ];
  },
};
