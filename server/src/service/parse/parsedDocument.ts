// One YAML document of a file: its kind and apiVersion, its tree and its syntax problems.
// Documents are cached by their exact text, so editing one document of a 50,000-line stream re-parses
// only that document. Values in the tree are what kubectl sends (yamlTree.ts, yaml11.ts).
import { parseDocument, type Document } from 'yaml';
import { kindMarker, kindsOfInterest } from './kindsOfInterest';
import { stringAt } from './path';
import { excerpt } from './yaml11';
import { buildTree, type Span, type YNode } from './yamlTree';
import { fastAccepts, fastTree } from './fastTree';
import { kindSuggestionFor, mentionsMcsGroup } from './kindSuggestion';

export { kindsOfInterest } from './kindsOfInterest';

export interface SyntaxProblem extends Span {
  message: string;
  /** `yaml` error code (DUPLICATE_KEY, BAD_INDENT…) or ours (NESTING_TOO_DEEP, ALIAS_LIMIT, TOO_LARGE…). */
  code: string;
  severity: 'error' | 'warning';
}

export interface ParsedDocument {
  /** The document's own text (offsets in the tree are relative to it). */
  readonly text: string;
  readonly root: YNode | null;
  readonly kind?: string;
  readonly apiVersion?: string;
  /** True when the document was not parsed (or parsed for its syntax only) because nothing in it concerns MCS. */
  readonly skipped: boolean;
  /** Not parsed yet: the file's parse time budget ran out first; a later step parses it. */
  readonly deferred?: boolean;
  readonly syntaxProblems: readonly SyntaxProblem[];
  /**
   * Items of a `kind: List` (or `ServiceExportList`…) that are of interest, each linted as an object: same text as
   * the list, `root` the item's node (offsets still relative to the list's text).
   */
  readonly items?: readonly ParsedDocument[];
  /** On an item of a List: its index in `items:` of the list. */
  readonly itemIndex?: number;
  /** The MCS kind a misspelled or missing `kind` most likely meant (`serviceexport` → ServiceExport). */
  readonly kindSuggestion?: KindSuggestion;
  /** A document an MCS object depends on whose kind no rule reads (a Gateway route to a ServiceImport). */
  readonly mcsRelated?: boolean;
}

export interface KindSuggestion {
  /** Candidate kinds, best first (one for a misspelling; every kind of the group when `kind` is missing). */
  kinds: string[];
  missing: boolean;
}

