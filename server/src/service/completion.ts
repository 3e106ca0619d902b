// Completion for the MCS kinds and the ClusterSet file: keys valid at the cursor (from the schemas, minus
// those already present), enum values after `key: ` or `- `, apiVersion values for the kind and kind
// values. It reads the raw lines (completionContext.ts) so it works while the line is being typed and
// the document does not parse.
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { ClustersetSettings } from '../protocol';
import { Outline } from './completionContext';
import { fieldMarkdown, documentAt } from './hover';
import { splitApiVersion } from './model/apiVersions';
import { apiVersionsFor, fieldAt, KIND_SCHEMAS, schemaFor, type FieldSchema, type KindSchema } from './model/schemas';
import { sniffKind } from './parse/parsedDocument';
import type { ParsedFile } from './parse/parsedFile';
import type { NodePath } from './parse/path';
import type { WorkspaceIndex } from './workspaceIndex';

const API_VERSION_LINE = /^apiVersion:[ \t]*["']?([^\s"'#]+)/m;
const TYPING_KEY = /^( *)(- +)?([A-Za-z0-9_./-]*)$/;
const TYPING_VALUE = /^( *)(- +)?([A-Za-z0-9_./-]+):[ \t]+["']?([^\s"'#]*)$/;

interface Where {
  file: ParsedFile;
  line: number;
  character: number;
  prefix: string;
}

function replaceRange(w: Where): Range {
  return { start: { line: w.line, character: w.character - w.prefix.length }, end: { line: w.line, character: w.character } };
}

function insertTextFor(key: string, field: FieldSchema, col: number): string {
  if (field.type === 'object' || field.type === 'map') return `${key}:\n${' '.repeat(col + 2)}`;
  if (field.type === 'array') return `${key}:\n${' '.repeat(col + 2)}- `;
  return `${key}: `;
}

function keyItems(
  kind: KindSchema,
  path: NodePath,
  container: FieldSchema,
  present: Set<string>,
  col: number,
  w: Where,
): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const [key, field] of Object.entries(container.fields ?? {})) {
    if (present.has(key) || field.serverSet) continue;
    out.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: `${field.type}${field.required ? ' · required' : ''}${field.since ? ` · since ${field.since}` : ''}`,
      documentation: { kind: 'markdown', value: fieldMarkdown(kind, [...path, key], field) },
      sortText: `${field.required ? '0' : '1'}${key}`,
      filterText: key,
      textEdit: { range: replaceRange(w), newText: insertTextFor(key, field, col) },
      insertTextFormat: InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.asIs,
    });
  }
  return out;
}

function valueItems(values: readonly string[], w: Where, doc?: string): CompletionItem[] {
  return values.map((v, i) => ({
    label: v,
    kind: CompletionItemKind.EnumMember,
    sortText: String(i).padStart(3, '0'),
    documentation: doc ? { kind: 'markdown', value: doc } : undefined,
    textEdit: { range: replaceRange(w), newText: v },
  }));
}

function kindValues(apiVersion: string | undefined): string[] {
  const group = apiVersion ? splitApiVersion(apiVersion).group : undefined;
  const matching = KIND_SCHEMAS.filter(
    (k) => !group || k.group === group || (group === 'net.gke.io' && k.group === 'multicluster.x-k8s.io'),
  );
  return (matching.length ? matching : KIND_SCHEMAS).map((k) => k.kind);
}

/** Values offered after `key: ` at `path`. */
function valuesAt(
  kind: KindSchema | undefined,
  path: NodePath,
  kindName: string | undefined,
  apiVersion: string | undefined,
  settings: ClustersetSettings,
): string[] {
  if (path.length === 1 && path[0] === 'apiVersion')
    return apiVersionsFor(kindName && kind ? kindName : undefined, settings.implementation);
  if (path.length === 1 && path[0] === 'kind') return kindValues(apiVersion);
  const field = kind ? fieldAt(kind, path) : undefined;
  return field?.enum ? [...field.enum] : field?.type === 'boolean' ? ['true', 'false'] : [];
}

export function completionAt(
  file: ParsedFile,
  position: Position,
  _index: WorkspaceIndex,
  settings: ClustersetSettings,
): CompletionList | null {
  const offset = file.lines.offsetAt(position);
  const placed = documentAt(file, offset);
  if (!placed) return null;
  const docText = placed.doc.text;
  const kindName = placed.doc.kind ?? sniffKind(docText);
  const apiVersion = placed.doc.apiVersion ?? API_VERSION_LINE.exec(docText)?.[1];
  const kind = schemaFor(apiVersion, kindName);
  // Documents of other kinds belong to other tools (Red Hat YAML); a document with no kind yet gets kind/apiVersion values only.
  if (kindName && !kind) return null;

  const lines = docText.split('\n').map((l) => l.replace(/\r$/, ''));
  const docLine = file.lines.positionAt(placed.offset).line;
  const line = position.line - docLine;
  if (line < 0 || line >= lines.length) return null;
  const before = lines[line].slice(0, position.character);
  const outline = new Outline(lines);

  const value = TYPING_VALUE.exec(before);
  if (value) {
    const w: Where = { file, line: position.line, character: position.character, prefix: value[4] };
    const container = value[2] ? outline.itemPath(line, value[1].length) : outline.containerOfKey(line, value[1].length);
    if (!container) return null;
    const path = [...container, value[3]];
    const field = kind ? fieldAt(kind, path) : undefined;
    const items = valueItems(
      valuesAt(kind, path, kindName, apiVersion, settings),
      w,
      field && kind ? fieldMarkdown(kind, path, field) : undefined,
    );
    return items.length ? { isIncomplete: false, items } : null;
  }

  const typing = TYPING_KEY.exec(before);
  if (!typing || !kind) return null;
  const w: Where = { file, line: position.line, character: position.character, prefix: typing[3] };
  const startsItem = typing[2] !== undefined;
  const col = typing[1].length + (typing[2]?.length ?? 0);
  let path: NodePath | undefined;
  let container: FieldSchema | undefined;
  if (startsItem) {
    const item = outline.itemPath(line, typing[1].length);
    if (!item) return null;
    const list = fieldAt(kind, item.slice(0, -1));
    if (list?.type !== 'array' || !list.items) return null;
    if (list.items.type !== 'object') {
      const items = valueItems(list.items.enum ?? [], w, list.items.doc);
      return items.length ? { isIncomplete: false, items } : null;
    }
    path = item;
    container = list.items;
  } else {
    path = outline.containerOfKey(line, col);
    container = path ? fieldAt(kind, path) : undefined;
  }
  if (!path || container?.type !== 'object' || container.open) return null;
  const present = outline.siblingKeys(line, col, startsItem);
  const items = keyItems(kind, path, container, present, col, w);
  return items.length ? { isIncomplete: false, items } : null;
}
