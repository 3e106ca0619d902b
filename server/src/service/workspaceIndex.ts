// The workspace index: every object of interest in every YAML file, by (cluster, namespace, name), so
// cross-file rules (an export with no Service; conflicting exports from two cluster folders) work.
// Files are replaced whole on change; lookups are by map, not by scanning.
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
  /** Cluster the file belongs to, from its folder (`clusters/<name>/…`), or undefined for a flat workspace. */
  readonly cluster: string | undefined;
  readonly doc: ParsedDocument;
}

const CLUSTER_FOLDER = /\/(?:clusters|overlays|cluster)\/([a-z0-9]([-a-z0-9.]*[a-z0-9])?)\//i;

/** The cluster a file belongs to, from a `clusters/<name>/` (or `overlays/<name>/`) folder in its path. */
export function clusterOfUri(uri: string): string | undefined {
  const m = CLUSTER_FOLDER.exec(decodeURIComponent(uri));
  return m ? m[1] : undefined;
}

function key(kind: string, namespace: string | undefined, name: string | undefined): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name ?? ''}`;
}

export class WorkspaceIndex {
  private readonly byFile = new Map<string, IndexedObject[]>();
  private readonly byKey = new Map<string, IndexedObject[]>();
  private readonly byKind = new Map<string, Set<IndexedObject>>();
  /** Bumped on every change, so callers can tell whether cross-file results may be stale. */
  revision = 0;

  /** Replaces what the index knows of one file. Returns true when the set of indexed objects changed. */
  updateFile(file: ParsedFile): boolean {
    const objects: IndexedObject[] = [];
    const cluster = clusterOfUri(file.uri);
    for (const placed of file.documents) {
      const d = placed.doc;
      if (d.skipped || !d.kind) continue;
      objects.push({
        uri: file.uri,
        docIndex: placed.index,
        kind: d.kind,
        apiVersion: d.apiVersion,
        name: stringAt(d.root, ['metadata', 'name']),
        namespace: stringAt(d.root, ['metadata', 'namespace']),
        cluster,
        doc: d,
      });
    }
    const before = this.byFile.get(file.uri);
    if (before && sameObjects(before, objects)) {
      // Same documents (by identity from the parse cache): keep the index as it is.
      return false;
    }
    this.removeFile(file.uri);
    this.byFile.set(file.uri, objects);
    for (const o of objects) {
      const k = key(o.kind, o.namespace, o.name);
      let list = this.byKey.get(k);
      if (!list) this.byKey.set(k, (list = []));
      list.push(o);
      let set = this.byKind.get(o.kind);
      if (!set) this.byKind.set(o.kind, (set = new Set()));
      set.add(o);
    }
    this.revision++;
    return true;
  }

  removeFile(uri: string): boolean {
    const objects = this.byFile.get(uri);
    if (!objects) return false;
    this.byFile.delete(uri);
    for (const o of objects) {
      const k = key(o.kind, o.namespace, o.name);
      const list = this.byKey.get(k);
      if (list) {
        const rest = list.filter((x) => x !== o);
        if (rest.length) this.byKey.set(k, rest);
        else this.byKey.delete(k);
      }
      this.byKind.get(o.kind)?.delete(o);
    }
    this.revision++;
    return true;
  }

  /** Objects of `kind` named `name` in `namespace` (any cluster). */
  find(kind: string, namespace: string | undefined, name: string | undefined): readonly IndexedObject[] {
    return this.byKey.get(key(kind, namespace, name)) ?? [];
  }

  ofKind(kind: string): Iterable<IndexedObject> {
    return this.byKind.get(kind) ?? [];
  }

  objectsIn(uri: string): readonly IndexedObject[] {
    return this.byFile.get(uri) ?? [];
  }

  get fileCount(): number {
    return this.byFile.size;
  }

  get objectCount(): number {
    let n = 0;
    for (const list of this.byFile.values()) n += list.length;
    return n;
  }
}

function sameObjects(a: readonly IndexedObject[], b: readonly IndexedObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].doc !== b[i].doc || a[i].docIndex !== b[i].docIndex) return false;
  return true;
}
