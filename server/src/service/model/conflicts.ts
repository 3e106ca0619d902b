// Shared by the conflict rules (MCS201–MCS206): who else exports the same namespace/name, and the wording of
// what the controller does. Conflicts need two different named clusters (facts §4, KEP-1645 "Constraints
// and Conflict Resolution"); the server cannot know which export is oldest, so it only predicts the conflict.
import type { NodePath } from '../parse/path';
import type { RelatedLocation, RuleContext } from '../rules/rule';
import type { IndexedObject } from '../workspaceIndex';
import { peersOf, selfIn } from './exportedServices';

export interface Peer {
  readonly cluster: string;
  readonly obj: IndexedObject;
}

export interface ConflictScope {
  readonly self: IndexedObject;
  readonly cluster: string;
  readonly peers: readonly Peer[];
}

/** The checked Service (or ServiceExport) and the matching objects of the other exporting clusters. */
export function conflictScope(ctx: RuleContext, role: 'service' | 'export'): ConflictScope | undefined {
  const self = selfIn(ctx.index, ctx.uri, ctx.docIndex);
  if (!self?.name || self.cluster === undefined) return undefined;
  const found = peersOf(ctx.index, self, role);
  if (!found) return undefined;
  const peers: Peer[] = [];
  for (const o of found.others) {
    const obj = role === 'service' ? o.service : o.export;
    // A clusterless Service shared by two clusters is one object: it cannot disagree with itself.
    if (obj && obj !== self) peers.push({ cluster: o.cluster, obj });
  }
  return peers.length ? { self, cluster: self.cluster, peers } : undefined;
}

export function relatedAt(peer: Peer, path: NodePath, message: string): RelatedLocation {
  return { uri: peer.obj.uri, docIndex: peer.obj.docIndex, path, message: `Cluster ${peer.cluster}: ${message}` };
}

/** What happens at runtime, for a conflict reason of the MCS API (facts §2). */
export function conflictOutcome(reason: string): string {
  return `the MCS controller sets Conflict=True (${reason}) on the ServiceExports and the ServiceImport keeps the value of the oldest export, so what clients get depends on which cluster exported first`;
}

export function displayName(o: IndexedObject): string {
  return o.namespace ? `${o.namespace}/${o.name}` : `${o.name}`;
}
