// MCS202: the ServiceImport gets the union of the exported ports and PortConflict when the sets differ;
// ports merge by name first, then by (protocol, port); a clash keeps the oldest export's definition and the
// other cluster gets no traffic on it. Cilium also counts a different appProtocol as a conflict (facts §4).
import { conflictScope, relatedAt, type Peer } from '../model/conflicts';
import { describePort, portPath, servicePorts, type ServicePort } from '../model/service';
import type { Finding, Rule, RuleContext } from './rule';

const OUTCOME = 'the MCS controller sets Conflict=True (PortConflict) on the ServiceExports';
const FIX = 'Expose the same ports (name, protocol, port, appProtocol) in every exporting cluster.';

export const mcs202: Rule = {
  id: 'MCS202',
  title: 'Port sets differ between clusters',
  severity: 'warning',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const scope = conflictScope(ctx, 'service');
    if (!scope) return [];
    const mine = servicePorts(ctx.doc.root);
    const findings: Finding[] = [];
    for (const peer of scope.peers) {
      const theirs = servicePorts(peer.obj.doc.root);
      const here = `cluster ${scope.cluster}`;
      const there = `cluster ${peer.cluster}`;
      for (const p of mine) {
        if (theirs.some((q) => samePort(p, q))) continue;
        const byName = theirs.find((q) => q.name === p.name);
        const byNumber = theirs.find((q) => q.protocol === p.protocol && q.port === p.port);
        const other = byName ?? byNumber;
        const label = p.name ? `Port ${p.name}` : `Unnamed port ${p.port}/${p.protocol}`;
        let what: string;
        if (byName && byName.protocol === p.protocol && byName.port === p.port) what = `${label} has appProtocol ${p.appProtocol ?? '(none)'} in ${here} but ${byName.appProtocol ?? '(none)'} in ${there} (Cilium counts this as a port conflict)`;
        else if (byName) what = `${label} is ${p.port}/${p.protocol} in ${here} but ${byName.port}/${byName.protocol} in ${there}: ${OUTCOME}; the import keeps the oldest export's definition and the other cluster gets no traffic on it`;
        else if (byNumber) what = `Port ${p.port}/${p.protocol} is named "${p.name}" in ${here} but "${byNumber.name}" in ${there}: ${OUTCOME}; the import keeps one name, so SRV lookups of the other name fail`;
        else what = `${label} (${describePort(p)}) is exposed in ${here} but not in ${there}: ${OUTCOME}; the import gets the union of ports and traffic to this one only reaches clusters that expose it`;
        if (!what.includes(OUTCOME)) what += `: ${OUTCOME}`;
        findings.push({ ruleId: 'MCS202', message: `${what}. ${FIX}`, path: portPath(p), related: other ? [relatedAt(peer, portPath(other), describePort(other))] : [relatedAt(peer, ['spec', 'ports'], 'ports')] });
      }
      for (const q of theirs) {
        if (mine.some((p) => p.name === q.name || (p.protocol === q.protocol && p.port === q.port))) continue;
        findings.push(missingHere(scope.cluster, peer, q));
      }
    }
    return findings;
  },
};

function samePort(a: ServicePort, b: ServicePort): boolean {
  return a.name === b.name && a.protocol === b.protocol && a.port === b.port && a.appProtocol === b.appProtocol;
}

function missingHere(cluster: string, peer: Peer, q: ServicePort): Finding {
  return {
    ruleId: 'MCS202',
    message: `Cluster ${peer.cluster} exposes port ${describePort(q)}, which this Service in cluster ${cluster} lacks: ${OUTCOME}; the import gets the union of ports and traffic to that port never reaches cluster ${cluster}. ${FIX}`,
    path: ['spec', 'ports'],
    target: 'key',
    related: [relatedAt(peer, portPath(q), describePort(q))],
  };
}
