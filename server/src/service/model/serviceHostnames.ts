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
  const root = doc.root;
  // The `.svc.` test comes before any path or key string is made: most values of a repository have no name.
  if (doc.kind === 'ConfigMap') {
    for (const pair of asMap(nodeAt(root, DATA))?.pairs ?? []) {
      const value = pair.value;
      if (value?.type !== 'scalar' || typeof value.value !== 'string' || !value.value.includes('.svc.')) continue;
      const key = keyText(pair);
      if (key) addNames(doc, ['data', key], value, out);
    }
    return out;
  }
  for (const list of CONTAINER_LISTS) {
    const containers = asSeq(nodeAt(root, list.path))?.items;
    if (!containers) continue;
    for (let c = 0; c < containers.length; c++) {
      const env = asSeq(nodeAt(containers[c], ENV))?.items;
      if (!env) continue;
      for (let e = 0; e < env.length; e++) {
        const value = nodeAt(env[e], VALUE);
        if (value?.type === 'scalar' && typeof value.value === 'string' && value.value.includes('.svc.'))
          addNames(doc, ['spec', 'template', 'spec', list.name, c, 'env', e, 'value'], value, out);
      }
    }
  }
  return out;
}

const DATA: NodePath = ['data'];
const ENV: NodePath = ['env'];
const VALUE: NodePath = ['value'];
const CONTAINER_LISTS = ['containers', 'initContainers'].map((name) => ({
  name,
  path: ['spec', 'template', 'spec', name] as NodePath,
}));

/** The service names in one string scalar (its value contains `.svc.`), in order. */
function addNames(doc: ParsedDocument, path: NodePath, scalar: YScalar, out: HostnameRef[]): void {
  const value = String(scalar.value);
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
