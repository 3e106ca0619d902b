// The workspace index: every object of interest in every YAML file, by (kind, namespace, name) and by kind,
// so cross-file rules (an export with no Service; conflicting exports from two cluster folders) work.
//
// It also records what each cross-file rule read (`track`), with a revision per key, per kind and per
// document, so a rule's findings are recomputed only when something it looked at changed: editing one
// Service of a 50,000-line file revalidates the few documents that share its name, not all of them.
import { ClusterResolver, clusterFromFolder, type ClusterPlacement } from './model/clusterMapping';
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

/**
 * The dependency keys, built once and then looked up: the rules ask for the same keys thousands of times per
 * validation, and a fresh concatenated string must be flattened and hashed on every Map or Set access, while
 * the parts (a kind, a name from the tree, a file's uri) keep their hash.
 */
/** How many of the last object keys KeyStrings.object compares before it looks one up. */
const RECENT_KEYS = 4;

class KeyStrings {
  private readonly objects = new Map<string, Map<string, Map<string, string>>>();
  private readonly kinds = new Map<string, string>();
  private readonly docs = new Map<string, Map<number, string>>();
  private readonly files = new Map<string, string>();

  /**
   * The last few keys asked for, by their parts: the rules of one object ask for the same few keys one after
   * another (its Service, its exports, who exports its name), and comparing the parts (mostly the very same
   * strings) is cheaper than three map lookups.
   */
  private readonly recentKinds: string[] = [];
  private readonly recentNamespaces: Array<string | undefined> = [];
  private readonly recentNames: Array<string | undefined> = [];
  private readonly recentKeys: string[] = [];
  private recentNext = 0;

  object(kind: string, namespace: string | undefined, name: string | undefined): string {
    const recent = this.recentKeys;
    for (let i = 0; i < recent.length; i++) {
      if (this.recentNames[i] === name && this.recentKinds[i] === kind && this.recentNamespaces[i] === namespace)
        return recent[i];
    }
    const k = this.lookUpObject(kind, namespace, name);
    const at = this.recentNext;
    this.recentNext = (at + 1) % RECENT_KEYS;
    this.recentKinds[at] = kind;
    this.recentNamespaces[at] = namespace;
    this.recentNames[at] = name;
    recent[at] = k;
    return k;
  }

  private lookUpObject(kind: string, namespace: string | undefined, name: string | undefined): string {
    const ns = namespace ?? 'default';
    const n = name ?? '';
    let byNs = this.objects.get(kind);
    if (!byNs) this.objects.set(kind, (byNs = new Map()));
    let byName = byNs.get(ns);
    if (!byName) byNs.set(ns, (byName = new Map()));
    let k = byName.get(n);
    if (k === undefined) byName.set(n, (k = key(kind, namespace, name)));
    return k;
  }

  kind(kind: string): string {
    let k = this.kinds.get(kind);
    if (k === undefined) this.kinds.set(kind, (k = kindKey(kind)));
    return k;
  }

  doc(uri: string, docIndex: number): string {
    let byIndex = this.docs.get(uri);
    if (!byIndex) this.docs.set(uri, (byIndex = new Map()));
    let k = byIndex.get(docIndex);
    if (k === undefined) byIndex.set(docIndex, (k = docKey(uri, docIndex)));
    return k;
  }

  file(uri: string): string {
    let k = this.files.get(uri);
    if (k === undefined) this.files.set(uri, (k = fileKey(uri)));
    return k;
  }
}

const NO_KEYS: ReadonlySet<string> = new Set();
/** The objects of a file that has none (never written: byFile's lists are replaced, not changed). */
const NO_OBJECTS: IndexedObject[] = [];

/** What a computation read from the index: dependency keys, and the revision at which it read them. */
export interface IndexDependencies {
  readonly keys: ReadonlySet<string>;
  readonly revision: number;
}