const KIND_LINE = /^["']?kind["']?[ \t]*:[ \t]*["']?([A-Za-z][A-Za-z0-9]*)/m;
const FLOW_KIND = /["']?\bkind["']?\s*:\s*["']?([A-Za-z][A-Za-z0-9]*)/g;
/** Gateway API routes: one that names a ServiceImport backend depends on MCS (its syntax errors matter). */
const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']);
const SERVICE_IMPORT_REF = /\bkind["']?\s*:\s*["']?ServiceImport\b/;
/** How far into a flow (JSON) document the kind sniffing looks. */
const FLOW_SNIFF_CHARS = 64 * 1024;

/** The failsafe schema leaves every scalar a string: yamlTree resolves them as kubectl does (YAML 1.1). */
export const YAML_OPTIONS = {
  schema: 'failsafe',
  uniqueKeys: true,
  prettyErrors: false,
  keepSourceTokens: false,
  strict: true,
} as const;

export const isListKind = (kind: string | undefined): boolean => kind !== undefined && kind.endsWith('List');

/** A cheap look at the text: which kind does this document declare, if any. */
export function sniffKind(text: string): string | undefined {
  const m = KIND_LINE.exec(text);
  return m ? m[1] : flowKind(text);
}

/** sniffKind of a document without a block-style `kind:` line. */
function flowKind(text: string): string | undefined {
  // Flow-style, JSON or indented documents (`{"kind": "ServiceExport", ...}`): look at the start only.
  FLOW_KIND.lastIndex = 0;
  const f = FLOW_KIND.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return f?.[1];
}

/**
 * Why a document is worth parsing, or undefined when it is not (it then costs only these regex tests).
 * `kindLine`: KIND_LINE matches the text (sniffKind found the kind there).
 */
function interest(
  text: string,
  sniffed: string | undefined,
  markers: boolean,
  kindLine: boolean,
): 'kind' | 'related' | 'misnamed' | undefined {
  if (sniffed !== undefined && (kindsOfInterest().has(sniffed) || isListKind(sniffed)))
    return markers && !markerAllows(sniffed, text, kindLine) ? undefined : 'kind';
  if (!kindLine) {
    // A flow/JSON document names its kind anywhere (`kubectl get -o json` writes "kind": "List" last).
    FLOW_KIND.lastIndex = 0;
    const head = text.length > FLOW_SNIFF_CHARS ? text.slice(0, FLOW_SNIFF_CHARS) : text;
    for (let m = FLOW_KIND.exec(head); m; m = FLOW_KIND.exec(head)) {
      if (kindsOfInterest().has(m[1]) || isListKind(m[1])) return 'kind';
    }
  }
  if (sniffed !== undefined && ROUTE_KINDS.has(sniffed) && SERVICE_IMPORT_REF.test(text)) return 'related';
  if (sniffed !== undefined ? kindSuggestionFor(sniffed, text) !== undefined : mentionsMcsGroup(text)) return 'misnamed';
  return undefined;
}

/**
 * False when `kind` has a marker (rules/kindsRead.ts KIND_MARKERS) that a block-style document's text lacks:
 * nothing reads it. Flow/JSON documents always pass: their sniffed kind may be a nested object's.
 */
export function markerAllows(kind: string, text: string, kindLine?: boolean): boolean {
  const marker = kindMarker(kind);
  return !marker || marker.test(text) || !(kindLine ?? KIND_LINE.test(text));
}

/** A document whose parse was put off by the time budget (not cached: the next step parses it). */
export function deferredDocument(text: string): ParsedDocument {
  return { text, root: null, kind: sniffKind(text), skipped: true, deferred: true, syntaxProblems: [] };
}

/** The problems of a document that has none: one shared array, never written (one fewer object per document). */
const NO_PROBLEMS: readonly SyntaxProblem[] = Object.freeze([]);

/** Documents larger than this are not parsed: no MCS object is this big, and parsing would stall the editor. */
export const MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

export interface ParseOptions {
  /** Parse whatever the kind (tests, the ClusterSet reader). */
  force?: boolean;
  /** Parse documents of no interest too, for their syntax problems only (the CLI: every syntax error counts). */
  syntaxOfAll?: boolean;
  /**
   * Judge documents of the kinds with a marker by it (default true): without it they are parsed whenever
   * their kind is of interest, as before the markers (the plain path of `clusterset lint`).
   */
  kindMarkers?: boolean;
  /**
   * Try the fast path parser (fastTree.ts) before `yaml` (default true; it gives the same result wherever it
   * takes a document). `false`: every document is parsed by `yaml`, exactly as before the fast path existed.
   */
  fastParse?: boolean;
}

export function parseDocumentText(text: string, options: ParseOptions = {}): ParsedDocument {
  return parseDocumentWith(text, options, true) as ParsedDocument;
}

/**
 * What parseDocumentText gives when that takes no `yaml` parse (the fast path took the document, or it is not
 * parsed at all); undefined when the document needs `yaml`.
 */
export function parseDocumentWithoutYaml(text: string, options: ParseOptions = {}): ParsedDocument | undefined {
  return parseDocumentWith(text, options, false);
}

function parseDocumentWith(text: string, options: ParseOptions, yamlAllowed: boolean): ParsedDocument | undefined {
  const line = KIND_LINE.exec(text);
  const sniffed = line ? line[1] : flowKind(text);
  const why = options.force ? 'kind' : interest(text, sniffed, options.kindMarkers !== false, line !== null);
  if (!why && !options.syntaxOfAll) return { text, root: null, kind: sniffed, skipped: true, syntaxProblems: NO_PROBLEMS };
  if (text.length > MAX_DOCUMENT_CHARS) {
    return {
      text,
      root: null,
      kind: sniffed,
      skipped: true,
      syntaxProblems: [
        {
          start: 0,
          end: 0,
          code: 'TOO_LARGE',
          severity: 'warning',
          message: `Document not validated: it is ${(text.length / 1048576).toFixed(1)} MiB, above the ${MAX_DOCUMENT_CHARS / 1048576} MiB limit.`,
        },
      ],
    };
  }
  if (options.fastParse !== false) {
    if (!why) {
      // Parsed for its syntax only: accepted by the fast path means `yaml` would report no problem.
      if (fastAccepts(text)) return { text, root: null, kind: sniffed, skipped: true, syntaxProblems: NO_PROBLEMS };
    } else {
      const root = fastTree(text);
      if (root !== undefined) return finishDocument(text, root, [], why);
    }
  }
  if (!yamlAllowed) return undefined;
  if (text.length > MAX_FLOW_DEPTH && flowDepthOver(text, MAX_FLOW_DEPTH)) {
    // The `yaml` parser would overflow its stack once per level (seconds of work): not worth starting.
    return {
      text,
      root: null,
      kind: sniffed,
      skipped: true,
      syntaxProblems: [{ start: 0, end: 0, code: 'NESTING_TOO_DEEP', severity: 'error', message: NESTING_MESSAGE }],
    };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, YAML_OPTIONS);
  } catch (err) {
    return failed(text, sniffed, err);
  }
  const problems = yamlProblems(doc);
  if (!why) return { text, root: null, kind: sniffed, skipped: true, syntaxProblems: problems };
  let tree;
  try {
    tree = buildTree(doc.contents, doc);
  } catch (err) {
    return failed(text, sniffed, err);
  }
  for (const p of tree.problems)
    if (p.code !== 'NESTING_TOO_DEEP' || !problems.some((q) => q.code === 'NESTING_TOO_DEEP'))
      problems.push({ ...p, severity: p.code === 'ALIAS_LIMIT' || p.code === 'NESTING_TOO_DEEP' ? 'warning' : 'error' });
  return finishDocument(text, tree.root, problems, why);
}

