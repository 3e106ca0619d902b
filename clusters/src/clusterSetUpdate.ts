// The ClusterSet file after discovery: pod/service ranges of the clusters whose `context` matches are
// replaced, missing clusters are appended, and every other byte (comments, spacing, flow/block style) is
// kept. The file is read by the language service's ClusterSet model (service/public), the reader the rules
// use, so aliases, merge keys, flow style and YAML 1.1 scalars mean here what they mean to the linter; the
// change is a few text splices at the offsets that model's tree gives.
// Pure: text in, text out — the command shows the result as a diff before anything is written.
import {
  CLUSTERS_PATH,
  findPair,
  nodeAt,
  readClusterSetSource,
  spanForPath,
  yaml11Value,
  type ClusterEntry,
  type YMap,
  type YNode,
  type YPair,
} from '../../server/src/service/public';

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

/**
 * `notes`: discovered ranges that were not written and why (a value shared through a YAML anchor, a cluster
 * entry that is an alias): the command shows them beside the changes.
 */
export type ClusterSetUpdate = { ok: true; text: string; changes: string[]; notes: string[] } | { ok: false; error: string };

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

/** A YAML scalar: plain when the linter (YAML 1.1, as kubectl) reads it back as this same string, else double-quoted. */
function scalar(s: string): string {
  return /^[A-Za-z0-9_][\w.:/@-]*$/.test(s) && !/:$/.test(s) && yaml11Value(s) === s ? s : JSON.stringify(s);
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

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

/** The text of a file with the one ClusterSet document at `off`: offsets of the model's tree are shifted by it. */
interface Ctx {
  text: string;
  off: number;
}

const startOf = (c: Ctx, n: { start: number }) => c.off + n.start;
const endOf = (c: Ctx, n: { end: number }) => c.off + n.end;

/** End of the line holding the last character of a node's content (so its trailing comment stays before). */
function afterNode(c: Ctx, node: YNode): number {
  return lineEnd(c.text, contentEnd(c.text, endOf(c, node)));
}

/** The anchor (`&name`) written before a node, if any (on the key's line for a block list: `podCIDRs: &p`). */
function anchorOf(c: Ctx, node: YNode): string | undefined {
  const at = startOf(c, node);
  const before = c.text.slice(Math.max(c.off, at - 300), at).trimEnd();
  return /&([^\s,[\]{}]+)(?:\s+![^\s]*)?$/.exec(before)?.[1];
}

/** True when an alias elsewhere in the document names `anchor` (changing the anchored value would change it too). */
function aliasedElsewhere(c: Ctx, anchor: string, docEnd: number): boolean {
  const body = c.text.slice(c.off, docEnd);
  const esc = anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\*${esc}(?![^\\s,\\]}])`).test(body);
}

/** The cluster's own pair for `key` (one written in the entry, not one a `<<` merge key brought in). */
function ownPair(entry: YMap, key: string): YPair | undefined {
  const p = findPair(entry, key);
  return p && p.key.start >= entry.start && p.key.end <= entry.end ? p : undefined;
}

/** A new `key: value` in the cluster entry, after its last line (block) or before its `}` (flow). */
function addKey(c: Ctx, entry: YMap, key: string, value: string, note: string, keyIndent: number): Splice {
  if (entry.flow) {
    const close = endOf(c, entry) - 1;
    const at = contentEnd(c.text, close);
    const sep = c.text[at - 1] === '{' || c.text[at - 1] === ',' ? ' ' : ', ';
    return { at, end: at, text: `${sep}${key}: ${value}` };
  }
  const at = afterNode(c, entry);
  return { at, end: at, text: `\n${' '.repeat(keyIndent)}${key}: ${value}${note}` };
}

/**
 * Splices that set `key` of the cluster to `values` (a list) or `value` (a scalar), or a note saying why
 * they cannot be written safely.
 */
function setField(
  c: Ctx,
  docEnd: number,
  cluster: ClusterEntry,
  label: string,
  key: string,
  values: string[] | string,
  source: string | undefined,
): Splice[] | string {
  const entry = cluster.node;
  const written = typeof values === 'string' ? scalar(values) : flow(values);
  const note = source && !entry.flow ? ` # discovered: ${source}` : '';
  const own = ownPair(entry, key);
  const keyNode = entry.pairs.find((p) => p.key.start >= entry.start && p.key.end <= entry.end)?.key;
  const keyIndent = columnOf(c.text, startOf(c, keyNode ?? entry));
  // Missing, or brought in by `<<: *defaults`: a key of the cluster's own, after the merge, overrides it.
  if (!own?.value) {
    // Written in the entry but overridden by a `<<` after it: a second key would be a duplicate.
    const entryText = c.text.slice(startOf(c, entry), endOf(c, entry));
    if (findPair(entry, key) && new RegExp(`(?:^|[\\s{,-])["']?${key}["']?\\s*:`).test(entryText))
      return `${label}: ${key} not written: the entry sets it and a merge key (<<) after it overrides that; edit it by hand`;
    return [addKey(c, entry, key, written, note, keyIndent)];
  }
  const node = own.value;
  const viaAlias = node.type === 'alias' || node.alias !== undefined;
  if (!viaAlias) {
    const anchor = anchorOf(c, node);
    if (anchor && aliasedElsewhere(c, anchor, docEnd))
      return `${label}: ${key} not written: its value is anchored (&${anchor}) and aliases elsewhere share it; edit it by hand`;
  }
  const start = startOf(c, node);
  const valueEnd = endOf(c, node);
  if (!viaAlias && node.type === 'seq' && !node.flow && typeof values !== 'string') {
    const indent = ' '.repeat(columnOf(c.text, start));
    return [{ at: start, end: contentEnd(c.text, valueEnd), text: values.map((v) => `- ${scalar(v)}`).join(`\n${indent}`) }];
  }
  // A flow list, a scalar or an alias (`*svc`, replaced here only): refresh our own trailing comment, keep anyone else's.
  const end = node.type === 'scalar' || node.type === 'alias' || node.flow ? valueEnd : contentEnd(c.text, valueEnd);
  const rest = c.text.slice(end, lineEnd(c.text, end));
  const ours = !entry.flow && /^\s*(#\s*discovered:.*)?$/.test(rest);
  return [{ at: start, end: ours ? end + rest.length : end, text: `${written}${ours ? note : ''}` }];
}

