// MCS714: spec.overlap.mode is none | globalnet | multi-network; Globalnet fields (overlap.globalnetCIDR,
// clusters[].globalCIDR) only mean something with mode: globalnet; globalnet is Submariner's and
// multi-network Istio's (decision: docs/rules/MCS714.md).
import { analyzeClusterSet } from '../cidr/analysis';
import { implementationOf, OVERLAP_MODES, overlapModeOf } from '../cidr/policy';
import type { Finding, Rule, RuleContext } from './rule';

const MAX_IGNORED_FIELDS = 20;

export const mcs714: Rule = {
  id: 'MCS714',
  title: 'Overlap mode and Globalnet fields inconsistent',
  severity: 'warning',
  kinds: ['ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const { model } = analyzeClusterSet(ctx.doc);
    const out: Finding[] = [];
    const written = model.overlapMode;
    if (written && !(OVERLAP_MODES as readonly string[]).includes(written.value)) {
      out.push({
        ruleId: 'MCS714',
        severity: 'error',
        message: `Unknown overlap.mode "${written.value}": use none, globalnet (Submariner Globalnet) or multi-network (Istio east-west gateways). Until then overlapping ranges are reported as errors.`,
        path: written.path,
      });
    }
    const mode = overlapModeOf(model);
    const impl = implementationOf(model, ctx.settings);
    if (written && mode === 'globalnet' && impl !== 'submariner')
      out.push({
        ruleId: 'MCS714',
        message: `overlap.mode globalnet is a Submariner feature, but the implementation is ${impl}: nothing translates the global CIDRs, so overlapping ranges still collide. Use implementation: submariner or non-overlapping ranges.`,
        path: written.path,
      });
    if (written && mode === 'multi-network' && impl !== 'istio')
      out.push({
        ruleId: 'MCS714',
        message: `overlap.mode multi-network describes Istio east-west gateways, but the implementation is ${impl}: overlapping pod ranges still collide. Use implementation: istio or non-overlapping ranges.`,
        path: written.path,
      });
    if (mode === 'globalnet') return out;
    const ignored = [
      model.globalnetCIDR,
      ...model.clusters.map((c) => c.globalCIDR && { path: c.globalCIDR.path, value: c.globalCIDR.text }),
    ];
    for (const f of ignored) {
      if (!f || out.length >= MAX_IGNORED_FIELDS) continue;
      const key = String(f.path[f.path.length - 1]);
      out.push({
        ruleId: 'MCS714',
        message: `${key} ${f.value} is ignored: Globalnet fields apply only with overlap.mode: globalnet (mode is ${mode}). Set spec.overlap.mode: globalnet, or remove the field.`,
        path: f.path,
        target: 'key',
      });
    }
    return out;
  },
};
