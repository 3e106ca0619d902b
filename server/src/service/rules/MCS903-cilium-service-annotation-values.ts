// MCS903: Cilium's service annotations take fixed values (facts §8.1, §9): affinity ∈ local|remote|none;
// global, shared, global-sync-endpoint-slices ∈ "true"|"false". affinity and shared act only on global
// services (Cilium lowercases the values), so they are pointless on a Service that is neither global nor exported (Hint).
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

const AFFINITY = 'service.cilium.io/affinity';
const GLOBAL = 'service.cilium.io/global';
const BOOLEAN_ANNOTATIONS = [GLOBAL, 'service.cilium.io/shared', 'service.cilium.io/global-sync-endpoint-slices'];
const GLOBAL_ONLY = [AFFINITY, 'service.cilium.io/shared'];

export const mcs903: Rule = {
  id: 'MCS903',
  title: 'Cilium service annotation values',
  severity: 'error',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const root = ctx.doc.root;
    const annotation = (key: string) => stringAt(root, ['metadata', 'annotations', key]);
    const out: Finding[] = [];
    const affinity = annotation(AFFINITY);
    if (affinity !== undefined && !['local', 'remote', 'none'].includes(affinity.toLowerCase())) {
      out.push({
        ruleId: 'MCS903',
        path: ['metadata', 'annotations', AFFINITY],
        message: `${AFFINITY} "${affinity}" is not local, remote or none: Cilium ignores it and balances across all clusters. Use local (prefer this cluster's backends) or remote.`,
      });
    }
    for (const key of BOOLEAN_ANNOTATIONS) {
      const v = annotation(key);
      if (v !== undefined && !['true', 'false'].includes(v.toLowerCase())) {
        out.push({
          ruleId: 'MCS903',
          path: ['metadata', 'annotations', key],
          message: `${key} "${v}" is not "true" or "false": Cilium reads anything else as false. Use "true" or "false".`,
        });
      }
    }
    const name = stringAt(root, ['metadata', 'name']);
    const exported =
      name !== undefined &&
      (name.startsWith('derived-') ||
        ctx.index.find('ServiceExport', stringAt(root, ['metadata', 'namespace']), name).length > 0);
    if (annotation(GLOBAL)?.toLowerCase() !== 'true' && !exported) {
      for (const key of GLOBAL_ONLY) {
        if (annotation(key) === undefined) continue;
        out.push({
          ruleId: 'MCS903',
          severity: 'hint',
          path: ['metadata', 'annotations', key],
          target: 'key',
          message: `${key} acts only on global services, and this Service is neither annotated ${GLOBAL}: "true" nor exported: the annotation has no effect. Add ${GLOBAL}: "true" or a ServiceExport.`,
        });
      }
    }
    return out;
  },
};
