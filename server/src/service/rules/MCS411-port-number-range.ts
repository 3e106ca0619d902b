// MCS411: ports[].port must be an integer from 1 to 65535. The CRD only says int32: 0 or 70000 pass the
// API server but no proxy can listen there; a quoted "80" is a string and the API server rejects it.
import { nodeAt } from '../parse/path';
import { describeScalar, importPorts, replaceValueFix } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

const INT32_MAX = 2147483647;

export const mcs411: Rule = {
  id: 'MCS411',
  title: 'Port number out of range',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const port of importPorts(ctx.doc)) {
      const path = [...port.path, 'port'];
      const node = nodeAt(ctx.doc.root, path);
      // Missing port is MCS402's finding.
      if (!node || (node.type === 'scalar' && node.value === null)) continue;
      const where = `spec.ports[${port.index}].port`;
      const value = node.type === 'scalar' ? node.value : undefined;
      if (typeof value === 'string') {
        const asNumber = /^[0-9]+$/.test(value) ? Number(value) : undefined;
        findings.push({
          ruleId: 'MCS411',
          message: `${where} is the string "${value}", not a number: the CRD declares an int32, so the API server rejects the ServiceImport (must be of type integer). ${asNumber !== undefined ? `Write port: ${asNumber} without quotes.` : 'Use the port number; names belong in ports[].name.'}`,
          path,
          fixes:
            asNumber !== undefined && asNumber >= 1 && asNumber <= 65535
              ? [replaceValueFix(path, String(asNumber), `Unquote the port (${asNumber})`)]
              : [],
        });
        continue;
      }
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        findings.push({
          ruleId: 'MCS411',
          message: `${where} is ${describeScalar(node)}, not an integer: the API server rejects the ServiceImport. Use a port number from 1 to 65535.`,
          path,
        });
        continue;
      }
      if (value >= 1 && value <= 65535) continue;
      const rejected = value > INT32_MAX || value < -INT32_MAX - 1;
      findings.push({
        ruleId: 'MCS411',
        message: `${where} is ${value}, outside 1–65535: ${rejected ? 'it does not fit the int32 field, so the API server rejects the ServiceImport' : 'the API server accepts it (the CRD only says int32), but no Service or proxy can use that port, so the import carries no traffic on it'}. Use a port number from 1 to 65535.`,
        path,
      });
    }
    return findings;
  },
};
