// The ClusterSet file after discovery: pod/service ranges of the clusters whose `context` matches are
// replaced, missing clusters are appended, everything else (comments, order, flow/block style) is kept.
// Pure: text in, text out — the command shows the result as a diff before anything is written.
import { isMap, isSeq, parseAllDocuments, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';

export interface DiscoveredCluster {
  context: string;
  /** Cluster id when the cluster told us (ClusterProperty…); else the name is derived from the context. */
  clusterId?: string;
  podCIDRs: string[];
  serviceCIDRs: string[];
  globalCIDRs?: string[];
  /** Where the ranges came from, written as a trailing comment, e.g. `ServiceCIDR kubernetes`. */
  podSource?: string;
  serviceSource?: string;
}

export type ClusterSetUpdate = { ok: true; text: string; changes: string[] } | { ok: false; error: string };

/** A DNS label from a context name (`arn:aws:eks:…:cluster/prod` → `arn-aws-eks-…-cluster-prod`). */
export function clusterNameFromContext(context: string): string {
  const label = context.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return /^[a-z]/.test(label) ? label : `c-${label}`.slice(0, 63);
}

function sameList(a: unknown, b: string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => String(x) === b[i]);
}

/** Replaces `key` of `item` with `values`, keeping a flow sequence flow (and block block). */
function setRanges(doc: Document, item: YAMLMap, key: string, values: string[], source: string | undefined): boolean {
  const current = item.get(key, true);
  const currentJs = isSeq(current) ? (current.toJSON() as unknown[]) : undefined;
  if (values.length === 0 || sameList(currentJs, values)) return false;
  const node = doc.createNode(values) as YAMLSeq;
  node.flow = isSeq(current) ? !!current.flow : true;
  if (source) node.comment = ` discovered: ${source}`;
  item.set(key, node);
  return true;
}

/** Style of the existing file, so toString() does not re-indent or re-space untouched lines. */
function styleOf(text: string): { indentSeq: boolean; flowCollectionPadding: boolean; lineWidth: number } {
  const blockSeqAtKeyIndent = /^( *)[\w.-]+:[ \t]*\r?\n\1- /m.test(text);
  return { indentSeq: !blockSeqAtKeyIndent, flowCollectionPadding: /\[ \S|\{ \S/.test(text), lineWidth: 0 };
}

function newClusterSetText(name: string): string {
  return [
    '# Written by "Clusterset: Discover CIDRs from clusters"; review implementation and names.',
    'apiVersion: clusterset.dev/v1alpha1',
    'kind: ClusterSet',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  implementation: generic',
    '  clusters: []',
    '',
  ].join('\n');
}

/**
 * The ClusterSet file text with `discovered` applied. `existing` undefined (or empty) creates a new file.
 * Clusters with no discovered range are left alone; empty discoveries never erase hand-written ranges.
 */
export function updateClusterSetText(existing: string | undefined, discovered: DiscoveredCluster[], opts: { clustersetName?: string } = {}): ClusterSetUpdate {
  const base = existing && existing.trim() ? existing : newClusterSetText(opts.clustersetName ?? 'my-clusterset');
  const all = parseAllDocuments(base);
  if (!Array.isArray(all) || all.length !== 1) return { ok: false, error: 'the ClusterSet file must hold exactly one YAML document to be updated automatically' };
  const doc = parseDocument(base, { keepSourceTokens: false });
  if (doc.errors.length) return { ok: false, error: `the ClusterSet file is not valid YAML (${doc.errors[0]?.message.split('\n')[0]}); fix it first` };
  if (doc.get('kind') !== 'ClusterSet') return { ok: false, error: 'the file is not a ClusterSet (kind: ClusterSet)' };
  let clusters = doc.getIn(['spec', 'clusters'], true);
  if (clusters === undefined || clusters === null || (!isSeq(clusters) && doc.getIn(['spec', 'clusters']) == null)) {
    doc.setIn(['spec', 'clusters'], doc.createNode([]));
    clusters = doc.getIn(['spec', 'clusters'], true);
  }
  if (!isSeq(clusters)) return { ok: false, error: 'spec.clusters is not a list' };
  const seq = clusters as YAMLSeq;
  const changes: string[] = [];
  const items = seq.items.filter((i): i is YAMLMap => isMap(i));
  const names = new Set(items.map((i) => String(i.get('name') ?? '')));
  for (const d of discovered) {
    if (d.podCIDRs.length + d.serviceCIDRs.length + (d.globalCIDRs?.length ?? 0) === 0) continue;
    let item = items.find((i) => i.get('context') === d.context) ?? (d.clusterId ? items.find((i) => i.get('name') === d.clusterId && !i.has('context')) : undefined);
    let label: string;
    if (!item) {
      let name = d.clusterId ?? clusterNameFromContext(d.context);
      for (let n = 2; names.has(name); n++) name = `${d.clusterId ?? clusterNameFromContext(d.context)}-${n}`;
      names.add(name);
      item = doc.createNode({ name, context: d.context }) as YAMLMap;
      seq.items.push(item);
      items.push(item);
      if (seq.flow && seq.items.length === 1) seq.flow = false;
      changes.push(`added cluster ${name} (context ${d.context})`);
      label = name;
    } else {
      label = String(item.get('name') ?? d.context);
    }
    if (setRanges(doc, item, 'podCIDRs', d.podCIDRs, d.podSource)) changes.push(`${label}: podCIDRs → ${d.podCIDRs.join(', ')}`);
    if (setRanges(doc, item, 'serviceCIDRs', d.serviceCIDRs, d.serviceSource)) changes.push(`${label}: serviceCIDRs → ${d.serviceCIDRs.join(', ')}`);
    const global = d.globalCIDRs?.[0];
    if (global && item.get('globalCIDR') !== global) {
      item.set('globalCIDR', global);
      changes.push(`${label}: globalCIDR → ${global}`);
    }
  }
  if (changes.length === 0) return { ok: true, text: existing ?? base, changes };
  // A new file uses the house style: sequences at their key's indentation, as in the catalogue.
  const style = existing && existing.trim() ? styleOf(base) : { indentSeq: false, flowCollectionPadding: false, lineWidth: 0 };
  return { ok: true, text: doc.toString(style), changes };
}
