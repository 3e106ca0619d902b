// MCS001: ServiceExport/ServiceImport must use multicluster.x-k8s.io/v1alpha1 or v1beta1
// (net.gke.io/v1 in the gke profile). The KEP's examples use multicluster.k8s.io, which no CRD serves.
import { GKE_MCS_GROUP, GKE_MCS_VERSION, MCS_GROUP, MCS_VERSIONS, splitApiVersion } from '../model/apiVersions';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs001: Rule = {
  id: 'MCS001',
  title: 'Unknown group/version for an MCS kind',
  severity: 'error',
  kinds: ['ServiceExport', 'ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const { apiVersion, kind } = ctx.doc;
    if (apiVersion === undefined) {
      return [
        {
          ruleId: 'MCS001',
          message: `${kind} has no apiVersion; use ${MCS_GROUP}/v1alpha1 or ${MCS_GROUP}/v1beta1.`,
          path: ['kind'],
          target: 'key',
        },
      ];
    }
    const { group, version } = splitApiVersion(apiVersion);
    if (group === MCS_GROUP && (MCS_VERSIONS as readonly string[]).includes(version)) return [];
    // net.gke.io is a valid group on GKE; outside the gke profile MCS901 reports it instead.
    if (group === GKE_MCS_GROUP && version === GKE_MCS_VERSION) return [];
    const wanted = ctx.settings.implementation === 'gke' ? `${GKE_MCS_GROUP}/${GKE_MCS_VERSION}` : suggestedApiVersion(version);
    const why =
      group === 'multicluster.k8s.io'
        ? `the group multicluster.k8s.io appears only in the KEP's examples; no CRD serves it`
        : group === MCS_GROUP
          ? `${MCS_GROUP} serves only ${MCS_VERSIONS.join(' and ')}`
          : `${kind} is served by ${MCS_GROUP} (v1alpha1, v1beta1)`;
    return [
      {
        ruleId: 'MCS001',
        message: `${kind} uses unknown API group/version "${apiVersion}": ${why}. Use ${wanted}.`,
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
  },
};

/** Keep the author's version when it is a real one; otherwise v1alpha1, which every CRD release and consumer serves. */
function suggestedApiVersion(version: string): string {
  return `${MCS_GROUP}/${(MCS_VERSIONS as readonly string[]).includes(version) ? version : 'v1alpha1'}`;
}
