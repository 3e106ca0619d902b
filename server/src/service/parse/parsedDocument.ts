// One YAML document of a file: its kind and apiVersion, its tree and its syntax problems.
// Documents are cached by their exact text, so editing one document of a 50,000-line stream re-parses
// only that document.
import { parseDocument } from 'yaml';
import { convertYamlNode, type Span, type YNode } from './yamlTree';
import { stringAt } from './path';

export interface SyntaxProblem extends Span {
  message: string;
  /** `yaml` error code, e.g. DUPLICATE_KEY, BAD_INDENT. */
  code: string;
  severity: 'error' | 'warning';
}

export interface ParsedDocument {
  /** The document's own text (offsets in the tree are relative to it). */
  readonly text: string;
  readonly root: YNode | null;
  readonly kind?: string;
  readonly apiVersion?: string;
  /** True when the document was not parsed because nothing in it can concern MCS. */
  readonly skipped: boolean;
  /** Not parsed yet: the file's parse time budget ran out first; a later step parses it. */
  readonly deferred?: boolean;
  readonly syntaxProblems: readonly SyntaxProblem[];
}

/** Kinds whose documents we parse; other documents cost one regex test. */
export const KINDS_OF_INTEREST: ReadonlySet<string> = new Set([
  'ServiceExport',
  'ServiceImport',
  'ClusterProperty',
  'ClusterSet',
  'Service',
  'EndpointSlice',
  'ConfigMap',
  'Namespace',
  'StatefulSet',
  'Deployment',
  'ClusterRole',
  'DestinationRule',
  'CustomResourceDefinition',
]);

const KIND_LINE = /^kind:[ \t]*["']?([A-Za-z][A-Za-z0-9]*)/m;
const FLOW_KIND = /\bkind\s*:\s*["']?([A-Za-z][A-Za-z0-9]*)/;

/** maxAliasCount guards toJS, which we never call; uniqueKeys reports duplicate keys as errors. */
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, strict: true } as const;

/** A cheap look at the text: which kind does this document declare, if any. */
export function sniffKind(text: string): string | undefined {
  const m = KIND_LINE.exec(text);
  if (m) return m[1];
  // Flow-style or indented documents (`{kind: ServiceExport, ...}`): look at the first 4 KiB only.
  const f = FLOW_KIND.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return f?.[1];
}

/** A document whose parse was put off by the time budget (not cached: the next step parses it). */
export function deferredDocument(text: string): ParsedDocument {
  return { text, root: null, kind: sniffKind(text), skipped: true, deferred: true, syntaxProblems: [] };
}

/** Documents larger than this are not parsed: no MCS object is this big, and parsing would stall the editor. */
export const MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

export function parseDocumentText(text: string, options: { force?: boolean } = {}): ParsedDocument {
  const sniffed = sniffKind(text);
  if (!options.force && (sniffed === undefined || !KINDS_OF_INTEREST.has(sniffed))) {
    return { text, root: null, kind: sniffed, skipped: true, syntaxProblems: [] };
  }
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
  try {
    const doc = parseDocument(text, YAML_OPTIONS);
    const root = convertYamlNode(doc.contents);
    const syntaxProblems: SyntaxProblem[] = [];
    for (const e of doc.errors)
      syntaxProblems.push({
        start: e.pos[0],
        end: Math.max(e.pos[1], e.pos[0]),
        message: cleanMessage(e.message),
        code: e.code,
        severity: 'error',
      });
    for (const w of doc.warnings)
      syntaxProblems.push({
        start: w.pos[0],
        end: Math.max(w.pos[1], w.pos[0]),
        message: cleanMessage(w.message),
        code: w.code,
        severity: 'warning',
      });
    const kind = stringAt(root, ['kind']);
    const apiVersion = stringAt(root, ['apiVersion']);
    return { text, root, kind, apiVersion, skipped: false, syntaxProblems };
  } catch (err) {
    // The parser is not supposed to throw; if it does, the user still gets a message, not a dead server.
    return {
      text,
      root: null,
      kind: sniffed,
      skipped: true,
      syntaxProblems: [
        { start: 0, end: 0, code: 'PARSER_FAILURE', severity: 'error', message: `YAML parser failed: ${String(err)}` },
      ],
    };
  }
}

function cleanMessage(m: string): string {
  // `yaml` appends " at line L, column C:" and a code excerpt; the diagnostic range already says where.
  return m.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}
