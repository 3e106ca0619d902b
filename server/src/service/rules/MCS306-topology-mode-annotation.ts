// MCS306: topology-aware routing annotations (facts §9). Only "Auto" enables service.kubernetes.io/topology-mode
// (the EndpointSlice controller compares with Auto/auto; anything else means off); the older
// service.kubernetes.io/topology-aware-hints was replaced in 1.27; and when the annotation is set it takes
// precedence over spec.trafficDistribution (KEP-4444), so having both is confusing.
import { atLeast, kubernetesMinor } from '../model/kubeVersion';
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

const MODE = 'service.kubernetes.io/topology-mode';
const LEGACY = 'service.kubernetes.io/topology-aware-hints';
const MODE_VALUES = ['Auto', 'auto', 'Disabled'];
/** Values that turn topology-aware hints on (the controller compares with exactly these). */
const ENABLED = ['Auto', 'auto'];

export const mcs306: Rule = {
  id: 'MCS306',
  title: 'topology-mode annotation misuse',
  severity: 'hint',
  kinds: ['Service'],
  check(ctx: RuleContext): Finding[] {
    const root = ctx.doc.root;
    const findings: Finding[] = [];
    const mode = stringAt(root, ['metadata', 'annotations', MODE]);
    const legacy = stringAt(root, ['metadata', 'annotations', LEGACY]);
    if (mode !== undefined && !MODE_VALUES.includes(mode)) {
      findings.push({
        ruleId: 'MCS306',
        message: `${MODE} "${mode}" is not Auto or Disabled: only Auto turns on topology-aware routing, so this value silently leaves it off. Use Auto (or remove the annotation).`,
        path: ['metadata', 'annotations', MODE],
      });
    }
    if (legacy !== undefined && atLeast(kubernetesMinor(ctx.settings.kubernetesVersion), 27)) {
      findings.push({
        ruleId: 'MCS306',
        message: `${LEGACY} is the pre-1.27 name of ${MODE}; it still works as a fallback but is deprecated. Rename it to ${MODE}.`,
        path: ['metadata', 'annotations', LEGACY],
        target: 'key',
        fixes:
          mode === undefined
            ? [
                {
                  title: `Rename to ${MODE}`,
                  edits: [{ op: 'renameKey', path: ['metadata', 'annotations', LEGACY], newKey: MODE }],
                  preferred: true,
                },
              ]
            : undefined,
      });
    }
    // The EndpointSlice controller reads topology-mode first and falls back to the legacy key.
    const [annotation, value] = mode !== undefined ? [MODE, mode] : [LEGACY, legacy];
    if (value !== undefined && ENABLED.includes(value) && stringAt(root, ['spec', 'trafficDistribution']) !== undefined) {
      findings.push({
        ruleId: 'MCS306',
        message: `Both ${annotation}: ${value} and spec.trafficDistribution are set: the annotation takes precedence and trafficDistribution is ignored (KEP-4444). Pick one; trafficDistribution is the newer mechanism.`,
        path: ['spec', 'trafficDistribution'],
        target: 'key',
      });
    }
    return findings;
  },
};
