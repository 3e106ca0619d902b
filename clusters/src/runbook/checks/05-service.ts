// Check 5: the Service exists in each exporting cluster (a ServiceExport maps to the Service of the same
// name and namespace, nothing else) with a type that can be exported: never ExternalName, and only
// ClusterIP for Submariner Lighthouse (NodePort/LoadBalancer get UnsupportedServiceType).
import { defineCheck, type Outcome } from '../check';
import { fail, kubectl, pass, ref, warn } from './util';

export const service = defineCheck({
  id: 'service',
  title: 'The Service exists in each exporting cluster',
  scope: 'exporters',
  needs: [],
  run(ctx) {
    const { namespace, name } = ctx.service;
    const out: Outcome[] = [];
    if (ctx.exporters.length === 0) {
      const reachable = ctx.members.filter((m) => ctx.state(m.name)?.reachable);
      out.push(
        fail(
          null,
          'service-missing',
          `no ${reachable.length < ctx.members.length ? 'reachable ' : ''}cluster has a ServiceExport ${ctx.serviceRef}: nothing exports it`,
          {
            commands: ctx.members.map((m) =>
              kubectl(ctx, m.name, `-n ${namespace} get serviceexports.multicluster.x-k8s.io ${name}`),
            ),
          },
        ),
      );
    }
    for (const c of ctx.exporters) {
      const e = ctx.exportIn(c);
      const svc = e?.service;
      const commands = [kubectl(ctx, c, `-n ${namespace} get service ${name} -o wide`)];
      const object = ref('Service', namespace, name);
      if (svc === null) {
        out.push(
          fail(c, 'service-missing', `${c} exports ${ctx.serviceRef}, but has no Service ${ctx.serviceRef}`, {
            evidence: [{ cluster: c, object, excerpt: 'not found' }],
            commands,
          }),
        );
        continue;
      }
      if (!svc) {
        out.push(warn(c, `the Service behind the export in ${c} was not read`, { commands }));
        continue;
      }
      const type = svc.type || 'ClusterIP';
      const evidence = [{ cluster: c, object, field: 'spec.type', excerpt: type }];
      if (type === 'ExternalName') {
        out.push(
          fail(c, 'export-invalid', `Service ${ctx.serviceRef} in ${c} is ExternalName, which cannot be exported`, {
            evidence,
            commands,
          }),
        );
        continue;
      }
      if (ctx.implementationOf(c) === 'submariner' && type !== 'ClusterIP') {
        out.push(
          fail(
            c,
            'export-invalid',
            `Service ${ctx.serviceRef} in ${c} is ${type}; Submariner Lighthouse exports only ClusterIP Services`,
            { evidence, commands },
          ),
        );
        continue;
      }
      const headless = svc.clusterIP === 'None';
      const ports = svc.ports.map((p) => `${p.port}/${p.protocol}`).join(', ') || 'no ports';
      out.push(pass(c, `Service ${ctx.serviceRef} in ${c}: ${headless ? 'headless' : type}, ${ports}`));
    }
    const entry = ctx.clusterSet?.services.find((s) => s.name === name && s.namespace === namespace);
    for (const c of entry?.exportedFrom ?? [])
      if (!ctx.exporters.includes(c) && ctx.members.some((m) => m.name === c) && ctx.state(c)?.reachable)
        out.push(
          warn(c, `the ClusterSet file says ${c} exports ${ctx.serviceRef}, but ${c} has no ServiceExport for it`, {
            commands: [kubectl(ctx, c, `-n ${namespace} get serviceexports`)],
          }),
        );
    return out;
  },
});
