// MCS413: ports[].name must be a DNS label ([a-z0-9]([-a-z0-9]*[a-z0-9])?, ≤63): it becomes the
// _<port>._<proto> SRV label and the derived Service's port name (facts §3, §6).
import { isDns1123Label } from '../model/names';
import { nodeAt } from '../parse/path';
import { describeScalar, importPorts, replaceValueFix, stringScalar, toDnsLabel, yamlStringText } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs413: Rule = {
  id: 'MCS413',
  title: 'Port name not a DNS label',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const port of importPorts(ctx.doc)) {
      const path = [...port.path, 'name'];
      const node = nodeAt(ctx.doc.root, path);
      if (!node || (node.type === 'scalar' && (node.value === null || node.value === ''))) continue;
      const name = stringScalar(node)?.value as string | undefined;
      if (name !== undefined && isDns1123Label(name)) continue;
      const fixed = toDnsLabel(name ?? String(node.type === 'scalar' ? node.value : ''));
      const why =
        name === undefined
          ? `is ${describeScalar(node)}, not a string`
          : name.length > 63
            ? `is ${name.length} characters long (at most 63)`
            : `"${name}" is not a DNS label (lower-case letters, digits and '-', starting and ending with a letter or digit)`;
      findings.push({
        ruleId: 'MCS413',
        message: `spec.ports[${port.index}].name ${why}: ${name === undefined ? 'the API server rejects the ServiceImport (name is a string)' : 'the derived Service rejects the port name and DNS cannot publish the _<port>._<proto> SRV record'}.${fixed ? ` Use "${fixed}".` : ''}`,
        path,
        fixes: fixed ? [replaceValueFix(path, yamlStringText(fixed), `Rename the port to ${fixed}`)] : [],
      });
    }
    return findings;
  },
};
