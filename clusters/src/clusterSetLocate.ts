// Where a cluster or a service sits in a ClusterSet file's text, for "Reveal in ClusterSet file": the
// offsets of its entry's `name:` value under `spec.clusters` / `spec.services`. Reading never throws.
import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';

export type ClusterSetTarget = { cluster: string } | { service: { namespace: string; name: string } };

function get(node: unknown, key: string): Node | undefined {
  return isMap(node) ? (node.get(key, true) as Node | undefined) : undefined;
}

const str = (n: Node | undefined) => (isScalar(n) && n.value !== null ? String(n.value) : undefined);

/** `{start, end}` of the entry's name (the whole entry when it has none), or undefined when not found. */
export function locateInClusterSet(text: string, target: ClusterSetTarget): { start: number; end: number } | undefined {
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(docs)) return undefined;
  for (const doc of docs) {
    if (str(get(doc.contents, 'kind')) !== 'ClusterSet') continue;
    const spec = get(doc.contents, 'spec');
    const list = get(spec, 'cluster' in target ? 'clusters' : 'services');
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      const name = get(item, 'name');
      const hit =
        'cluster' in target
          ? str(name) === target.cluster
          : str(name) === target.service.name && (str(get(item, 'namespace')) ?? 'default') === target.service.namespace;
      const range = (name ?? (item as Node | undefined))?.range;
      if (hit && range) return { start: range[0], end: range[1] };
    }
  }
  return undefined;
}