/** Kind, apiVersion, List items and the kind check of a parsed document (shared with the stream parse). */
export function finishDocument(
  text: string,
  root: YNode | null,
  syntaxProblems: SyntaxProblem[],
  why: 'kind' | 'related' | 'misnamed' = 'kind',
): ParsedDocument {
  const kind = stringAt(root, ['kind']);
  const apiVersion = stringAt(root, ['apiVersion']);
  const base = { text, root, kind, apiVersion, skipped: false, syntaxProblems };
  if (why === 'related') return { ...base, mcsRelated: true };
  if (isListKind(kind)) {
    const items = listItems(text, root);
    return items.length ? { ...base, items } : base;
  }
  if (kind !== undefined && kindsOfInterest().has(kind)) return base;
  const kindSuggestion = root?.type === 'map' ? kindSuggestionFor(kind, text, apiVersion) : undefined;
  return kindSuggestion ? { ...base, kindSuggestion } : base;
}

function listItems(text: string, root: YNode | null): ParsedDocument[] {
  const seq =
    root?.type === 'map' ? root.pairs.find((p) => p.key.type === 'scalar' && p.key.value === 'items')?.value : undefined;
  if (seq?.type !== 'seq') return [];
  const out: ParsedDocument[] = [];
  seq.items.forEach((item, itemIndex) => {
    if (item.type !== 'map') return;
    const d = finishDocument(text, item, []);
    // Items of no interest stay out (a List of Pods costs nothing more); a List inside a List is not a thing.
    if (d.kind !== undefined && !isListKind(d.kind) && (kindsOfInterest().has(d.kind) || d.kindSuggestion))
      out.push({ ...d, itemIndex });
  });
  return out;
}

/** Flow brackets open at once beyond which no real manifest goes (a Corefile in a block scalar nests 3 or 4). */
const MAX_FLOW_DEPTH = 1000;

/** True when more than `limit` `[`/`{` are open at some point (quotes are not tracked: a bound, not a parse). */
function flowDepthOver(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return false;
}

const NESTING_MESSAGE = 'Nesting too deep: the document nests more levels than the YAML parser can follow; it was not checked.';

function failed(text: string, kind: string | undefined, err: unknown): ParsedDocument {
  // Deep nesting overflows the parser's recursion: say what it is, not the JS stack message.
  const deep = err instanceof RangeError;
  return {
    text,
    root: null,
    kind,
    skipped: true,
    syntaxProblems: [
      deep
        ? {
            start: 0,
            end: 0,
            code: 'NESTING_TOO_DEEP',
            severity: 'error',
            message: NESTING_MESSAGE,
          }
        : {
            start: 0,
            end: 0,
            code: 'PARSER_FAILURE',
            severity: 'error',
            message: `YAML parser failed: ${excerpt(String(err), 200)}`,
          },
    ],
  };
}

/** Errors and warnings of the `yaml` parse, minus the tags our resolver handles. */
export function yamlProblems(doc: Document.Parsed): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  let deep = false;
  for (const e of doc.errors) {
    // `yaml` turns a stack overflow on deep nesting into one error per level: say what it is, once.
    if (/Maximum call stack size exceeded/.test(e.message)) {
      if (!deep)
        out.push({ start: e.pos[0], end: e.pos[0], message: NESTING_MESSAGE, code: 'NESTING_TOO_DEEP', severity: 'error' });
      deep = true;
      continue;
    }
    out.push({
      start: e.pos[0],
      end: Math.max(e.pos[1], e.pos[0]),
      message: cleanMessage(e.message),
      code: e.code,
      severity: 'error',
    });
  }
  for (const w of doc.warnings) {
    // The failsafe schema knows no !!int or !!bool; yamlTree resolves the standard tags itself.
    if (w.code === 'TAG_RESOLVE_FAILED' && /tag:yaml\.org,2002:/.test(w.message)) continue;
    out.push({
      start: w.pos[0],
      end: Math.max(w.pos[1], w.pos[0]),
      message: cleanMessage(w.message),
      code: w.code,
      severity: 'warning',
    });
  }
  return out;
}

function cleanMessage(m: string): string {
  // `yaml` appends " at line L, column C:" and a code excerpt; the diagnostic range already says where.
  return excerpt(m.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim(), 300);
}
