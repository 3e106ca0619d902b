// MCS402: the ServiceImport CRD requires spec.type and spec.ports, and `port` in every ports entry (facts §3).
// spec itself is not required (upstream v0.5.0): a spec-less import is accepted but cannot work.
import { asMap, hasPath, nodeAt } from '../parse/path';
import { describeScalar, importPorts, objectLabel } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

const REJECTED = 'the API server rejects the ServiceImport';

export const mcs402: Rule = {
  id: 'MCS402',
  title: 'ServiceImport missing spec.type or spec.ports',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const { doc } = ctx;
    const label = objectLabel(doc);
    const spec = asMap(nodeAt(doc.root, ['spec']));
    if (!spec) {
      const specNode = nodeAt(doc.root, ['spec']);
      const hasSpecKey = hasPath(doc.root, ['spec']);
      const what = !hasSpecKey
        ? 'no spec'
        : isAbsent(specNode)
          ? 'an empty spec'
          : `a spec that is ${describeScalar(specNode)}, not a mapping`;
      // The CRD does not require spec itself, and a null is dropped: only a scalar or list spec is refused.
      const consequence = isAbsent(specNode)
        ? 'the API server accepts it (spec itself is optional in the CRD), but an import without type and ports has no port to serve: DNS answers nothing and no controller can derive a Service from it. Add spec.type and spec.ports'
        : `the CRD declares an object with type and ports, so ${REJECTED}`;
      return [
        {
          ruleId: 'MCS402',
          message: `ServiceImport ${label} has ${what}: ${consequence}.`,
          path: hasSpecKey ? ['spec'] : ['kind'],
          target: 'key',
        },
      ];
    }
    const findings: Finding[] = [];
    const missing = ['type', 'ports'].filter((k) => isAbsent(nodeAt(spec, [k])));
    if (missing.length > 0) {
      findings.push({
        ruleId: 'MCS402',
        message: `ServiceImport ${label} has no spec.${missing.join(' or spec.')}: the CRD requires both type (ClusterSetIP or Headless) and ports, so ${REJECTED}.`,
        path: ['spec'],
        target: 'key',
      });
    }
    const ports = nodeAt(spec, ['ports']);
    if (ports && !isAbsent(ports) && ports.type !== 'seq' && ports.type !== 'alias') {
      findings.push({
        ruleId: 'MCS402',
        message: `spec.ports is ${describeScalar(ports)}, not a list: the CRD declares an array of ports, so ${REJECTED}. Write ports: [{port: 80}].`,
        path: ['spec', 'ports'],
      });
    }
    for (const p of importPorts(doc)) {
      if (!isAbsent(nodeAt(p.map, ['port']))) continue;
      findings.push({
        ruleId: 'MCS402',
        message: `spec.ports[${p.index}] has no port number: port is required in every entry, so ${REJECTED}.`,
        path: p.path,
      });
    }
    return findings;
  },
};

/** Missing key, `key:` with no value, or `key: null`: all fail the CRD's `required`. */
function isAbsent(n: ReturnType<typeof nodeAt>): boolean {
  return n === undefined || (n.type === 'scalar' && n.value === null);
}
