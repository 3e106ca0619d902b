// MCS412: the import's port list must have unique names (an empty name counts as a name), no two entries with
// the same (protocol, port), and a name on every port when there is more than one (facts §4, KEP port rules).
import { nodeAt, scalarString } from '../parse/path';
import { importPorts } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs412: Rule = {
  id: 'MCS412',
  title: 'Duplicate port name or (protocol, port)',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const ports = importPorts(ctx.doc);
    const findings: Finding[] = [];
    const byName = new Map<string, number>();
    const byProtocolPort = new Map<string, number>();
    for (const p of ports) {
      const name = scalarString(nodeAt(p.map, ['name'])) ?? '';
      const portNumber = scalarString(nodeAt(p.map, ['port']));
      const protocol = scalarString(nodeAt(p.map, ['protocol'])) ?? 'TCP';
      if (ports.length > 1 && name === '') {
        findings.push({
          ruleId: 'MCS412',
          message: `spec.ports[${p.index}] has no name but the import has ${ports.length} ports: every port needs a unique name when there is more than one (SRV records and port merging go by name).`,
          path: p.path,
        });
      }
      const sameName = byName.get(name);
      if (sameName !== undefined && name !== '') {
        findings.push({
          ruleId: 'MCS412',
          message: `spec.ports[${p.index}] reuses the name "${name}" of spec.ports[${sameName}]: port names must be unique; the controller merges ports by name and keeps only the oldest export's entry.`,
          path: [...p.path, 'name'],
        });
      }
      if (!byName.has(name)) byName.set(name, p.index);
      if (portNumber === undefined) continue;
      const key = `${protocol}/${portNumber}`;
      const samePort = byProtocolPort.get(key);
      if (samePort !== undefined) {
        findings.push({
          ruleId: 'MCS412',
          message: `spec.ports[${p.index}] repeats ${protocol} port ${portNumber} of spec.ports[${samePort}]: each (protocol, port) may appear once; the derived Service cannot hold both, so one entry is dropped.`,
          path: [...p.path, 'port'],
        });
      } else byProtocolPort.set(key, p.index);
    }
    return findings;
  },
};
