// Check 8: a ServiceImport in each consumer (exporters included: the import appears wherever the
// namespace exists) with the type, ports and IPs the exports imply: Headless for a headless Service,
// else ClusterSetIP with an IP per family — except Submariner, which gives no VIP unless asked.
import type { ServiceState } from '../../inventory/snapshot';
import { defineCheck, type Outcome } from '../check';
import { fail, kubectl, pass, ref, warn } from './util';

const portKey = (p: { port: number; protocol: string }) => `${p.port}/${(p.protocol || 'TCP').toUpperCase()}`;

export const importCheck = defineCheck({
  id: 'import',
  title: 'A ServiceImport exists in each consumer, with the expected type, ports and IPs',
  scope: 'consumers',
  needs: ['crds', 'controller', 'namespace', 'export-status'],
  run(ctx) {
    const { namespace, name } = ctx.service;
    // The oldest export decides the type (KEP conflict resolution).
    const exports = ctx.exporters
      .map((c) => ctx.exportIn(c))
      .filter((e) => !!e)
      .sort((a, b) => (a.creationTimestamp ?? '').localeCompare(b.creationTimestamp ?? ''));
    const services = exports.map((e) => e.service).filter((s): s is ServiceState => !!s);
    const oldest = services[0];
    const expectType = oldest ? (oldest.clusterIP === 'None' ? 'Headless' : 'ClusterSetIP') : undefined;
    const ports = [...new Set(services.flatMap((s) => s.ports.map(portKey)))];
    return ctx.consumers.map((c): Outcome => {
      const imp = ctx.importIn(c);
      const object = ref('ServiceImport', namespace, name);
      const commands = [kubectl(ctx, c, `-n ${namespace} get serviceimports.multicluster.x-k8s.io ${name} -o yaml`)];
      if (!imp)
        return fail(
          c,
          'import-missing',
          `no ServiceImport ${ctx.serviceRef} in ${c}, although ${ctx.exporters.join(', ')} export${ctx.exporters.length === 1 ? 's' : ''} it`,
          {
            evidence: [{ cluster: c, object, excerpt: 'not found' }],
            commands,
          },
        );
      const notes: string[] = [];
      if (expectType && imp.type !== expectType)
        notes.push(`type is ${imp.type ?? '(none)'}, but the oldest export's Service implies ${expectType}`);
      const have = new Set(imp.ports.map(portKey));
      const missing = ports.filter((p) => !have.has(p));
      if (missing.length) notes.push(`ports ${missing.join(', ')} of the exported Services are missing from the import`);
      const absent = imp.statusClusters.length
        ? ctx.exporters.filter((e) => !imp.statusClusters.includes(ctx.clusterIdOf(e)))
        : [];
      if (absent.length) notes.push(`status.clusters lists ${imp.statusClusters.join(', ')}, not ${absent.join(', ')}`);
      const evidence = [
        {
          cluster: c,
          object,
          field: 'spec',
          excerpt: `type ${imp.type ?? '?'}, ips [${imp.ips.join(', ')}], ports [${imp.ports.map(portKey).join(', ')}]`,
        },
      ];
      if ((imp.type ?? expectType) === 'ClusterSetIP' && imp.ips.length === 0) {
        if (ctx.implementationOf(c) === 'submariner')
          notes.push(
            "no clusterset IP, which is normal for Submariner unless clusterset IPs are enabled: DNS answers with the exporters' ClusterIPs",
          );
        else
          return fail(
            c,
            'no-clusterset-ip',
            `ServiceImport ${ctx.serviceRef} in ${c} is ClusterSetIP but has no IP: clients get no address`,
            {
              evidence: [{ cluster: c, object, field: 'spec.ips', excerpt: '[]' }],
              commands,
            },
          );
      }
      if (imp.type === 'Headless' && imp.ips.length)
        notes.push(`a Headless import should have no IPs (has ${imp.ips.join(', ')})`);
      const summary = `ServiceImport ${ctx.serviceRef} in ${c}: ${imp.type ?? '?'}${imp.ips.length ? ` ${imp.ips.join(', ')}` : ''}`;
      const problems = notes.filter((n) => !n.includes('normal for Submariner'));
      if (problems.length) return warn(c, `${summary}; ${notes.join('; ')}`, { evidence, commands });
      return pass(c, notes.length ? `${summary} (${notes.join('; ')})` : summary);
    });
  },
});