function newCluster(name: string, d: DiscoveredCluster, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines = [`${pad}- name: ${scalar(name)}`, `${pad}  context: ${scalar(d.context)}`];
  if (d.podCIDRs.length) lines.push(`${pad}  podCIDRs: ${flow(d.podCIDRs)}${d.podSource ? ` # discovered: ${d.podSource}` : ''}`);
  if (d.serviceCIDRs.length)
    lines.push(`${pad}  serviceCIDRs: ${flow(d.serviceCIDRs)}${d.serviceSource ? ` # discovered: ${d.serviceSource}` : ''}`);
  if (d.globalCIDRs?.[0]) lines.push(`${pad}  globalCIDR: ${scalar(d.globalCIDRs[0])}`);
  return lines.join('\n');
}

/** The same cluster as one flow mapping, for a flow-style `clusters: [{…}, …]` list (no comments inside). */
function newFlowCluster(name: string, d: DiscoveredCluster): string {
  const parts = [`name: ${scalar(name)}`, `context: ${scalar(d.context)}`];
  if (d.podCIDRs.length) parts.push(`podCIDRs: ${flow(d.podCIDRs)}`);
  if (d.serviceCIDRs.length) parts.push(`serviceCIDRs: ${flow(d.serviceCIDRs)}`);
  if (d.globalCIDRs?.[0]) parts.push(`globalCIDR: ${scalar(d.globalCIDRs[0])}`);
  return `{${parts.join(', ')}}`;
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

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

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
  const source = readClusterSetSource(text);
  if (source && source.documentCount !== 1)
    return { ok: false, error: 'the ClusterSet file must hold exactly one YAML document to be updated automatically' };
  if (!source) return { ok: false, error: 'the file is not a ClusterSet (kind: ClusterSet)' };
  const { model, doc, offset } = source;
  const broken = doc.syntaxProblems.find((p) => p.severity === 'error');
  if (broken)
    return { ok: false, error: `the ClusterSet file is not valid YAML (${broken.message.split('\n')[0]}); fix it first` };
  const c: Ctx = { text, off: offset };
  const docEnd = offset + doc.text.length;
  const seq = nodeAt(doc.root, CLUSTERS_PATH);
  if (seq?.type !== 'seq') return { ok: false, error: 'spec.clusters is not a list (add `clusters: []` under spec)' };
  if (seq.alias !== undefined)
    return { ok: false, error: `spec.clusters is an alias (*${seq.alias}): update the list it names by hand` };
  const names = new Set(model.clusters.map((e) => e.name?.value ?? ''));
  const splices: Splice[] = [];
  const appended: Array<{ name: string; d: DiscoveredCluster }> = [];
  const changes: string[] = [];
  const notes: string[] = [];
  const expected: Expectation[] = [];
  for (const d of discovered) {
    if (d.podCIDRs.length + d.serviceCIDRs.length + (d.globalCIDRs?.length ?? 0) === 0) continue;
    const cluster =
      model.clusters.find((e) => e.context?.value === d.context) ??
      (d.clusterId ? model.clusters.find((e) => e.name?.value === d.clusterId && !findPair(e.node, 'context')) : undefined);
    if (!cluster) {
      const stem = d.clusterId ?? clusterNameFromContext(d.context);
      let name = stem;
      for (let n = 2; names.has(name); n++) name = `${stem}-${n}`;
      names.add(name);
      appended.push({ name, d });
      expected.push(
        { cluster: name, key: 'podCIDRs', values: d.podCIDRs },
        { cluster: name, key: 'serviceCIDRs', values: d.serviceCIDRs },
        { cluster: name, key: 'globalCIDR', values: d.globalCIDRs?.slice(0, 1) ?? [] },
      );
      changes.push(`added cluster ${name} (context ${d.context})`);
      if (d.podCIDRs.length) changes.push(`${name}: podCIDRs → ${d.podCIDRs.join(', ')}`);
      if (d.serviceCIDRs.length) changes.push(`${name}: serviceCIDRs → ${d.serviceCIDRs.join(', ')}`);
      if (d.globalCIDRs?.[0]) changes.push(`${name}: globalCIDR → ${d.globalCIDRs[0]}`);
      continue;
    }
    const label = cluster.name?.value ?? d.context;
    const wanted: Array<[string, string[] | string, string[], string | undefined]> = [];
    for (const [key, values, src] of [
      ['podCIDRs', d.podCIDRs, d.podSource],
      ['serviceCIDRs', d.serviceCIDRs, d.serviceSource],
    ] as const) {
      const current = cluster.cidrs.filter((f) => f.role === key).map((f) => f.text);
      if (values.length && !sameList(current, values)) wanted.push([key, values, values, src]);
    }
    const global = d.globalCIDRs?.[0];
    if (global && cluster.globalCIDR?.text !== global) wanted.push(['globalCIDR', global, [global], undefined]);
    if (wanted.length && cluster.node.alias !== undefined) {
      notes.push(`${label}: not updated: its entry is an alias (*${cluster.node.alias}); edit the cluster it names by hand`);
      continue;
    }
    for (const [key, values, shown, src] of wanted) {
      const r = setField(c, docEnd, cluster, label, key, values, src);
      if (typeof r === 'string') notes.push(r);
      else {
        splices.push(...r);
        changes.push(`${label}: ${key} → ${shown.join(', ')}`);
        expected.push({ cluster: cluster.index, key, values: shown });
      }
    }
  }
  if (appended.length) splices.push(appendClusters(c, doc.root, seq, appended));
  if (changes.length === 0) return { ok: true, text: existing ?? text, changes, notes };
  let out = text;
  for (const s of splices.sort((a, b) => b.at - a.at)) out = out.slice(0, s.at) + s.text + out.slice(s.end);
  const wrong = readBack(out, expected);
  if (wrong)
    return {
      ok: false,
      error: `internal error: the proposed file would not read back as intended (${wrong}); nothing was changed`,
    };
  return { ok: true, text: out, changes, notes };
}

/** A value the update means to write: the cluster by its index in `spec.clusters`, or by name when appended. */
interface Expectation {
  cluster: number | string;
  key: string;
  values: string[];
}

/**
 * Why the proposed text does not say what was meant, read by the same model (a splice at a wrong place would
 * show here rather than in the user's file), or undefined when it does.
 */
function readBack(text: string, expected: Expectation[]): string | undefined {
  const source = readClusterSetSource(text);
  const broken = source?.doc.syntaxProblems.find((p) => p.severity === 'error');
  if (!source || broken) return broken?.message ?? 'no ClusterSet document';
  for (const e of expected) {
    const entry = source.model.clusters.find((c) =>
      typeof e.cluster === 'number' ? c.index === e.cluster : c.name?.value === e.cluster,
    );
    const got = entry?.cidrs.filter((f) => f.role === e.key).map((f) => f.text) ?? [];
    if (!sameList(got, e.values)) return `${entry?.name?.value ?? e.cluster}: ${e.key} reads ${got.join(', ') || 'nothing'}`;
  }
  return undefined;
}

/** New list items after the last one, at the indentation of the existing items (or of the key for `[]`). */
function appendClusters(
  c: Ctx,
  root: YNode | null,
  seq: Extract<YNode, { type: 'seq' }>,
  added: Array<{ name: string; d: DiscoveredCluster }>,
): Splice {
  const block = (indent: number) =>
    added
      .map(({ name, d }) => newCluster(name, d, 0))
      .map((b) => b.replace(/^/gm, ' '.repeat(indent)))
      .join('\n');
  const start = startOf(c, seq);
  const valueEnd = endOf(c, seq);
  if (seq.flow && seq.items.length > 0) {
    // `clusters: [{…}, {…}]`: more flow mappings before the `]`, so the list keeps its style.
    const at = contentEnd(c.text, valueEnd - 1);
    const sep = c.text[at - 1] === ',' ? ' ' : ', ';
    return { at, end: at, text: `${sep}${added.map(({ name, d }) => newFlowCluster(name, d)).join(', ')}` };
  }
  if (seq.flow) {
    // `clusters: []` becomes a block list at the key's indentation, as in the catalogue.
    const key = spanForPath(root, CLUSTERS_PATH, 'key');
    const keyCol = columnOf(c.text, key ? c.off + key.start : start);
    return { at: contentEnd(c.text, start), end: valueEnd, text: `\n${block(keyCol)}` };
  }
  const at = afterNode(c, seq.items[seq.items.length - 1] ?? seq);
  return { at, end: at, text: `\n${block(columnOf(c.text, start))}` };
}
