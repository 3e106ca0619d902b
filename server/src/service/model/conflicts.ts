// Shared by the conflict rules (MCS201–MCS206): who else exports the same namespace/name, and the wording of
// what the controller does. Conflicts need two different named clusters (facts §4, KEP-1645 "Constraints
// and Conflict Resolution"); the server cannot know which export is oldest, so it only predicts the conflict.
import type { NodePath } from '../parse/path';
import type { YNode } from '../parse/yamlTree';
import type { Finding, RelatedLocation, RuleContext } from '../rules/rule';
import type { IndexedObject } from '../workspaceIndex';
import { peersOf, selfIn } from './exportedServices';
import { fieldOrName } from './service';

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

/** A global property of the export that every exporting cluster must set alike. */
export interface AgreedField {
  /** The field's name in messages. */
  readonly field: string;
  readonly path: NodePath;
  /** The Conflict condition's reason. */
  readonly reason: string;
  /** The value as messages show it. */
  readonly read: (root: YNode | null) => string;
  /** The closing sentence of the message. */
  readonly advice: string;
}

/** A finding on the checked object when some exporting clusters read `f` differently, naming each of them. */
export function disagreement(ctx: RuleContext, scope: ConflictScope, ruleId: string, f: AgreedField): Finding | undefined {
  const mine = f.read(ctx.doc.root);
  const differing = scope.peers.filter((p) => f.read(p.obj.doc.root) !== mine);
  if (differing.length === 0) return undefined;
  const theirs = differing.map((p) => `${f.read(p.obj.doc.root)} in cluster ${p.cluster}`).join(', ');
  return {
    ruleId,
    message: `${scope.self.kind} ${displayName(scope.self)} has ${f.field} ${mine} in cluster ${scope.cluster} but ${theirs}: ${conflictOutcome(f.reason)}. ${f.advice}`,
    path: fieldOrName(ctx.doc.root, f.path),
    related: differing.map((p) => relatedAt(p, fieldOrName(p.obj.doc.root, f.path), `${f.field} ${f.read(p.obj.doc.root)}`)),
  };
}

export function displayName(o: IndexedObject): string {
  return o.namespace ? `${o.namespace}/${o.name}` : `${o.name}`;
}
