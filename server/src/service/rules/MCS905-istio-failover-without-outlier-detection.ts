// MCS905: Istio locality failover only happens when outlier detection ejects unhealthy endpoints; a
// localityLbSetting with failover and no outlierDetection never fails over (facts §9).
import { asMap, asSeq, nodeAt, stringAt, type NodePath } from '../parse/path';
import type { YNode } from '../parse/yamlTree';
import type { FixEdit, Finding, QuickFix, Rule, RuleContext } from './rule';

export const mcs905: Rule = {
  id: 'MCS905',
  title: 'Istio locality failover without outlier detection',
  severity: 'warning',
  kinds: ['DestinationRule'],
  check(ctx: RuleContext): Finding[] {
    const root = ctx.doc.root;
    const policies: NodePath[] = [['spec', 'trafficPolicy']];
    asSeq(nodeAt(root, ['spec', 'trafficPolicy', 'portLevelSettings']))?.items.forEach((_, i) =>
      policies.push(['spec', 'trafficPolicy', 'portLevelSettings', i]),
    );
    asSeq(nodeAt(root, ['spec', 'subsets']))?.items.forEach((_, i) => policies.push(['spec', 'subsets', i, 'trafficPolicy']));
    const topHasOutlier = nodeAt(root, ['spec', 'trafficPolicy', 'outlierDetection']) !== undefined;
    const host = stringAt(root, ['spec', 'host']) ?? 'this host';
    const out: Finding[] = [];
    for (const policy of policies) {
      const locality = [...policy, 'loadBalancer', 'localityLbSetting'];
      if (!hasFailover(nodeAt(root, locality))) continue;
      if (nodeAt(root, [...policy, 'outlierDetection']) !== undefined || topHasOutlier) continue;
      const fix = insertOutlierDetection(ctx.doc.text, nodeAt(root, policy));
      out.push({
        ruleId: 'MCS905',
        message: `Locality failover for ${host} has no outlierDetection: Istio never ejects unhealthy endpoints, so traffic stays in the failing locality and failover never triggers. Add trafficPolicy.outlierDetection (e.g. consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s).`,
        path: locality,
        target: 'key',
        fixes: fix ? [fix] : undefined,
      });
    }
    return out;
  },
};

function hasFailover(setting: YNode | undefined): boolean {
  if (!setting || stringAt(setting, ['enabled']) === 'false') return false;
  const failover = asSeq(nodeAt(setting, ['failover']));
  const priority = asSeq(nodeAt(setting, ['failoverPriority']));
  return (failover?.items.length ?? 0) > 0 || (priority?.items.length ?? 0) > 0;
}

/** outlierDetection inserted as the first key of a block-style trafficPolicy, at its indentation. */
function insertOutlierDetection(text: string, policy: YNode | undefined): QuickFix | undefined {
  const map = asMap(policy);
  if (!map || map.flow || !map.pairs.length) return undefined;
  const firstKey = map.pairs[0].key;
  const lineStart = text.lastIndexOf('\n', firstKey.start - 1) + 1;
  const indent = text.slice(lineStart, firstKey.start);
  if (!/^ *$/.test(indent)) return undefined;
  const edit: FixEdit = {
    op: 'insertText',
    at: lineStart,
    text: `${indent}outlierDetection:\n${indent}  consecutive5xxErrors: 5\n${indent}  interval: 10s\n${indent}  baseEjectionTime: 30s\n`,
  };
  return { title: 'Add outlierDetection', edits: [edit], preferred: true };
}
