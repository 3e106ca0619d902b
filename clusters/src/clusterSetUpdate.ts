// The ClusterSet file after discovery: pod/service ranges of the clusters whose `context` matches are
// replaced, missing clusters are appended, and every other byte (comments, spacing, flow/block style) is
// kept: the YAML is parsed only to find where things are, and the change is a few text splices.
// Pure: text in, text out — the command shows the result as a diff before anything is written.
import { isMap, isScalar, isSeq, parseAllDocuments, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

export interface DiscoveredCluster {
  context: string;
  /** Cluster id when the cluster told us (ClusterProperty…); else the name is derived from the context. */
  clusterId?: string;
  podCIDRs: string[];
  serviceCIDRs: string[];
  globalCIDRs?: string[];
  /** Where the ranges came from, written as a trailing comment on new or flow-style lines. */
  podSource?: string;
  serviceSource?: string;
}

export type ClusterSetUpdate = { ok: true; text: string; changes: string[] } | { ok: false; error: string };

interface Splice {
  at: number;
  end: number;
  text: string;
}

/** A DNS label from a context name (`arn:aws:eks:…:cluster/prod` → `arn-aws-eks-…-cluster-prod`). */
export function clusterNameFromContext(context: string): string {
  const label = context
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return /^[a-z]/.test(label) ? label : `c-${label}`.slice(0, 63);
}

/** A YAML scalar: plain when that is unambiguous, else double-quoted. */
function scalar(s: string): string {
  return /^[A-Za-z0-9_][\w.:/@-]*$/.test(s) && !/:$/.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s)
    ? s
    : JSON.stringify(s);
}

