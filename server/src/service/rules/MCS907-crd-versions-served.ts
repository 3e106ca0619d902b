// MCS907: the installed MCS CRDs must serve the version each consumer reads (facts §1): CoreDNS, Istio
// (default), Submariner, AWS and Cilium ≤1.19 read v1alpha1; Cilium 1.20 needs v1beta1 (cilium/cilium#47793).
// Without a Cilium version setting, v1beta1 is required only in the cilium profile.
import { MCS_GROUP } from '../model/apiVersions';
import { asSeq, nodeAt, stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

const MCS_CRDS = new Set([`serviceexports.${MCS_GROUP}`, `serviceimports.${MCS_GROUP}`]);

export const mcs907: Rule = {
  id: 'MCS907',
  title: 'MCS CRDs must serve the version each consumer reads',
  severity: 'warning',
  kinds: ['CustomResourceDefinition'],
  check(ctx: RuleContext): Finding[] {
    const root = ctx.doc.root;
    const name = stringAt(root, ['metadata', 'name']);
    if (!name || !MCS_CRDS.has(name)) return [];
    const versions = asSeq(nodeAt(root, ['spec', 'versions']));
    if (!versions) return [];
    const indexOf = (v: string) => versions.items.findIndex((item) => stringAt(item, ['name']) === v);
    const served = (i: number) => i >= 0 && stringAt(versions.items[i], ['served']) === 'true';
    const out: Finding[] = [];
    const alpha = indexOf('v1alpha1');
    if (!served(alpha)) {
      out.push({
        ruleId: 'MCS907',
        path: alpha >= 0 ? ['spec', 'versions', alpha, 'served'] : ['spec', 'versions'],
        target: alpha >= 0 ? 'value' : 'key',
        message: `${name} does not serve v1alpha1: CoreDNS, Istio (default MCS_API_VERSION), Submariner, the AWS controller and Cilium up to 1.19 read v1alpha1 and stop seeing ${name.split('.')[0]} (DNS and imports break). Keep v1alpha1 served${alpha >= 0 ? ': served: true' : ''}.`,
      });
    }
    const beta = indexOf('v1beta1');
    if (ctx.settings.implementation === 'cilium' && !served(beta)) {
      out.push({
        ruleId: 'MCS907',
        path: beta >= 0 ? ['spec', 'versions', beta, 'served'] : ['spec', 'versions'],
        target: beta >= 0 ? 'value' : 'key',
        message: `${name} does not serve v1beta1: Cilium 1.20 needs it when clustermesh-apiserver starts and silently drops exports otherwise (cilium/cilium#47793). Install the mcs-api v0.5.0+ CRDs, which serve v1alpha1 and v1beta1.`,
      });
    }
    return out;
  },
};
