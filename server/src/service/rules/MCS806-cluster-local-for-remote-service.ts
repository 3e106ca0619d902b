// MCS806: `<svc>.<ns>.svc.cluster.local` resolves only to a Service in the same cluster; for a service
// that other clusters export and this cluster does not run, only the clusterset name reaches it (facts §6).
// Needs cluster folders (clusters/<name>/…) to know what "this cluster" is.
import { serviceHostnames } from '../model/serviceHostnames';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs806: Rule = {
  id: 'MCS806',
  title: 'cluster.local name for a service that only exists remotely',
  severity: 'warning',
  kinds: ['ConfigMap', 'Deployment', 'StatefulSet'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const cluster = ctx.index.clusterOf(ctx.uri);
    if (!cluster) return [];
    const out: Finding[] = [];
    for (const ref of serviceHostnames(ctx.doc)) {
      if (ref.zone !== 'cluster.local' || ref.labels.length !== 2) continue;
      const [svc, ns] = ref.labels;
      const remote = ctx.index.find('ServiceExport', ns, svc).filter((o) => o.cluster && o.cluster !== cluster);
      if (!remote.length || ctx.index.find('Service', ns, svc).some((o) => o.cluster === cluster)) continue;
      const exporters = [...new Set(remote.map((o) => o.cluster))].sort().join(', ');
      out.push({
        ruleId: 'MCS806',
        path: ref.path,
        span: ref.span,
        message: `${svc}.${ns}.svc.cluster.local has no Service in cluster ${cluster}: the name resolves only inside this cluster, so the lookup fails (NXDOMAIN), although ${exporters} export${remote.length > 1 ? '' : 's'} ${ns}/${svc}. Use ${svc}.${ns}.svc.clusterset.local to reach the exported service.`,
        related: remote.map((o) => ({
          uri: o.uri,
          docIndex: o.docIndex,
          path: ['metadata', 'name'],
          message: `${ns}/${svc} exported from ${o.cluster}`,
        })),
        fixes: ref.exact
          ? [
              {
                title: 'Use the clusterset.local name',
                edits: [{ op: 'replaceSpan', start: ref.zoneSpan.start, end: ref.zoneSpan.end, text: 'clusterset.local' }],
                preferred: true,
              },
            ]
          : undefined,
      });
    }
    return out;
  },
};
