// Shared by the section E rules (MCS401–MCS420): where a ServiceImport's fields live, what counts as a
// test fixture, and the small helpers (DNS-label repair, enum case fixes) several rules need.
import { excerpt, yaml11NoteFor } from '../parse/yaml11';
import { asMap, asScalar, asSeq, nodeAt, scalarString, type NodePath } from '../parse/path';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { YMap, YNode, YScalar } from '../parse/yamlTree';
import type { QuickFix } from './rule';

/**
 * Files under a test/fixture folder hold objects a controller wrote (or a test expects), not manifests
 * someone applies: hand-authored-import warnings stay quiet there and status checks get stricter.
 */
const FIXTURE_FOLDER = /\/(?:test|tests|testdata|test-data|fixtures?|__fixtures__|e2e|golden|conformance)\//i;

let lastFixtureQuestion: string | undefined;
let lastFixtureAnswer = false;

/** `workspacePath`: the file's path inside the workspace (WorkspaceIndex.workspacePath), so the folders a
 * repository is checked out in (a CI runner's `/home/runner/work/test/…`) do not count. */
export function isFixturePath(workspacePath: string): boolean {
  // Rules ask for every object, and the objects of one file come one after another: one answer is kept.
  if (workspacePath !== lastFixtureQuestion) {
    lastFixtureQuestion = workspacePath;
    lastFixtureAnswer = FIXTURE_FOLDER.test(workspacePath);
  }
  return lastFixtureAnswer;
}

/** `namespace/name` of the object for messages, `name` alone when it has no namespace. */
export function objectLabel(doc: ParsedDocument): string {
  const name = scalarString(nodeAt(doc.root, ['metadata', 'name'])) ?? '(unnamed)';
  const ns = scalarString(nodeAt(doc.root, ['metadata', 'namespace']));
  return ns ? `${ns}/${name}` : name;
}

export interface PortEntry {
  index: number;
  path: NodePath;
  map: YMap;
}

/** The map entries of `spec.ports`; non-map items are skipped (MCS004/MCS402 speak about shape). */
export function importPorts(doc: ParsedDocument): PortEntry[] {
  const seq = asSeq(nodeAt(doc.root, ['spec', 'ports']));
  const out: PortEntry[] = [];
  seq?.items.forEach((item, index) => {
    const map = asMap(item);
    if (map) out.push({ index, path: ['spec', 'ports', index], map });
  });
  return out;
}

/** A string scalar (not a number or boolean the YAML parser produced). */
export function stringScalar(n: YNode | null | undefined): YScalar | undefined {
  const s = asScalar(n);
  return s && typeof s.value === 'string' ? s : undefined;
}

/** Lowercases and replaces what a DNS label cannot hold; undefined when nothing usable is left. */
export function toDnsLabel(s: string): string | undefined {
  const label = s
    .toLowerCase()
    .replace(/[^-a-z0-9]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '');
  return label.length > 0 ? label : undefined;
}

/** The allowed value that differs from `value` only in case (`clientip` → `ClientIP`). */
export function caseFixFor(value: string, allowed: readonly string[]): string | undefined {
  return allowed.find((a) => a.toLowerCase() === value.toLowerCase());
}

/** A value that is set (not missing, not null) but is not one of the allowed ones. */
export interface EnumMismatch {
  node: YNode;
  /** The value's text when it is a string (a number or boolean leaves it undefined). */
  value: string | undefined;
  /** The allowed value it differs from only in case. */
  caseFix: string | undefined;
}

/**
 * The string value at `path` when it is outside `allowed`. A missing or null value is another rule's
 * business, and so is a value that is not a string at all (a number, a list): the API server rejects those
 * for their type, which MCS011 reports.
 */
export function enumMismatch(
  root: YNode | null | undefined,
  path: NodePath,
  allowed: readonly string[],
  /** Also non-string values: status fields, whose types MCS011 does not report (status is discarded on create). */
  nonStrings = false,
): EnumMismatch | undefined {
  const node = nodeAt(root, path);
  if (!node || (node.type === 'scalar' && node.value === null)) return undefined;
  const value = stringScalar(node)?.value as string | undefined;
  if ((value === undefined && !nonStrings) || (value !== undefined && allowed.includes(value))) return undefined;
  return { node, value, caseFix: value === undefined ? undefined : caseFixFor(value, allowed) };
}

/** A preferred quick fix that replaces the value at `path`. */
export function replaceValueFix(path: NodePath, text: string, title = `Change to ${text}`): QuickFix {
  return { title, edits: [{ op: 'replaceValue', path, text }], preferred: true };
}

/** How a scalar reads in a message: strings quoted, other YAML types named. */
export function describeScalar(n: YNode | null | undefined): string {
  const s = asScalar(n);
  if (!s) return n ? `a ${n.type === 'map' ? 'mapping' : n.type === 'seq' ? 'list' : 'alias left unexpanded'}` : 'empty';
  if (s.value === null) return `null${yaml11NoteFor(s)}`;
  if (typeof s.value === 'string') return `"${excerpt(s.value)}"`;
  return `${typeof s.value} ${String(s.value)}${yaml11NoteFor(s)}`;
}

/** `text` as a YAML string value: quoted when a plain scalar would read as a number, boolean or null. */
export function yamlStringText(text: string): string {
  return /^(?:[-+]?[0-9][0-9_.e+-]*|0x[0-9a-f]+|0o[0-7]+|true|false|yes|no|on|off|y|n|null|~)$/i.test(text) ? `"${text}"` : text;
}

/** Fields only the API server writes: a document with one of them is a `kubectl get -o yaml` dump, not a manifest. */
const SERVER_WRITTEN = ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'generation'];

/** True for an object read back from a cluster (its metadata has server-written fields). */
export function isServerDump(doc: ParsedDocument): boolean {
  const meta = asMap(nodeAt(doc.root, ['metadata']));
  return !!meta && meta.pairs.some((p) => p.key.type === 'scalar' && SERVER_WRITTEN.includes(String(p.key.value)));
}