export class WorkspaceIndex {
  private readonly byFile = new Map<string, IndexedObject[]>();
  private readonly byKey = new Map<string, IndexedObject[]>();
  private readonly byKind = new Map<string, Set<IndexedObject>>();
  /** uri → docIndex → object. */
  private readonly byDoc = new Map<string, Map<number, IndexedObject>>();
  /** Last revision at which each key / kind / document / file changed. Entries stay after removal on purpose. */
  private readonly changedAt = new Map<string, number>();
  private tracking: Set<string> | undefined;
  private readonly keys = new KeyStrings();
  /** Results of `memo` by name and key, valid at `memoRevision`; each with the keys its computation read. */
  private memos = new Map<string, Map<string, { value: unknown; keys: ReadonlySet<string> }>>();
  private memoRevision = -1;
  private objects = 0;
  private resolver = new ClusterResolver();
  private roots: readonly string[] = [];
  private readonly workspacePaths = new Map<string, string>();
  /** Bumped on every change, so callers can tell whether cross-file results may be stale. */
  revision = 0;

  /**
   * `trackDependencies: false` (`clusterset lint`: every file is set once, then every file validated once): no
   * revision per key and no record of what a computation read, since nothing is ever validated again. `track`
   * then returns no keys and `unchangedSince` is always false.
   */
  constructor(readonly tracksDependencies = true) {}

  /** Replaces what the index knows of one file; only documents that changed count as changes. */
  updateFile(file: ParsedFile): boolean {
    // Placed on the first object: most files of a large repository have none.
    let placement: ClusterPlacement | undefined;
    let cluster: string | undefined;
    let isPlaced = false;
    const before = this.byFile.get(file.uri);
    // By document index: every object of the list is of this file (no map for a file that had none).
    let kept: Map<number, IndexedObject> | undefined;
    if (before?.length) {
      kept = new Map();
      for (const o of before) kept.set(o.docIndex, o);
    }
    const next: IndexedObject[] = [];
    const added: IndexedObject[] = [];
    for (const placed of file.documents) {
      const d = placed.doc;
      // Other vendors' same-named kinds are not MCS objects: no rule may match them to ours.
      if (d.skipped || !d.kind || isForeignObject(d.kind, d.apiVersion)) continue;
      if (!isPlaced) {
        placement = this.resolver.placementOf(file.uri);
        cluster = placement?.name;
        isPlaced = true;
      }
      const old = kept?.get(placed.index);
      if (kept && old && old.doc === d && old.cluster === cluster && old.clusterSource === placement?.source) {
        // Same parsed document at the same place (the parse cache returns the same object): unchanged.
        kept.delete(placed.index);
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
    const removed = kept ? [...kept.values()] : NO_OBJECTS;
    if (added.length === 0 && removed.length === 0 && before !== undefined) return false;
    this.revision++;
    // Unlink first: a changed document's new object takes the old one's place in byDoc.
    for (const o of removed) this.unlink(o);
    for (const o of added) this.link(o);
    // Most files of a large repository hold no object: they share one empty list.
    this.byFile.set(file.uri, next.length ? next : NO_OBJECTS);
    if (this.tracksDependencies) this.changedAt.set(this.keys.file(file.uri), this.revision);
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
      if (this.tracksDependencies) this.changedAt.set(this.keys.file(uri), this.revision);
    }
    return moved;
  }

  /** The workspace root folders (URIs): paths inside them are read relative to them (see `workspacePath`). */
  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((r) => (r.endsWith('/') ? r : `${r}/`));
    this.workspacePaths.clear();
  }

  /**
   * The file's path inside the workspace, with a leading `/` (`/multicluster/test/x.yaml`): what the folders of
   * the user's repository say, without the folders it happens to be checked out in. Outside every root (or with
   * none set), the URI's whole path.
   */
  workspacePath(uri: string): string {
    let path = this.workspacePaths.get(uri);
    if (path === undefined) {
      // Several rules of every ServiceImport ask; one entry per file the index has seen.
      this.workspacePaths.set(uri, (path = this.computeWorkspacePath(uri)));
    }
    return path;
  }

  private computeWorkspacePath(uri: string): string {
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
    if (this.tracking) this.tracking.add(this.keys.file(uri));
    return this.resolver.placementOf(uri)?.name;
  }

  removeFile(uri: string): boolean {
    const objects = this.byFile.get(uri);
    if (!objects) return false;
    this.revision++;
    this.byFile.delete(uri);
    for (const o of objects) this.unlink(o);
    if (this.tracksDependencies) this.changedAt.set(this.keys.file(uri), this.revision);
    return true;
  }

