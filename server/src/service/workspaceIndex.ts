// The workspace index: every object of interest in every YAML file, by (kind, namespace, name) and by kind,
// so cross-file rules (an export with no Service; conflicting exports from two cluster folders) work.
//
// It also records what each cross-file rule read (`track`), with a revision per key, per kind and per
// document, so a rule's findings are recomputed only when something it looked at changed: editing one
// Service of a 50,000-line file revalidates the few documents that share its name, not all of them.
import { ClusterResolver, clusterFromFolder } from './model/clusterMapping';
import { isForeignObject } from './model/kindOwnership';
import { stringAt } from './parse/path';
import type { ParsedDocument } from './parse/parsedDocument';
import type { ParsedFile } from './parse/parsedFile';

export interface IndexedObject {
  readonly uri: string;
  readonly docIndex: number;
  readonly kind: string;
  readonly apiVersion: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  /**
   * Cluster the file is applied to, when the workspace says so (a ClusterSet/project-config path mapping or a
   * `clusters/<name>/` folder); undefined when nothing does (a folder alone is no cluster: see clusterMapping.ts).
   */
  readonly cluster: string | undefined;
  /** Why the file belongs to `cluster`, for messages ("paths gke-1/** in .clusterset.yaml"). */
  readonly clusterSource?: string;
  readonly doc: ParsedDocument;
}

/** The cluster of a `clusters/<name>/` (or `overlays/<name>/`) folder in the path (no ClusterSet or config mapping). */
export function clusterOfUri(uri: string): string | undefined {
  return clusterFromFolder(uri)?.name;
}

/**
 * Objects without metadata.namespace land in the namespace of the kubectl context, `default` unless someone
 * chose another: so an unset namespace and `default` are one key (the same object when applied alike).
 */
function key(kind: string, namespace: string | undefined, name: string | undefined): string {
  return `k\u0000${kind}\u0000${namespace ?? 'default'}\u0000${name ?? ''}`;
}
const kindKey = (kind: string): string => `K\u0000${kind}`;
const docKey = (uri: string, docIndex: number): string => `d\u0000${docIndex}\u0000${uri}`;
const fileKey = (uri: string): string => `f\u0000${uri}`;

/** What a computation read from the index: dependency keys, and the revision at which it read them. */
export interface IndexDependencies {
  readonly keys: ReadonlySet<string>;
  readonly revision: number;
}

export class WorkspaceIndex {
  private readonly byFile = new Map<string, IndexedObject[]>();
  private readonly byKey = new Map<string, IndexedObject[]>();
  private readonly byKind = new Map<string, Set<IndexedObject>>();
  private readonly byDoc = new Map<string, IndexedObject>();
  /** Last revision at which each key / kind / document / file changed. Entries stay after removal on purpose. */
  private readonly changedAt = new Map<string, number>();
  private tracking: Set<string> | undefined;
  private objects = 0;
  private resolver = new ClusterResolver();
  private roots: readonly string[] = [];
  /** Bumped on every change, so callers can tell whether cross-file results may be stale. */
  revision = 0;

  /** Replaces what the index knows of one file; only documents that changed count as changes. */
  updateFile(file: ParsedFile): boolean {
    const placement = this.resolver.placementOf(file.uri);
    const cluster = placement?.name;
    const before = this.byFile.get(file.uri) ?? [];
    const kept = new Map<string, IndexedObject>();
    for (const o of before) kept.set(docKey(o.uri, o.docIndex), o);
    const next: IndexedObject[] = [];
    const added: IndexedObject[] = [];
    for (const placed of file.documents) {
      const d = placed.doc;
      // Other vendors' same-named kinds are not MCS objects: no rule may match them to ours.
      if (d.skipped || !d.kind || isForeignObject(d.kind, d.apiVersion)) continue;
      const old = kept.get(docKey(file.uri, placed.index));
      if (old && old.doc === d && old.cluster === cluster && old.clusterSource === placement?.source) {
        // Same parsed document at the same place (the parse cache returns the same object): unchanged.
        kept.delete(docKey(file.uri, placed.index));
        next.push(old);
        continue;
      }
      const o: IndexedObject = {
        uri: file.uri,
        docIndex: placed.index,
        kind: d.kind,
        apiVersion: d.apiVersion,
        name: stringAt(d.root, ['metadata', 'name']),
        namespace: stringAt(d.root, ['metadata', 'namespace']),
        cluster,
        clusterSource: placement?.source,
        doc: d,
      };
      next.push(o);
      added.push(o);
    }
    const removed = [...kept.values()];
    if (added.length === 0 && removed.length === 0 && this.byFile.has(file.uri)) return false;
    this.revision++;
    // Unlink first: a changed document's new object takes the old one's place in byDoc.
    for (const o of removed) this.unlink(o);
    for (const o of added) this.link(o);
    this.byFile.set(file.uri, next);
    this.changedAt.set(fileKey(file.uri), this.revision);
    return true;
  }

