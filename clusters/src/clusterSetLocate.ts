// Where a cluster or a service sits in a ClusterSet file's text, for "Reveal in ClusterSet file": the
// offsets of its entry's `name:` value under `spec.clusters` / `spec.services`, as the language service's
// ClusterSet model reads the file (first `kind: ClusterSet` document, YAML 1.1 scalars, aliases expanded).
// Reading never throws.
import { readClusterSetSource, spanForPath } from '../../server/src/service/public';

export type ClusterSetTarget = { cluster: string } | { service: { namespace: string; name: string } };

/** `{start, end}` of the entry's name in `text`, or undefined when not found. */
export function locateInClusterSet(text: string, target: ClusterSetTarget): { start: number; end: number } | undefined {
  const source = readClusterSetSource(text);
  if (!source) return undefined;
  const { model, doc, offset } = source;
  const path =
    'cluster' in target
      ? model.clusters.find((c) => c.name?.value === target.cluster)?.name?.path
      : model.services
          .filter((s) => s.name === target.service.name && (s.namespace ?? 'default') === target.service.namespace)
          .map((s) => [...s.path, 'name'])[0];
  const span = path ? spanForPath(doc.root, path) : undefined;
  return span ? { start: offset + span.start, end: offset + span.end } : undefined;
}