  private link(o: IndexedObject): void {
    const k = this.keys.object(o.kind, o.namespace, o.name);
    let list = this.byKey.get(k);
    if (!list) this.byKey.set(k, (list = []));
    list.push(o);
    let set = this.byKind.get(o.kind);
    if (!set) this.byKind.set(o.kind, (set = new Set()));
    set.add(o);
    let docs = this.byDoc.get(o.uri);
    if (!docs) this.byDoc.set(o.uri, (docs = new Map()));
    docs.set(o.docIndex, o);
    this.objects++;
    this.touch(o, k);
  }

  private unlink(o: IndexedObject): void {
    const k = this.keys.object(o.kind, o.namespace, o.name);
    const list = this.byKey.get(k);
    if (list) {
      const rest = list.filter((x) => x !== o);
      if (rest.length) this.byKey.set(k, rest);
      else this.byKey.delete(k);
    }
    this.byKind.get(o.kind)?.delete(o);
    const docs = this.byDoc.get(o.uri);
    if (docs?.get(o.docIndex) === o) {
      docs.delete(o.docIndex);
      if (docs.size === 0) this.byDoc.delete(o.uri);
    }
    this.objects--;
    this.touch(o, k);
  }

  private touch(o: IndexedObject, k: string): void {
    if (!this.tracksDependencies) return;
    this.changedAt.set(k, this.revision);
    this.changedAt.set(this.keys.kind(o.kind), this.revision);
    this.changedAt.set(this.keys.doc(o.uri, o.docIndex), this.revision);
  }

  private read(depKey: string): void {
    this.tracking?.add(depKey);
  }

  /** Runs `compute` and returns what it read from the index, for `unchangedSince`. Not reentrant. */
  track<T>(compute: () => T): { value: T; deps: IndexDependencies } {
    if (!this.tracksDependencies) return { value: compute(), deps: { keys: NO_KEYS, revision: this.revision } };
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

  /**
   * `compute()`, computed once per index revision for one (kind, namespace, name) under `memoName` (the many
   * rules of one exported Service ask who else exports it). A hit still counts what the computation read for
   * the tracking caller, so cross-file findings are invalidated exactly as if it had run again. The value is
   * shared: callers must not mutate it.
   */
  memo<T>(memoName: string, kind: string, namespace: string | undefined, name: string | undefined, compute: () => T): T {
    if (this.memoRevision !== this.revision) {
      this.memos.clear();
      this.memoRevision = this.revision;
    }
    let memos = this.memos.get(memoName);
    if (!memos) this.memos.set(memoName, (memos = new Map()));
    const k = this.keys.object(kind, namespace, name);
    const hit = memos.get(k);
    if (hit) {
      if (this.tracking) for (const dep of hit.keys) this.tracking.add(dep);
      return hit.value as T;
    }
    const { value, deps } = this.track(compute);
    memos.set(k, { value, keys: deps.keys });
    return value;
  }

  /** True when nothing the tracked computation read has changed since it ran. */
  unchangedSince(deps: IndexDependencies): boolean {
    if (!this.tracksDependencies) return false;
    if (deps.revision === this.revision) return true;
    for (const k of deps.keys) if ((this.changedAt.get(k) ?? 0) > deps.revision) return false;
    return true;
  }

  /** Objects of `kind` named `name` in `namespace` (any cluster). */
  find(kind: string, namespace: string | undefined, name: string | undefined): readonly IndexedObject[] {
    const k = this.keys.object(kind, namespace, name);
    this.read(k);
    return this.byKey.get(k) ?? [];
  }

  ofKind(kind: string): Iterable<IndexedObject> {
    if (this.tracking) this.tracking.add(this.keys.kind(kind));
    // A kind nobody wrote (ClusterSet is asked for once per validated file): no array per call.
    return this.byKind.get(kind) ?? NO_OBJECTS;
  }

  /** The object of one document, without depending on the rest of its file. */
  objectAt(uri: string, docIndex: number): IndexedObject | undefined {
    if (this.tracking) this.tracking.add(this.keys.doc(uri, docIndex));
    return this.byDoc.get(uri)?.get(docIndex);
  }

  objectsIn(uri: string): readonly IndexedObject[] {
    if (this.tracking) this.tracking.add(this.keys.file(uri));
    return this.byFile.get(uri) ?? [];
  }

  get fileCount(): number {
    return this.byFile.size;
  }

  get objectCount(): number {
    return this.objects;
  }
}