  /**
   * Replaces the path→cluster mappings (ClusterSet file, project config) and re-places every file. Returns true
   * when some object moved to another cluster.
   */
  setClusterResolver(resolver: ClusterResolver): boolean {
    if (resolver.sameAs(this.resolver)) return false;
    this.resolver = resolver;
    let moved = false;
    for (const [uri, objects] of this.byFile) {
      const placement = resolver.placementOf(uri);
      if (objects.every((o) => o.cluster === placement?.name && o.clusterSource === placement?.source)) continue;
      if (!moved) this.revision++;
      moved = true;
      const next = objects.map((o) => ({ ...o, cluster: placement?.name, clusterSource: placement?.source }));
      for (const o of objects) this.unlink(o);
      for (const o of next) this.link(o);
      this.byFile.set(uri, next);
      this.changedAt.set(fileKey(uri), this.revision);
    }
    return moved;
  }

  /** The workspace root folders (URIs): paths inside them are read relative to them (see `workspacePath`). */
  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((r) => (r.endsWith('/') ? r : `${r}/`));
  }

  /**
   * The file's path inside the workspace, with a leading `/` (`/multicluster/test/x.yaml`): what the folders of
   * the user's repository say, without the folders it happens to be checked out in. Outside every root (or with
   * none set), the URI's whole path.
   */
  workspacePath(uri: string): string {
    const root = this.roots.find((r) => uri.startsWith(r));
    const path = root ? `/${uri.slice(root.length)}` : uri.replace(/^[a-z]+:\/\/[^/]*/i, '');
    try {
      return decodeURIComponent(path);
    } catch {
      return path; // a malformed %-escape: the raw text
    }
  }

  /** The cluster a file is applied to, by the same mapping as its objects' `cluster`. */
  clusterOf(uri: string): string | undefined {
    this.read(fileKey(uri));
    return this.resolver.placementOf(uri)?.name;
  }

  removeFile(uri: string): boolean {
    const objects = this.byFile.get(uri);
    if (!objects) return false;
    this.revision++;
    this.byFile.delete(uri);
    for (const o of objects) this.unlink(o);
    this.changedAt.set(fileKey(uri), this.revision);
    return true;
  }

  private link(o: IndexedObject): void {
    const k = key(o.kind, o.namespace, o.name);
    let list = this.byKey.get(k);
    if (!list) this.byKey.set(k, (list = []));
    list.push(o);
    let set = this.byKind.get(o.kind);
    if (!set) this.byKind.set(o.kind, (set = new Set()));
    set.add(o);
    this.byDoc.set(docKey(o.uri, o.docIndex), o);
    this.objects++;
    this.touch(o, k);
  }

  private unlink(o: IndexedObject): void {
    const k = key(o.kind, o.namespace, o.name);
    const list = this.byKey.get(k);
    if (list) {
      const rest = list.filter((x) => x !== o);
      if (rest.length) this.byKey.set(k, rest);
      else this.byKey.delete(k);
    }
    this.byKind.get(o.kind)?.delete(o);
    const dk = docKey(o.uri, o.docIndex);
    if (this.byDoc.get(dk) === o) this.byDoc.delete(dk);
    this.objects--;
    this.touch(o, k);
  }

  private touch(o: IndexedObject, k: string): void {
    this.changedAt.set(k, this.revision);
    this.changedAt.set(kindKey(o.kind), this.revision);
    this.changedAt.set(docKey(o.uri, o.docIndex), this.revision);
  }

  private read(depKey: string): void {
    this.tracking?.add(depKey);
  }

  /** Runs `compute` and returns what it read from the index, for `unchangedSince`. Not reentrant. */
  track<T>(compute: () => T): { value: T; deps: IndexDependencies } {
    const outer = this.tracking;
    const keys = new Set<string>();
    this.tracking = keys;
    try {
      return { value: compute(), deps: { keys, revision: this.revision } };
    } finally {
      // Nested tracking also counts for the outer computation.
      if (outer) for (const k of keys) outer.add(k);
      this.tracking = outer;
    }
  }

  /** True when nothing the tracked computation read has changed since it ran. */
  unchangedSince(deps: IndexDependencies): boolean {
    if (deps.revision === this.revision) return true;
    for (const k of deps.keys) if ((this.changedAt.get(k) ?? 0) > deps.revision) return false;
    return true;
  }

  /** Objects of `kind` named `name` in `namespace` (any cluster). */
  find(kind: string, namespace: string | undefined, name: string | undefined): readonly IndexedObject[] {
    const k = key(kind, namespace, name);
    this.read(k);
    return this.byKey.get(k) ?? [];
  }

  ofKind(kind: string): Iterable<IndexedObject> {
    this.read(kindKey(kind));
    return this.byKind.get(kind) ?? [];
  }

  /** The object of one document, without depending on the rest of its file. */
  objectAt(uri: string, docIndex: number): IndexedObject | undefined {
    const dk = docKey(uri, docIndex);
    this.read(dk);
    return this.byDoc.get(dk);
  }

  objectsIn(uri: string): readonly IndexedObject[] {
    this.read(fileKey(uri));
    return this.byFile.get(uri) ?? [];
  }

  get fileCount(): number {
    return this.byFile.size;
  }

  get objectCount(): number {
    return this.objects;
  }
}
