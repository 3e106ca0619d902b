// MCS202: the ServiceImport gets the union of the exported ports and PortConflict when the sets differ;
// ports merge by name first, then by (protocol, port); a clash keeps the oldest export's definition and the
// other cluster gets no traffic on it. Cilium also counts a different appProtocol as a conflict (facts §4).
import { conflictScope, relatedAt, type Peer } from '../model/conflicts';
import { describePort, portPath, servicePorts, type ServicePort } from '../model/service';
import type { Finding, RelatedLocation, Rule, RuleContext } from './rule';

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
    const here = `cluster ${scope.cluster}`;
    for (const p of mine) {
      const lacking: Peer[] = [];
      for (const peer of scope.peers) {
        const theirs = servicePorts(peer.obj.doc.root);
        if (theirs.some((q) => samePort(p, q))) continue;
        const clash = clashMessage(p, theirs, here, `cluster ${peer.cluster}`);
        if (clash)
          findings.push({
            ruleId: 'MCS202',
            message: `${clash.text}. ${FIX}`,
            path: portPath(p),
            related: [relatedAt(peer, portPath(clash.other), describePort(clash.other))],
          });
        else lacking.push(peer);
      }
      if (lacking.length) {
        const label = p.name ? `Port ${p.name}` : `Unnamed port ${p.port}/${p.protocol}`;
        findings.push({
          ruleId: 'MCS202',
          message: `${label} (${describePort(p)}) is exposed in ${here} but not in cluster ${lacking.map((l) => l.cluster).join(', ')}: ${OUTCOME}; the import gets the union of ports and traffic to this one only reaches clusters that expose it. ${FIX}`,
          path: portPath(p),
          related: lacking.map((l) => relatedAt(l, ['spec', 'ports'], 'ports')),
        });
      }
    }
    // One at a time: a Service with tens of thousands of ports would overflow push(...spread).
    for (const f of missingHere(scope.cluster, mine, scope.peers)) findings.push(f);
    return findings;
  },
};

function samePort(a: ServicePort, b: ServicePort): boolean {
  return a.name === b.name && a.protocol === b.protocol && a.port === b.port && a.appProtocol === b.appProtocol;
}

/** A port of the other cluster that merges with `p` (same name, else same protocol/port) but differs from it. */
function clashMessage(
  p: ServicePort,
  theirs: readonly ServicePort[],
  here: string,
  there: string,
): { text: string; other: ServicePort } | undefined {
  const label = p.name ? `Port ${p.name}` : `Unnamed port ${p.port}/${p.protocol}`;
  const byName = theirs.find((q) => q.name === p.name);
  if (byName && byName.protocol === p.protocol && byName.port === p.port) {
    return {
      other: byName,
      text: `${label} has appProtocol ${p.appProtocol ?? '(none)'} in ${here} but ${byName.appProtocol ?? '(none)'} in ${there}: ${OUTCOME} (Cilium counts a different appProtocol as a port conflict)`,
    };
  }
  if (byName) {
    return {
      other: byName,
      text: `${label} is ${p.port}/${p.protocol} in ${here} but ${byName.port}/${byName.protocol} in ${there}: ${OUTCOME}; the import keeps the oldest export's definition and the other cluster gets no traffic on it`,
    };
  }
  const byNumber = theirs.find((q) => q.protocol === p.protocol && q.port === p.port);
  if (byNumber) {
    return {
      other: byNumber,
      text: `Port ${p.port}/${p.protocol} is named "${p.name}" in ${here} but "${byNumber.name}" in ${there}: ${OUTCOME}; the import keeps one name, so SRV lookups of the other name fail`,
    };
  }
  return undefined;
}

/** Ports other clusters expose that match nothing here, one finding per port (naming every such cluster). */
function missingHere(cluster: string, mine: readonly ServicePort[], peers: readonly Peer[]): Finding[] {
  const byPort = new Map<string, { q: ServicePort; related: RelatedLocation[]; clusters: string[] }>();
  for (const peer of peers) {
    for (const q of servicePorts(peer.obj.doc.root)) {
      if (mine.some((p) => p.name === q.name || (p.protocol === q.protocol && p.port === q.port))) continue;
      const key = describePort(q);
      const entry = byPort.get(key) ?? { q, related: [], clusters: [] };
      entry.related.push(relatedAt(peer, portPath(q), key));
      entry.clusters.push(peer.cluster);
      byPort.set(key, entry);
    }
  }
  return [...byPort.values()].map(({ q, related, clusters }) => ({
    ruleId: 'MCS202',
    message: `Cluster ${clusters.join(', ')} ${clusters.length > 1 ? 'expose' : 'exposes'} port ${describePort(q)}, which this Service in cluster ${cluster} lacks: ${OUTCOME}; the import gets the union of ports and traffic to that port never reaches cluster ${cluster}. ${FIX}`,
    path: ['spec', 'ports'],
    target: 'key' as const,
    related,
  }));
}
