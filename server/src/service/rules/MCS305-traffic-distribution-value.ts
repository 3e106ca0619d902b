// MCS305: trafficDistribution values and the Kubernetes versions that know them (facts §3, §9):
// PreferClose (KEP-4444: alpha 1.30, beta 1.31, GA 1.33); PreferSameZone/PreferSameNode (KEP-3015: alpha
// 1.33 behind PreferSameTrafficDistribution, on by default from 1.34); PreferClose is a deprecated alias of
// PreferSameZone. Applies to every Service and ServiceImport (the ServiceImport CRD has no enum).
import { atLeast, kubernetesMinor } from '../model/kubeVersion';
import { asScalar, nodeAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

const VALUES = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];
const PATH = ['spec', 'trafficDistribution'];

export const mcs305: Rule = {
  id: 'MCS305',
  title: 'trafficDistribution value or Kubernetes version',
  severity: 'error',
  kinds: ['Service', 'ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const scalar = asScalar(nodeAt(ctx.doc.root, PATH));
    // Only strings: another type is refused by the API server for its type (MCS011).
    const value = typeof scalar?.value === 'string' ? scalar.value : undefined;
    if (value === undefined) return [];
    const minor = kubernetesMinor(ctx.settings.kubernetesVersion);
    const version = `Kubernetes 1.${minor}`;
    if (!VALUES.includes(value)) {
      const near = VALUES.find((v) => v.toLowerCase() === value.toLowerCase());
      const effect =
        ctx.doc.kind === 'Service'
          ? 'the API server rejects the Service'
          : 'the CRD accepts it but controllers ignore or reject it (Cilium validates exactly these values)';
      return [
        {
          ruleId: 'MCS305',
          message: `trafficDistribution "${value}" is not a known value (${VALUES.join(', ')}): ${effect}.${near ? ` Values are case-sensitive: use ${near}.` : ''}`,
          path: PATH,
          fixes: near
            ? [{ title: `Change to ${near}`, edits: [{ op: 'replaceValue', path: PATH, text: near }], preferred: true }]
            : undefined,
        },
      ];
    }
    // Version limits are the API server's and kube-proxy's: they apply to Services. The ServiceImport CRD
    // accepts any string, and its value reaches the derived Services, whose checks are the importing cluster's.
    if (ctx.doc.kind === 'Service' && !atLeast(minor, 31)) {
      return [
        {
          ruleId: 'MCS305',
          severity: 'warning',
          message: `trafficDistribution needs Kubernetes 1.31 (beta; alpha in 1.30 behind the ServiceTrafficDistribution gate): ${version} drops or rejects it, so traffic is spread over all endpoints. Remove it or raise kubernetesVersion (setting, .clusterset.yaml or --kubernetes-version) if the clusters are newer.`,
          path: PATH,
        },
      ];
    }
    if (ctx.doc.kind === 'Service' && value !== 'PreferClose' && !atLeast(minor, 34)) {
      const why =
        minor === 33
          ? 'it is alpha in 1.33 and the PreferSameTrafficDistribution feature gate is off by default'
          : `${version} only knows PreferClose`;
      return [
        {
          ruleId: 'MCS305',
          severity: 'warning',
          message: `trafficDistribution ${value} needs Kubernetes 1.34 (on by default): ${why}, so the API server rejects the Service. Use PreferClose on ${version}.`,
          path: PATH,
        },
      ];
    }
    if (value === 'PreferClose' && atLeast(minor, 34)) {
      return [
        {
          ruleId: 'MCS305',
          severity: 'hint',
          message:
            'trafficDistribution PreferClose is a deprecated alias of PreferSameZone since Kubernetes 1.34; it behaves the same. Prefer the explicit name.',
          path: PATH,
          fixes: [{ title: 'Change to PreferSameZone', edits: [{ op: 'replaceValue', path: PATH, text: 'PreferSameZone' }] }],
        },
      ];
    }
    return [];
  },
};
