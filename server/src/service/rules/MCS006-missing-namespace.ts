// MCS006: a ServiceExport/ServiceImport without metadata.namespace lands in the kubectl context's namespace,
// while the export only works in the namespace of the Service (facts §2, §3: name + namespace sameness).
// The quick fix inserts the namespace of the same-named Service(s) found in the workspace (same cluster
// folder first); with none it offers `default` as a placeholder to edit (documented in MCS006.md).
import { findPair, nodeAt, stringAt } from '../parse/path';
import type { ParsedDocument } from '../parse/parsedDocument';
import { clusterOfUri, type WorkspaceIndex } from '../workspaceIndex';
import type { FixEdit, Finding, QuickFix, Rule, RuleContext } from './rule';

const MAX_CANDIDATES = 5;

/** Namespaces of Services named `name`, preferring those in the same cluster folder as `uri`. */
function serviceNamespaces(index: WorkspaceIndex, uri: string, name: string | undefined): string[] {
  if (!name) return [];
  const cluster = clusterOfUri(uri);
  const all: Array<{ ns: string; cluster: string | undefined }> = [];
  for (const o of index.ofKind('Service')) if (o.name === name && o.namespace) all.push({ ns: o.namespace, cluster: o.cluster });
  const sameCluster = cluster ? all.filter((s) => s.cluster === cluster) : [];
  return [...new Set((sameCluster.length ? sameCluster : all).map((s) => s.ns))].sort();
}

function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** An edit that adds `namespace: <ns>` to metadata, whatever shape metadata has (block, flow, empty, absent). */
export function insertNamespaceEdit(doc: ParsedDocument, ns: string): FixEdit | undefined {
  const root = doc.root;
  if (root?.type !== 'map') return undefined;
  const text = doc.text;
  const metaPair = findPair(root, 'metadata');
  const meta = metaPair?.value;
  if (!metaPair) {
    const kindPair = findPair(root, 'kind');
    if (!kindPair || root.flow) return undefined;
    return { op: 'insertText', at: lineEndAfter(text, kindPair.span.end), text: `\nmetadata:\n  namespace: ${ns}` };
  }
  if (!meta || (meta.type === 'scalar' && meta.value === null)) {
    return {
      op: 'insertText',
      at: lineEndAfter(text, metaPair.key.end),
      text: `\n${' '.repeat(columnOf(text, metaPair.key.start) + 2)}namespace: ${ns}`,
    };
  }
  if (meta.type !== 'map') return undefined;
  const empty = findPair(meta, 'namespace');
  if (empty) {
    // `namespace:` with no value: fill it in after the colon instead of adding a duplicate key.
    const colon = text.indexOf(':', empty.key.end);
    return colon < 0 ? undefined : { op: 'replaceSpan', start: colon, end: colon + 1, text: `: ${ns}` };
  }
  if (meta.flow) {
    const last = meta.pairs[meta.pairs.length - 1];
    return last
      ? { op: 'insertText', at: last.span.end, text: `, namespace: ${ns}` }
      : { op: 'replaceSpan', start: meta.start, end: meta.end, text: `{namespace: ${ns}}` };
  }
  const anchor = findPair(meta, 'name') ?? meta.pairs[0];
  if (!anchor) return undefined;
  return {
    op: 'insertText',
    at: lineEndAfter(text, anchor.span.end),
    text: `\n${' '.repeat(columnOf(text, anchor.key.start))}namespace: ${ns}`,
  };
}

export const mcs006: Rule = {
  id: 'MCS006',
  title: 'Namespaced MCS object without a namespace',
  severity: 'hint',
  kinds: ['ServiceExport', 'ServiceImport'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const root = ctx.doc.root;
    if (root?.type !== 'map' || stringAt(root, ['metadata', 'namespace']) !== undefined) return [];
    // An explicit `namespace:` with an empty value is still missing; a non-scalar one is someone else's problem.
    const nsNode = nodeAt(root, ['metadata', 'namespace']);
    if (nsNode && nsNode.type !== 'scalar') return [];
    const kind = ctx.doc.kind ?? 'object';
    const name = stringAt(root, ['metadata', 'name']);
    const candidates = serviceNamespaces(ctx.index, ctx.uri, name).slice(0, MAX_CANDIDATES);
    const fixes: QuickFix[] = [];
    for (const ns of candidates.length ? candidates : ['default']) {
      const edit = insertNamespaceEdit(ctx.doc, ns);
      if (!edit) break;
      const placeholder = candidates.length === 0;
      fixes.push({
        title: placeholder ? "Add namespace: default (edit it to the Service's namespace)" : `Add namespace: ${ns}`,
        edits: [edit],
        preferred: candidates.length === 1,
      });
    }
    const found =
      candidates.length === 1
        ? ` The Service ${name} is in namespace ${candidates[0]}.`
        : candidates.length > 1
          ? ` Services named ${name} exist in namespaces ${candidates.join(', ')}.`
          : '';
    return [
      {
        ruleId: 'MCS006',
        message: `${name ? `${kind} ${name}` : kind} has no metadata.namespace: it lands in the namespace of the current kubectl context, and the ${kind === 'ServiceImport' ? 'import only matches exports' : 'export only finds the Service'} in the same namespace.${found} Set metadata.namespace.`,
        // The empty namespace key, else the name, else the kind value when there is no metadata at all.
        path: nsNode ? ['metadata', 'namespace'] : nodeAt(root, ['metadata']) ? ['metadata', 'name'] : ['kind'],
        target: nsNode ? 'key' : 'value',
        fixes,
      },
    ];
  },
};
