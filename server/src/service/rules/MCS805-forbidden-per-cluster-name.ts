// MCS805: `<clusterid>.<svc>.<ns>.svc.clusterset.local` (all backends of one cluster) is reserved by the MCS
// DNS spec and must not be served; only Submariner Lighthouse answers it (facts §6). A one-label prefix can
// only be this form (per-endpoint names have hostname + cluster id); a two-label prefix is flagged when it
// is a known dotted cluster id.
import { knownClusterIds } from '../model/clusterIds';
import { serviceHostnames } from '../model/serviceHostnames';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs805: Rule = {
  id: 'MCS805',
  title: 'Forbidden per-cluster clusterset name used by an app',
  severity: 'warning',
  kinds: ['ConfigMap', 'Deployment', 'StatefulSet'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const refs = serviceHostnames(ctx.doc).filter(
      (r) => r.zone === 'clusterset.local' && r.labels.length > 2 && !r.labels[0].startsWith('_'),
    );
    if (!refs.length) return [];
    const known = knownClusterIds(ctx.index);
    const out: Finding[] = [];
    for (const ref of refs) {
      const prefix = ref.labels.slice(0, -2);
      const [svc, ns] = ref.labels.slice(-2);
      const clusterId = prefix.join('.');
      if (prefix.length > 2 || (prefix.length === 2 && !known.has(clusterId))) continue;
      const good = `${svc}.${ns}.svc.clusterset.local`;
      const submariner = ctx.settings.implementation === 'submariner';
      out.push({
        ruleId: 'MCS805',
        severity: submariner ? 'hint' : undefined,
        path: ref.path,
        span: ref.span,
        message: `${clusterId}.${good} asks for the backends of one cluster${known.has(clusterId) ? ` (${clusterId})` : ''}: the MCS DNS spec forbids this name, so CoreDNS multicluster, Cilium and GKE answer NXDOMAIN${submariner ? ' (Submariner answers it, but the app breaks on any other implementation)' : '; only Submariner answers it'}. Use ${good}, or export a per-cluster Service (${svc}-${clusterId.replace(/\./g, '-')}) when the app must reach one cluster.`,
        fixes: ref.exact
          ? [{ title: `Use ${good}`, edits: [{ op: 'replaceSpan', start: ref.span.start, end: ref.span.end, text: good }] }]
          : undefined,
      });
    }
    return out;
  },
};
