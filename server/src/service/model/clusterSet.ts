// A typed view over a ClusterSet document (format: catalogue header): the clusters, their CIDRs and
// the services, each value with its path so rules can point at it. Reading never fails: missing or
// mistyped fields are simply absent, and the rules that care say so.
import { parseDocumentText, sniffKind, type ParsedDocument } from '../parse/parsedDocument';
import { asMap, asSeq, findPair, keyText, nodeAt, scalarString, type NodePath } from '../parse/path';
import { splitDocuments } from '../parse/splitDocuments';
import type { YMap, YNode } from '../parse/yamlTree';

export type RangeRole = 'podCIDRs' | 'serviceCIDRs' | 'globalCIDR';

export interface Located<T> {
  value: T;
  path: NodePath;
}

export interface CidrField {
  text: string;
  path: NodePath;
  role: RangeRole;
  /** Index of the cluster in `spec.clusters`. */
  clusterIndex: number;
}

export interface ClusterEntry {
  index: number;
  path: NodePath;
  node: YMap;
  name?: Located<string>;
  /** The kubeconfig context that reaches this cluster (`context:`), which the cluster side reads. */
  context?: Located<string>;
  cidrs: CidrField[];
  /** Present when the field exists (even if malformed). */
  globalCIDR?: CidrField;
  /** `paths`: globs of the workspace files applied to this cluster (relative to the ClusterSet file's folder). */
  paths: Array<Located<string>>;
}

export interface ServiceEntry {
  index: number;
  path: NodePath;
  name?: string;
  namespace?: string;
  /** Cluster names in `exportedFrom` and `consumers`. */
  clusterRefs: Array<Located<string> & { field: 'exportedFrom' | 'consumers' }>;
  /** The same names as plain lists, in file order, for the cluster side (tree, status, doctor). */
  exportedFrom: string[];
  consumers: string[];
}

export interface ClusterSetModel {
  name?: string;
  implementation?: Located<string>;
  overlapMode?: Located<string>;
  globalnetCIDR?: Located<string>;
  /** `spec.connectivity.encryption`: what cross-cluster traffic is expected to be encrypted with. */
  encryption?: Located<string>;
  /** `spec.cilium.ipv4NativeRoutingCIDR` / `ipv6NativeRoutingCIDR` (decision documented in MCS710). */
  nativeRoutingCIDRs: Array<Located<string>>;
  clusters: ClusterEntry[];
  services: ServiceEntry[];
}

export const CLUSTERS_PATH: NodePath = ['spec', 'clusters'];

function located(root: YNode | null, path: NodePath): Located<string> | undefined {
  const v = scalarString(nodeAt(root, path));
  return v === undefined ? undefined : { value: v, path };
}

/** A list field; a lone scalar is read as a one-item list (MCS701 still parses it). */
function stringList(map: YMap, key: string, base: NodePath): Array<Located<string>> {
  const pair = findPair(map, key);
  if (!pair?.value) return [];
  const seq = asSeq(pair.value);
  if (!seq) {
    const v = scalarString(pair.value);
    return v === undefined ? [] : [{ value: v, path: [...base, key] }];
  }
  const out: Array<Located<string>> = [];
  for (let i = 0; i < seq.items.length; i++) {
    const v = scalarString(seq.items[i]);
    if (v !== undefined) out.push({ value: v, path: [...base, key, i] });
  }
  return out;
}

function readCluster(node: YMap, index: number): ClusterEntry {
  const path: NodePath = ['spec', 'clusters', index];
  const cidrs: CidrField[] = [];
  let name: Located<string> | undefined;
  let context: Located<string> | undefined;
  let globalCIDR: CidrField | undefined;
  // One pass over the cluster's keys (a 10,000-cluster file reads 40,000 of them).
  for (const pair of node.pairs) {
    const key = keyText(pair);
    if (key === 'podCIDRs' || key === 'serviceCIDRs') {
      // Inline rather than stringList: no intermediate objects for the 20,000 ranges of a large file.
      const v = pair.value;
      if (v?.type === 'seq') {
        for (let i = 0; i < v.items.length; i++) {
          const item = v.items[i];
          if (item.type === 'scalar' && item.value !== null)
            cidrs.push({ text: String(item.value), path: ['spec', 'clusters', index, key, i], role: key, clusterIndex: index });
        }
      } else if (v?.type === 'scalar' && v.value !== null)
        cidrs.push({ text: String(v.value), path: ['spec', 'clusters', index, key], role: key, clusterIndex: index });
    } else if (key === 'name') {
      const v = scalarString(pair.value);
      if (v !== undefined) name = { value: v, path: ['spec', 'clusters', index, 'name'] };
    } else if (key === 'context') {
      const v = scalarString(pair.value);
      if (v !== undefined) context = { value: v, path: ['spec', 'clusters', index, 'context'] };
    } else if (key === 'globalCIDR') {
      const v = scalarString(pair.value);
      if (v !== undefined)
        globalCIDR = { text: v, path: ['spec', 'clusters', index, 'globalCIDR'], role: 'globalCIDR', clusterIndex: index };
    }
  }
  if (globalCIDR) cidrs.push(globalCIDR);
  return { index, path, node, name, ...(context ? { context } : {}), cidrs, globalCIDR, paths: stringList(node, 'paths', path) };
}

