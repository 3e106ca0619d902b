// Hover: value providers first (hoverProviders.ts), then clusterset DNS names anywhere in the file, then
// for the MCS kinds and the ClusterSet file the field documentation from the schemas, and the meaning of
// the `kind` and `apiVersion` values.
import type { Hover, Position } from 'vscode-languageserver-types';
import type { ClustersetSettings } from '../protocol';
import { clustersetNameHover } from './clustersetNameHover';
import { VALUE_HOVER_PROVIDERS } from './hoverProviders';
import { apiVersionDoc, fieldAt, schemaFor, type FieldSchema, type KindSchema } from './model/schemas';
import type { ParsedFile, PlacedDocument } from './parse/parsedFile';
import { formatPath, scalarString, type NodePath } from './parse/path';
import { pathAtOffset } from './parse/pathAtOffset';
import { kubectlReadingNote } from './parse/yaml11';
import type { Span } from './parse/yamlTree';
import type { WorkspaceIndex } from './workspaceIndex';

/** The document holding a file offset (the last one starting at or before it; inside a List, the item there). */
export function documentAt(file: ParsedFile, offset: number): PlacedDocument | undefined {
  let found: PlacedDocument | undefined;
  for (const d of file.documents) {
    if (d.offset > offset) break;
    if (d.doc.itemIndex !== undefined) {
      // List items share their list's offset; each one holds only its own node's span.
      const at = offset - d.offset;
      if (d.doc.root && d.doc.root.start <= at && at <= d.doc.root.end) found = d;
      continue;
    }
    found = d;
  }
  return found;
}

/** Field documentation as Markdown: path and type, meaning, allowed values, required, since. */
export function fieldMarkdown(kind: KindSchema, path: NodePath, field: FieldSchema): string {
  const shown = path.filter((s) => typeof s === 'string').length ? formatPath(path) : kind.kind;
  const facts: string[] = [];
  if (field.enum) facts.push(`Allowed values: ${field.enum.map((v) => `\`${v}\``).join(', ')}`);
  if (field.required) facts.push('Required');
  if (field.sinceNote) facts.push(`Since: ${field.sinceNote}`);
  else if (field.since) facts.push(`Since: mcs-api ${field.since}`);
  return [`**${shown}** · \`${field.type}\` · ${kind.kind}`, field.doc, facts.join(' · ')].filter(Boolean).join('\n\n');
}

function kindMarkdown(kind: KindSchema): string {
  const where =
    kind.kind === 'ClusterSet'
      ? `${kind.group}/${kind.versions.join(', ')}`
      : `${kind.group} (${kind.versions.join(', ')}), ${kind.scope === 'Cluster' ? 'cluster-scoped' : 'namespaced'}`;
  return `**${kind.kind}** · ${where}\n\n${kind.doc}`;
}

function toHover(file: ParsedFile, placed: PlacedDocument, span: Span, value: string): Hover {
  return {
    contents: { kind: 'markdown', value },
    range: { start: file.lines.positionAt(placed.offset + span.start), end: file.lines.positionAt(placed.offset + span.end) },
  };
}

export function hoverAt(file: ParsedFile, position: Position, index: WorkspaceIndex, settings: ClustersetSettings): Hover | null {
  const offset = file.lines.offsetAt(position);
  const placed = documentAt(file, offset);
  if (!placed) return null;
  const rel = offset - placed.offset;
  const at = placed.doc.root ? pathAtOffset(placed.doc.root, rel) : undefined;
  const h = hoverIn(file, placed, rel, offset, at, index, settings);
  // A plain scalar kubectl reads differently from YAML 1.2 (`no`, `0120`): say what it sends, whatever else shows.
  const n = at && !at.onKey ? at.node : undefined;
  if (n?.type !== 'scalar' || n.yaml11Source === undefined) return h;
  const note = `${kubectlReadingNote(n.yaml11Source, n.value)}: it sends \`${JSON.stringify(n.value)}\`.`;
  const before = h && typeof h.contents === 'object' && 'kind' in h.contents ? `${h.contents.value}\n\n---\n\n` : '';
  return toHover(file, placed, n, `${before}${note}`);
}

function hoverIn(
  file: ParsedFile,
  placed: PlacedDocument,
  rel: number,
  offset: number,
  at: ReturnType<typeof pathAtOffset>,
  index: WorkspaceIndex,
  settings: ClustersetSettings,
): Hover | null {
  if (at && !at.onKey) {
    for (const provider of VALUE_HOVER_PROVIDERS) {
      const h = provider({ file, placed, path: at.path, node: at.node, offset: rel, index, settings });
      if (h) return h;
    }
  }
  const dns = clustersetNameHover(file, offset, index);
  if (dns || !at) return dns;
  const kind = schemaFor(placed.doc.apiVersion, placed.doc.kind);
  if (!kind) return null;
  if (!at.onKey && at.path.length === 1) {
    const value = scalarString(at.node);
    if (at.path[0] === 'kind' && value === kind.kind) return toHover(file, placed, at.node, kindMarkdown(kind));
    if (at.path[0] === 'apiVersion' && value) {
      const doc = apiVersionDoc(value, placed.doc.kind);
      if (doc) return toHover(file, placed, at.node, doc);
    }
  }
  const field = at.path.length ? fieldAt(kind, at.path) : undefined;
  if (!field || !field.doc || (!at.onKey && at.node.type !== 'scalar')) return null;
  return toHover(file, placed, at.node, fieldMarkdown(kind, at.path, field));
}
