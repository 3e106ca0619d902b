// MCS302: an exported headless Service that selects a StatefulSet governed by another Service: the
// endpoints carry no hostname, so <hostname>.<clusterid>.<svc>.<ns>.svc.clusterset.local records do not
// exist and names fall back to generated ids (facts §6; linkerd/linkerd2#10916).
import { isExported, selfIn } from '../model/exportedServices';
import { selectedStatefulSets } from '../model/statefulSets';
import { isHeadless } from '../model/service';
import { stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs302: Rule = {
  id: 'MCS302',
  title: "Headless StatefulSet Service whose name differs from the StatefulSet's serviceName",
  severity: 'hint',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const self = selfIn(ctx.index, ctx.uri, ctx.docIndex);
    if (!self || !isHeadless(ctx.doc.root) || !isExported(ctx.index, self)) return [];
    const findings: Finding[] = [];
    for (const sts of selectedStatefulSets(ctx.index, self)) {
      const serviceName = stringAt(sts.doc.root, ['spec', 'serviceName']);
      if (serviceName === self.name) continue;
      findings.push({
        ruleId: 'MCS302',
        message: `Exported headless Service ${self.name} selects the Pods of StatefulSet ${sts.name}, whose serviceName is ${serviceName ? `"${serviceName}"` : 'not set'}: its endpoints carry no hostname, so records like ${sts.name}-0.<clusterid>.${self.name}.${self.namespace ?? 'default'}.svc.clusterset.local will not exist (names fall back to generated ids). Set the StatefulSet's serviceName to ${self.name}, or export the Service it names.`,
        path: ['metadata', 'name'],
        related: [
          { uri: sts.uri, docIndex: sts.docIndex, path: ['spec', 'serviceName'], message: `StatefulSet ${sts.name} serviceName` },
        ],
      });
    }
    return findings;
  },
};
