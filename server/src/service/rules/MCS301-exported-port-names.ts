// MCS301: with more than one port every Service port needs a unique DNS-label name (API server rule, also
// required of ServiceImport ports); a single unnamed port is legal but gets no SRV record in clusterset
// DNS, since SRV names are _<port-name>._<proto>.<svc>.<ns>.svc.clusterset.local (facts §3, §6).
import { isExported, selfIn } from '../model/exportedServices';
import { isDns1123Label } from '../model/names';
import { servicePorts } from '../model/service';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs301: Rule = {
  id: 'MCS301',
  title: 'Exported Service port without a unique name',
  severity: 'error',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const self = selfIn(ctx.index, ctx.uri, ctx.docIndex);
    if (!self || !isExported(ctx.index, self)) return [];
    const ports = servicePorts(ctx.doc.root);
    if (ports.length === 1 && ports[0].name === '') {
      return [
        {
          ruleId: 'MCS301',
          severity: 'hint',
          message: `The only port of exported Service ${self.name} has no name, so clusterset DNS publishes no SRV record (_<name>._${ports[0].protocol.toLowerCase()}.${self.name}.${self.namespace ?? 'default'}.svc.clusterset.local) for it. Name the port (e.g. name: http) if clients discover it by SRV.`,
          path: ['spec', 'ports', 0, 'port'],
        },
      ];
    }
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const p of ports) {
      if (p.name === '') {
        if (ports.length > 1)
          findings.push({
            ruleId: 'MCS301',
            message: `Port ${p.port}/${p.protocol} has no name, but Service ${self.name} has ${ports.length} ports: the API server rejects a multi-port Service with an unnamed port, so nothing is exported. Give every port a unique name.`,
            path: ['spec', 'ports', p.index, 'port'],
          });
      } else if (seen.has(p.name)) {
        findings.push({
          ruleId: 'MCS301',
          message: `Port name "${p.name}" is used twice: the API server rejects the Service, and the ServiceImport merge keys ports by name. Give every port a unique name.`,
          path: ['spec', 'ports', p.index, 'name'],
        });
      } else if (!isDns1123Label(p.name)) {
        findings.push({
          ruleId: 'MCS301',
          message: `Port name "${p.name}" is not a DNS label (lowercase letters, digits and "-", at most 63 characters): the API server rejects the Service, and the name could not appear in an SRV record.`,
          path: ['spec', 'ports', p.index, 'name'],
        });
      }
      seen.add(p.name);
    }
    return findings;
  },
};
