// MCS414: ports[].appProtocol is an IANA service name (`http`, `grpc`) or `<dns-subdomain>/<name>`
// (`kubernetes.io/h2c`, `example.com/proto`): Kubernetes validates Service appProtocol as a qualified name,
// and the controller copies it to the derived Service (facts §3).
import { isDns1123Subdomain, isQualifiedNamePart } from '../model/names';
import { nodeAt } from '../parse/path';
import { describeScalar, importPorts, stringScalar } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

/** The appProtocol values Kubernetes itself defines under its reserved prefix. */
const KUBERNETES_APP_PROTOCOLS = ['kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss'];

/** Why `value` is not a valid appProtocol, or undefined when it is one. */
export function appProtocolProblem(value: string): string | undefined {
  const slash = value.indexOf('/');
  const name = slash < 0 ? value : value.slice(slash + 1);
  if (slash >= 0) {
    const prefix = value.slice(0, slash);
    if (!isDns1123Subdomain(prefix)) return `the prefix "${prefix}" is not a DNS subdomain`;
    if (prefix === 'kubernetes.io' && !KUBERNETES_APP_PROTOCOLS.includes(value))
      return `the kubernetes.io prefix is reserved and defines only ${KUBERNETES_APP_PROTOCOLS.join(', ')}`;
  }
  if (!isQualifiedNamePart(name))
    return `"${name}" is not a valid name (letters, digits, '-', '_', '.', at most 63, starting and ending with a letter or digit)`;
  return undefined;
}

export const mcs414: Rule = {
  id: 'MCS414',
  title: 'Invalid appProtocol',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const port of importPorts(ctx.doc)) {
      const path = [...port.path, 'appProtocol'];
      const node = nodeAt(ctx.doc.root, path);
      if (!node || (node.type === 'scalar' && node.value === null)) continue;
      const value = stringScalar(node)?.value as string | undefined;
      if (value === undefined) continue; // not a string: the API server rejects its type (MCS011)
      const problem = appProtocolProblem(value);
      if (!problem) continue;
      findings.push({
        ruleId: 'MCS414',
        message: `spec.ports[${port.index}].appProtocol ${describeScalar(node)} is not valid: ${problem}. Service validation rejects this value, so a controller that copies it into the derived Service gets that Service refused, and meshes/gateways ignore the hint. Use an IANA service name (http, grpc) or <domain>/<name> such as kubernetes.io/h2c.`,
        path,
      });
    }
    return findings;
  },
};