const flow = (values: string[]) => `[${values.map(scalar).join(', ')}]`;

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** `offset` moved back over whitespace: block nodes' ranges run on to the start of the next line. */
function contentEnd(text: string, offset: number): number {
  let e = offset;
  while (e > 0 && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

/** End of the line holding the last character of a node's content (so its trailing comment stays before). */
function afterNode(text: string, node: { range?: [number, number, number] | null } | undefined): number {
  return lineEnd(text, contentEnd(text, node?.range?.[1] ?? text.length));
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

function sameList(node: unknown, values: string[]): boolean {
  if (!isSeq(node)) return false;
  const js = node.toJSON() as unknown[];
  return js.length === values.length && js.every((x, i) => String(x) === values[i]);
}

/** Splices that set `key` of the cluster `item` to `values` (a flow list, or block items in block style). */
function setList(
  text: string,
  item: YAMLMap,
  key: string,
  values: string[],
  source: string | undefined,
  keyIndent: number,
): Splice[] {
  const pair = item.items.find((p) => isScalar(p.key) && p.key.value === key);
  const node = pair?.value as Node | null | undefined;
  const note = source ? ` # discovered: ${source}` : '';
  if (!pair || !node?.range) {
    const at = afterNode(text, item);
    return [{ at, end: at, text: `\n${' '.repeat(keyIndent)}${key}: ${flow(values)}${note}` }];
  }
  const [start, valueEnd] = node.range;
  if (isSeq(node) && !node.flow) {
    const indent = ' '.repeat(columnOf(text, start));
    return [{ at: start, end: contentEnd(text, valueEnd), text: values.map((v) => `- ${scalar(v)}`).join(`\n${indent}`) }];
  }
  // A flow list (or a scalar someone wrote): replace it; refresh our own trailing comment, keep anyone else's.
  const rest = text.slice(valueEnd, lineEnd(text, valueEnd));
  const ours = /^\s*(#\s*discovered:.*)?$/.test(rest);
  return [{ at: start, end: ours ? valueEnd + rest.length : valueEnd, text: `${flow(values)}${ours ? note : ''}` }];
}

function newCluster(name: string, d: DiscoveredCluster, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines = [`${pad}- name: ${scalar(name)}`, `${pad}  context: ${scalar(d.context)}`];
  if (d.podCIDRs.length) lines.push(`${pad}  podCIDRs: ${flow(d.podCIDRs)}${d.podSource ? ` # discovered: ${d.podSource}` : ''}`);
  if (d.serviceCIDRs.length)
    lines.push(`${pad}  serviceCIDRs: ${flow(d.serviceCIDRs)}${d.serviceSource ? ` # discovered: ${d.serviceSource}` : ''}`);
  if (d.globalCIDRs?.[0]) lines.push(`${pad}  globalCIDR: ${d.globalCIDRs[0]}`);
  return lines.join('\n');
}

function newClusterSetText(name: string): string {
  return [
    '# Written by "Clusterset: Discover CIDRs from clusters"; review implementation and names.',
    'apiVersion: clusterset.dev/v1alpha1',
    'kind: ClusterSet',
    'metadata:',
    `  name: ${scalar(name)}`,
    'spec:',
    '  implementation: generic',
    '  clusters: []',
    '',
  ].join('\n');
}

/**
 * The ClusterSet file text with `discovered` applied. `existing` undefined (or blank) creates a new file.
 * Clusters with no discovered range are left alone; empty discoveries never erase hand-written ranges.
 */
export function updateClusterSetText(
  existing: string | undefined,
  discovered: DiscoveredCluster[],
  opts: { clustersetName?: string } = {},
): ClusterSetUpdate {
  const text = existing && existing.trim() ? existing : newClusterSetText(opts.clustersetName ?? 'my-clusterset');
  if (parseAllDocuments(text).length !== 1)
    return { ok: false, error: 'the ClusterSet file must hold exactly one YAML document to be updated automatically' };
  const doc = parseDocument(text);
  if (doc.errors.length)
    return { ok: false, error: `the ClusterSet file is not valid YAML (${doc.errors[0]?.message.split('\n')[0]}); fix it first` };
  if (doc.get('kind') !== 'ClusterSet') return { ok: false, error: 'the file is not a ClusterSet (kind: ClusterSet)' };
  const spec = doc.get('spec', true);
  const seq = isMap(spec) ? spec.get('clusters', true) : undefined;
  if (!isSeq(seq) || !seq.range) return { ok: false, error: 'spec.clusters is not a list (add `clusters: []` under spec)' };
  const clustersKey = (spec as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'clusters')?.key as Node;
  const items = (seq as YAMLSeq).items.filter((i): i is YAMLMap => isMap(i));
  const names = new Set(items.map((i) => String(i.get('name') ?? '')));
  const splices: Splice[] = [];
  const appended: string[] = [];
  const changes: string[] = [];
  for (const d of discovered) {
    if (d.podCIDRs.length + d.serviceCIDRs.length + (d.globalCIDRs?.length ?? 0) === 0) continue;
    const item =
      items.find((i) => i.get('context') === d.context) ??
      (d.clusterId ? items.find((i) => i.get('name') === d.clusterId && !i.has('context')) : undefined);
    if (!item) {
      const stem = d.clusterId ?? clusterNameFromContext(d.context);
      let name = stem;
      for (let n = 2; names.has(name); n++) name = `${stem}-${n}`;
      names.add(name);
      appended.push(newCluster(name, d, 0));
      changes.push(`added cluster ${name} (context ${d.context})`);
      if (d.podCIDRs.length) changes.push(`${name}: podCIDRs → ${d.podCIDRs.join(', ')}`);
      if (d.serviceCIDRs.length) changes.push(`${name}: serviceCIDRs → ${d.serviceCIDRs.join(', ')}`);
      if (d.globalCIDRs?.[0]) changes.push(`${name}: globalCIDR → ${d.globalCIDRs[0]}`);
      continue;
    }
    const label = String(item.get('name') ?? d.context);
    const keyIndent = columnOf(text, (item.items[0]?.key as Node | undefined)?.range?.[0] ?? item.range?.[0] ?? 0);
    for (const [key, values, source] of [
      ['podCIDRs', d.podCIDRs, d.podSource],
      ['serviceCIDRs', d.serviceCIDRs, d.serviceSource],
    ] as const) {
      if (values.length === 0 || sameList(item.get(key, true), values)) continue;
      splices.push(...setList(text, item, key, values, source, keyIndent));
      changes.push(`${label}: ${key} → ${values.join(', ')}`);
    }
    const global = d.globalCIDRs?.[0];
    const current = item.get('globalCIDR', true) as Node | undefined;
    if (global && String(item.get('globalCIDR') ?? '') !== global) {
      if (current?.range) splices.push({ at: current.range[0], end: current.range[1], text: global });
      else {
        const at = afterNode(text, item);
        splices.push({ at, end: at, text: `\n${' '.repeat(keyIndent)}globalCIDR: ${global}` });
      }
      changes.push(`${label}: globalCIDR → ${global}`);
    }
  }
  if (appended.length) splices.push(appendClusters(text, seq as YAMLSeq, items, clustersKey, appended));
  if (changes.length === 0) return { ok: true, text: existing ?? text, changes };
  let out = text;
  for (const s of splices.sort((a, b) => b.at - a.at)) out = out.slice(0, s.at) + s.text + out.slice(s.end);
  return { ok: true, text: out, changes };
}

/** New list items after the last one, at the indentation of the existing items (or of the key for `[]`). */
function appendClusters(text: string, seq: YAMLSeq, items: YAMLMap[], key: Node, blocks: string[]): Splice {
  const indentBy = (n: number) => blocks.map((b) => b.replace(/^/gm, ' '.repeat(n))).join('\n');
  const [start, valueEnd] = seq.range ?? [0, 0, 0];
  if (seq.flow || items.length === 0) {
    // `clusters: []` (or a flow list) becomes a block list at the key's indentation, as in the catalogue.
    const keyCol = columnOf(text, key.range?.[0] ?? start);
    return { at: contentEnd(text, start), end: valueEnd, text: `\n${indentBy(keyCol)}` };
  }
  const at = afterNode(text, items[items.length - 1]);
  return { at, end: at, text: `\n${indentBy(columnOf(text, start))}` };
}
