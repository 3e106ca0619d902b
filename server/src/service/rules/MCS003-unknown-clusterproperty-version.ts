// MCS003: ClusterProperty is served as about.k8s.io/v1alpha1 and /v1beta1 only; the KEP-2149 examples'
// about.k8s.io/v1 does not exist (facts §7).
import { ABOUT_GROUP, ABOUT_VERSIONS, splitApiVersion } from '../model/apiVersions';
import type { Finding, Rule, RuleContext } from './rule';

// v1alpha1 is served by every about-api release and is what the AWS controller reads; v1beta1 only since 2025-05.
const SUGGESTED = `${ABOUT_GROUP}/v1alpha1`;

export const mcs003: Rule = {
  id: 'MCS003',
  title: 'ClusterProperty with a non-existent group/version',
  severity: 'error',
  kinds: ['ClusterProperty'],
  check(ctx: RuleContext): Finding[] {
    const { apiVersion } = ctx.doc;
    const served = `${ABOUT_GROUP}/v1alpha1 or ${ABOUT_GROUP}/v1beta1`;
    if (apiVersion === undefined) {
      return [{ ruleId: 'MCS003', message: `ClusterProperty has no apiVersion; use ${served}.`, path: ['kind'], target: 'key' }];
    }
    const { group, version } = splitApiVersion(apiVersion);
    if (group === ABOUT_GROUP && (ABOUT_VERSIONS as readonly string[]).includes(version)) return [];
    const why =
      group !== ABOUT_GROUP
        ? `ClusterProperty is served by the ${ABOUT_GROUP} group`
        : version === 'v1'
          ? `${ABOUT_GROUP}/v1 appears only in the KEP-2149 examples; no CRD serves it`
          : `${ABOUT_GROUP}/${version} does not exist`;
    const keep =
      group === ABOUT_GROUP || !(ABOUT_VERSIONS as readonly string[]).includes(version) ? SUGGESTED : `${ABOUT_GROUP}/${version}`;
    return [
      {
        ruleId: 'MCS003',
        message: `ClusterProperty uses unknown API group/version "${apiVersion}": ${why}, so kubectl apply fails with "no matches for kind" and controllers that read the cluster id (AWS, DNS) never see it. Use ${served}.`,
        path: ['apiVersion'],
        fixes: [
          {
            title: `Change apiVersion to ${keep}`,
            edits: [{ op: 'replaceValue', path: ['apiVersion'], text: keep }],
            preferred: true,
          },
        ],
      },
    ];
  },
};
