// MCS502: an MCS EndpointSlice must not claim the built-in EndpointSlice controller as its manager
// (facts §5; mcs-api conformance checks managed-by is not endpointslice-controller.k8s.io).
import {
  BUILTIN_SLICE_CONTROLLER,
  MANAGED_BY_LABEL,
  MCS_SERVICE_NAME_LABEL,
  MCS_SOURCE_CLUSTER_LABEL,
  labelPath,
} from '../model/mcsLabels';
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs502: Rule = {
  id: 'MCS502',
  title: 'MCS EndpointSlice claimed by the built-in controller',
  severity: 'error',
  kinds: ['EndpointSlice'],
  check(ctx: RuleContext): Finding[] {
    const root = ctx.doc.root;
    const isMcs =
      stringAt(root, labelPath(MCS_SERVICE_NAME_LABEL)) !== undefined ||
      stringAt(root, labelPath(MCS_SOURCE_CLUSTER_LABEL)) !== undefined;
    if (!isMcs || stringAt(root, labelPath(MANAGED_BY_LABEL)) !== BUILTIN_SLICE_CONTROLLER) return [];
    return [
      {
        ruleId: 'MCS502',
        message: `MCS EndpointSlice is labelled ${MANAGED_BY_LABEL}: ${BUILTIN_SLICE_CONTROLLER}: the Kubernetes EndpointSlice controller treats it as its own and rewrites or deletes it, and MCS conformance forbids this value. Set managed-by to your MCS controller (e.g. lighthouse-agent.submariner.io, endpointslice-mesh-controller.cilium.io).`,
        path: labelPath(MANAGED_BY_LABEL),
      },
    ];
  },
};
