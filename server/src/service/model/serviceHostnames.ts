// Service DNS names written in app configuration (`<svc>.<ns>.svc.clusterset.local`, `….svc.cluster.local`):
// ConfigMap data values and container env values of Deployments/StatefulSets, with exact spans.
import { asMap, asSeq, keyText, nodeAt, type NodePath } from '../parse/path';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { YScalar } from '../parse/yamlTree';
import { scalarTextMap } from './scalarText';

export interface HostnameRef {
  /** Labels before `.svc.`: `[…prefix, service, namespace]`. */
  labels: string[];
  zone: 'clusterset.local' | 'cluster.local';
  /** Path of the scalar that contains the name. */
  path: NodePath;
  /** Document span of the whole name, and of its zone part (`cluster.local`). */
  span: { start: number; end: number };
  zoneSpan: { start: number; end: number };
  /** False when the scalar's source text differs from its value (escapes, folding): spans cover the scalar. */
  exact: boolean;
}

const NAME = /(?<![-a-z0-9_.])((?:[a-z0-9_](?:[-a-z0-9_]*[a-z0-9_])?\.)+)svc\.(clusterset\.local|cluster\.local)(?![-a-z0-9_])/g;

/** By document: MCS805 and MCS806 both ask for every ConfigMap and Deployment (a parsed document never changes). */
const byDocument = new WeakMap<ParsedDocument, readonly HostnameRef[]>();

export function serviceHostnames(doc: ParsedDocument): readonly HostnameRef[] {
  let refs = byDocument.get(doc);
  if (!refs) byDocument.set(doc, (refs = findServiceHostnames(doc)));
  return refs;
}

function findServiceHostnames(doc: ParsedDocument): HostnameRef[] {
  const out: HostnameRef[] = [];
  for (const { path, scalar } of stringsOf(doc)) {
    const value = String(scalar.value);
    if (!value.includes('.svc.')) continue;
    const map = scalarTextMap(doc.text, scalar);
    for (const m of value.matchAll(NAME)) {
      const labels = m[1].slice(0, -1).split('.');
      if (labels.length < 2) continue;
      const start = m.index;
      const end = start + m[0].length;
      out.push({
        labels,
        zone: m[2] as HostnameRef['zone'],
        path,
        span: map.span(start, end),
        zoneSpan: map.span(end - m[2].length, end),
        exact: map.exact,
      });
    }
  }
  return out;
}

function* stringsOf(doc: ParsedDocument): Generator<{ path: NodePath; scalar: YScalar }> {
  const root = doc.root;
  if (doc.kind === 'ConfigMap') {
    for (const pair of asMap(nodeAt(root, ['data']))?.pairs ?? []) {
      const key = keyText(pair);
      if (key && pair.value?.type === 'scalar' && typeof pair.value.value === 'string')
        yield { path: ['data', key], scalar: pair.value };
    }
    return;
  }
  for (const list of ['containers', 'initContainers']) {
    const containers = asSeq(nodeAt(root, ['spec', 'template', 'spec', list]));
    for (let c = 0; c < (containers?.items.length ?? 0); c++) {
      const env = asSeq(nodeAt(containers?.items[c], ['env']));
      for (let e = 0; e < (env?.items.length ?? 0); e++) {
        const value = nodeAt(env?.items[e], ['value']);
        if (value?.type === 'scalar' && typeof value.value === 'string')
          yield { path: ['spec', 'template', 'spec', list, c, 'env', e, 'value'], scalar: value };
      }
    }
  }
}
