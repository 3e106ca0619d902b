// MCS002: multicluster.x-k8s.io/v1beta1 is served only by mcs-api CRDs ≥ v0.5.0 (facts §1). The installed
// release comes from clusterset.crdVersion, or from the profile when the setting is empty: the aws and
// submariner profiles install v1alpha1-only CRDs (facts §1, §8.5).
import { MCS_GROUP, splitApiVersion } from '../model/apiVersions';
import { releaseBefore } from '../model/schemas/crdRelease';
import type { Finding, Rule, RuleContext } from './rule';

const V1BETA1_RELEASE = 'v0.5.0';
const V1ALPHA1_ONLY_PROFILES: Readonly<Record<string, string>> = {
  aws: "the aws profile installs the Cloud Map controller's vendored v1alpha1-only CRDs",
  submariner: 'the submariner profile installs v1alpha1-only CRDs (Lighthouse releases through at least 2024-10)',
};

/** Why v1beta1 is not served, or undefined when it is (or nothing says otherwise). */
function whyNotServed(crdVersion: string, implementation: string): string | undefined {
  const explicit = crdVersion.trim();
  if (explicit) return releaseBefore(explicit, V1BETA1_RELEASE) ? `clusterset.crdVersion is ${explicit}` : undefined;
  return V1ALPHA1_ONLY_PROFILES[implementation];
}

export const mcs002: Rule = {
  id: 'MCS002',
  title: 'v1beta1 used but the installed CRDs predate it',
  severity: 'warning',
  kinds: ['ServiceExport', 'ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const { apiVersion, kind } = ctx.doc;
    if (!apiVersion) return [];
    const { group, version } = splitApiVersion(apiVersion);
    if (group !== MCS_GROUP || version !== 'v1beta1') return [];
    const why = whyNotServed(ctx.settings.crdVersion, ctx.settings.implementation);
    if (!why) return [];
    const v1alpha1 = `${MCS_GROUP}/v1alpha1`;
    return [
      {
        ruleId: 'MCS002',
        // A release the user named is a fact about their clusters: kubectl apply then certainly fails (error);
        // a profile's assumption stays a warning.
        ...(ctx.settings.crdVersion.trim() ? { severity: 'error' as const } : {}),
        message: `${kind} uses ${apiVersion}, which mcs-api CRDs serve only from ${V1BETA1_RELEASE}, but ${why}: kubectl apply fails with "no matches for kind ${kind} in version ${apiVersion}". Use ${v1alpha1} (identical schema) or upgrade the CRDs to ${V1BETA1_RELEASE} or later and set clusterset.crdVersion.`,
        path: ['apiVersion'],
        fixes: [
          {
            title: `Change apiVersion to ${v1alpha1}`,
            edits: [{ op: 'replaceValue', path: ['apiVersion'], text: v1alpha1 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};