export function readClusterSet(root: YNode | null): ClusterSetModel {
  const clusters: ClusterEntry[] = [];
  asSeq(nodeAt(root, CLUSTERS_PATH))?.items.forEach((item, i) => {
    const m = asMap(item);
    if (m) clusters.push(readCluster(m, i));
  });
  const services: ServiceEntry[] = [];
  asSeq(nodeAt(root, ['spec', 'services']))?.items.forEach((item, i) => {
    const m = asMap(item);
    if (!m) return;
    const path: NodePath = ['spec', 'services', i];
    const clusterRefs: ServiceEntry['clusterRefs'] = [];
    for (const field of ['exportedFrom', 'consumers'] as const)
      for (const l of stringList(m, field, path)) clusterRefs.push({ ...l, field });
    services.push({
      index: i,
      path,
      name: scalarString(findPair(m, 'name')?.value),
      namespace: scalarString(findPair(m, 'namespace')?.value),
      clusterRefs,
      exportedFrom: clusterRefs.filter((r) => r.field === 'exportedFrom').map((r) => r.value),
      consumers: clusterRefs.filter((r) => r.field === 'consumers').map((r) => r.value),
    });
  });
  const nativeRoutingCIDRs: Array<Located<string>> = [];
  for (const key of ['ipv4NativeRoutingCIDR', 'ipv6NativeRoutingCIDR']) {
    const l = located(root, ['spec', 'cilium', key]);
    if (l) nativeRoutingCIDRs.push(l);
  }
  return {
    name: scalarString(nodeAt(root, ['metadata', 'name'])),
    implementation: located(root, ['spec', 'implementation']),
    overlapMode: located(root, ['spec', 'overlap', 'mode']),
    globalnetCIDR: located(root, ['spec', 'overlap', 'globalnetCIDR']),
    encryption: located(root, ['spec', 'connectivity', 'encryption']),
    nativeRoutingCIDRs,
    clusters,
    services,
  };
}

/**
 * The ClusterSet of a file's text (the first `kind: ClusterSet` document of a YAML stream), for the
 * cluster side (`status`, the tree, Discover CIDRs, `doctor`); undefined when the text declares none.
 */
export function readClusterSetText(text: string): ClusterSetModel | undefined {
  return readClusterSetSource(text)?.model;
}

/** The ClusterSet of a file's text with where it sits, for code that edits or points into the file. */
export interface ClusterSetSource {
  model: ClusterSetModel;
  /** The ClusterSet document as parsed: its tree (`doc.root`) has offsets relative to `offset`. */
  doc: ParsedDocument;
  /** Offset of the ClusterSet document in the file's text. */
  offset: number;
  /** Documents of the file with content (comment-only or empty ones between `---` lines do not count). */
  documentCount: number;
}

/** A line that holds no node: blank, a comment, a bare document marker or a directive (`%YAML 1.1`). */
const NO_CONTENT = /^(?:[ \t]*(?:#.*)?|(?:---|\.\.\.)[ \t]*(?:#.*)?|%.*)$/;

/** The first `kind: ClusterSet` document of a file's text, read as the rules read it; undefined when none. */
export function readClusterSetSource(text: string): ClusterSetSource | undefined {
  const chunks = splitDocuments(text);
  const documentCount = chunks.filter((c) => c.text.split(/\r?\n/).some((line) => !NO_CONTENT.test(line))).length;
  for (const chunk of chunks) {
    if (sniffKind(chunk.text) !== 'ClusterSet') continue;
    const doc = parseDocumentText(chunk.text);
    if (doc.kind === 'ClusterSet' && doc.root)
      return { model: readClusterSet(doc.root), doc, offset: chunk.offset, documentCount };
  }
  return undefined;
}

/** Display name of a cluster: its name, or its position when it has none. */
export function clusterLabel(c: ClusterEntry | undefined, index: number): string {
  return c?.name?.value ?? `clusters[${index}]`;
}

/** The cluster at position `index` of `spec.clusters` (non-mapping items are skipped by the reader). */
export function clusterAt(model: ClusterSetModel, index: number): ClusterEntry | undefined {
  const direct = model.clusters[index];
  return direct?.index === index ? direct : model.clusters.find((c) => c.index === index);
}
