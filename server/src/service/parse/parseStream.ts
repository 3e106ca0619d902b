// The first parse of a whole file: one `yaml` stream parse instead of one parse per document, which saves the
// parser's per-call set-up (a third of the time on a file of small documents). Used only where it gives the
// same result as parsing each document alone: every document is of interest, the stream has no error or
// warning at all (errors are reported per document, by the per-document parse), and the parser's document
// boundaries are exactly our chunks.
import { parseAllDocuments } from 'yaml';
import {
  finishDocument,
  kindsOfInterest,
  markerAllows,
  MAX_DOCUMENT_CHARS,
  parseDocumentText,
  parseDocumentWithoutYaml,
  sniffKind,
  YAML_OPTIONS,
  type ParseOptions,
  type ParsedDocument,
} from './parsedDocument';
import type { DocumentChunk } from './splitDocuments';
import { buildTree } from './yamlTree';

/**
 * The documents of a file seen for the first time, each parsed the cheapest equivalent way: by the fast path
 * where it takes them (or not at all, when of no interest); when it takes none, the whole stream parsed by
 * `yaml` at once where that is equivalent. Without a `deadline`, the documents the fast path declined are parsed by `yaml`
 * one by one here; with one (a `performance.now()` value) the fast path stops once it has passed, and the rest
 * (not returned) are parsed one by one by the caller.
 */
export function firstParse(
  text: string,
  chunks: readonly DocumentChunk[],
  options: ParseOptions = {},
  deadline?: number,
): ParsedDocument[] {
  if (options.fastParse !== false) {
    const out: ParsedDocument[] = [];
    const declined: string[] = [];
    for (const c of chunks) {
      // The editor's parse budget (parseFile's deadline) holds here too; the caller parses the rest later.
      if (deadline !== undefined && out.length > 0 && performance.now() > deadline) break;
      const d = parseDocumentWithoutYaml(c.text, options);
      if (d) out.push(d);
      else declined.push(c.text);
    }
    // A `yaml` stream parse would parse again what the fast path took: only worth it when it took nothing.
    if (out.length > 0) {
      // Without a budget, the declined documents now, by `yaml` alone (the fast path already said no to them).
      if (deadline === undefined) for (const t of declined) out.push(parseDocumentText(t, { ...options, fastParse: false }));
      return out;
    }
  }
  return parseChunksAsStream(text, chunks, options) ?? [];
}

/** Below this many documents the per-call set-up saved is not worth a second pass on failure. */
const MIN_DOCUMENTS = 8;

export function parseChunksAsStream(
  text: string,
  chunks: readonly DocumentChunk[],
  options: ParseOptions = {},
): ParsedDocument[] | undefined {
  if (chunks.length < MIN_DOCUMENTS || text.length > MAX_DOCUMENT_CHARS) return undefined;
  for (const c of chunks) {
    const kind = sniffKind(c.text);
    if (kind === undefined || !kindsOfInterest().has(kind)) return undefined;
    if (options.kindMarkers !== false && !markerAllows(kind, c.text)) return undefined;
  }
  let docs;
  try {
    docs = parseAllDocuments(text, YAML_OPTIONS);
  } catch {
    return undefined;
  }
  if (!Array.isArray(docs) || docs.length !== chunks.length) return undefined;
  const out: ParsedDocument[] = [];
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    const c = chunks[i];
    if (d.errors.length || d.warnings.length) return undefined;
    // A document may start after comments at the top of its chunk; it must not start before it or end elsewhere.
    if (d.range[0] < c.offset || d.range[2] !== c.offset + c.text.length) return undefined;
    const tree = buildTree(d.contents, d, c.offset);
    // A tree problem (alias limit, nesting) is reported by the per-document parse.
    if (tree.problems.length) return undefined;
    out.push(finishDocument(c.text, tree.root, []));
  }
  return out;
}
