// MCS901: GKE serves ServiceExport/ServiceImport as net.gke.io/v1, not multicluster.x-k8s.io; elsewhere no
// controller watches net.gke.io. Istio on GKE reads net.gke.io only with MCS_API_GROUP=net.gke.io on istiod
// (facts §1, §8.3, §8.4).
import { GKE_MCS_GROUP, GKE_MCS_VERSION, MCS_GROUP, splitApiVersion } from '../model/apiVersions';
import { istiodEnv } from '../model/istiod';
import type { Finding, Rule, RuleContext } from './rule';
import { sourceNote } from '../workspaceSettings';

export const mcs901: Rule = {
  id: 'MCS901',
  title: 'Wrong API group for GKE',
  severity: 'error',
  kinds: ['ServiceExport', 'ServiceImport'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const { apiVersion, kind } = ctx.doc;
    if (!apiVersion) return [];
    const { group } = splitApiVersion(apiVersion);
    const profile = ctx.settings.implementation;
    if (profile === 'gke' && group === MCS_GROUP) {
      const wanted = `${GKE_MCS_GROUP}/${GKE_MCS_VERSION}`;
      return [
        {
          ruleId: 'MCS901',
          message: `GKE multi-cluster Services serve ${kind} as ${wanted}: the GKE MCS controller ignores ${apiVersion} objects (and the CRD is usually not installed, so the API server rejects it). Use ${wanted}.`,
          path: ['apiVersion'],
          fixes: [
            {
              title: `Change apiVersion to ${wanted}`,
              edits: [{ op: 'replaceValue', path: ['apiVersion'], text: wanted }],
              preferred: true,
            },
          ],
        },
      ];
    }
    if (profile === 'gke' || group !== GKE_MCS_GROUP) return [];
    // Istio configured for GKE's group consumes net.gke.io objects: nothing to report.
    if (profile === 'istio' && [...istiodEnv(ctx.index)].some((e) => e.name === 'MCS_API_GROUP' && e.value === GKE_MCS_GROUP))
      return [];
    const wanted = `${MCS_GROUP}/v1alpha1`;
    const istioHint =
      profile === 'istio' ? ` If this is Istio on GKE, set MCS_API_GROUP=${GKE_MCS_GROUP} on istiod instead.` : '';
    return [
      {
        ruleId: 'MCS901',
        severity: 'warning',
        message: `${apiVersion} is GKE's MCS group, but the implementation is ${profile}${sourceNote(ctx.settings)}: no controller outside GKE watches ${GKE_MCS_GROUP}, so this ${kind} does nothing. Use ${wanted}.${istioHint}`,
        path: ['apiVersion'],
        fixes: [{ title: `Change apiVersion to ${wanted}`, edits: [{ op: 'replaceValue', path: ['apiVersion'], text: wanted }] }],
      },
    ];
  },
};
