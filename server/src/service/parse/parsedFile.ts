// A whole YAML file as documents at offsets. Parsing never throws and reuses unchanged documents.
import { LineIndex } from './lineIndex';
import {
  deferredDocument,
  parseDocumentText,
  type ParseOptions,
  type ParsedDocument,
  type SyntaxProblem,
} from './parsedDocument';
import { firstParse } from './parseStream';
import { splitDocuments } from './splitDocuments';

export interface PlacedDocument {
  /** Index of the document in the file (0-based); the items of a List follow it, each with its own index. */
  readonly index: number;
  /** Offset of the document's text in the file. */
  readonly offset: number;
  readonly doc: ParsedDocument;
}

export interface ParsedFile {
  readonly uri: string;
  readonly text: string;
  readonly version: number;
  readonly documents: readonly PlacedDocument[];
  readonly lines: LineIndex;
  /** Documents not parsed yet because the time budget ran out (see `parseFile`'s deadline). */
  readonly deferredCount: number;
  /** Problems of the file as a whole (offsets in the file), e.g. line endings kubectl reads differently. */
  readonly fileProblems: readonly SyntaxProblem[];
}

/** Keeps parsed documents by text, for the documents of one file, so an edit re-parses only what changed. */
export class DocumentCache {
  /** Made with the first entry. */
  private entries: Map<string, ParsedDocument> | undefined;

  constructor(
    /** `options` apply to every document this cache parses (one mode per language service). */
    readonly options: ParseOptions = {},
    /**
     * False where a file is parsed once and never again (`clusterset lint`): a first parse that gave every
     * document in order keeps none of them here (no map of texts to hash, per file).
     */
    readonly keeps = true,
  ) {}

  isEmpty(): boolean {
    return !this.entries?.size;
  }

  get(text: string): ParsedDocument | undefined {
    return this.entries?.get(text);
  }

  /** Adds a document parsed elsewhere (kept until the next retainOnly). */
  put(doc: ParsedDocument): void {
    if (!doc.deferred) (this.entries ??= new Map()).set(doc.text, doc);
  }

  parse(text: string): ParsedDocument {
    const hit = this.entries?.get(text);
    if (hit) return hit;
    const doc = parseDocumentText(text, this.options);
    (this.entries ??= new Map()).set(text, doc);
    return doc;
  }

  /** Drops what the latest version of the file no longer holds. */
  retainOnly(docs: readonly ParsedDocument[]): void {
    const keep = new Map<string, ParsedDocument>();
    for (const d of docs) keep.set(d.text, d);
    this.entries = keep;
  }
}

/**
 * Parses a file, reusing the cache. With a `deadline` (a `performance.now()` value) documents not yet in the
 * cache when it passes are left `deferred`, so a huge file never blocks the server for long: the caller parses
 * the rest in later steps (LanguageService.continueParsing).
 */
export function parseFile(
  uri: string,
  text: string,
  version: number,
  cache: DocumentCache = new DocumentCache(),
  deadline?: number,
): ParsedFile {
  // go-yaml (kubectl) ends lines at a lone CR as well; `yaml` does not. Same length, so every offset holds.
  const yamlText = yamlTextOf(text);
  const crOnly = yamlText !== text;
  const chunks = splitDocuments(yamlText);
  // A file seen for the first time: the fast path, or one stream parse when that is equivalent (parseStream.ts).
  const fresh = cache.isEmpty();
  const first = fresh ? firstParse(yamlText, chunks, cache.options, deadline) : [];
  let deferredCount = 0;
  let parsed: Array<{ offset: number; doc: ParsedDocument }>;
  if (!cache.keeps && first.length === chunks.length && first.every((d, i) => d.text === chunks[i].text)) {
    parsed = chunks.map((c, i) => ({ offset: c.offset, doc: first[i] }));
  } else {
    for (const d of first) cache.put(d);
    let parsedOne = first.length > 0;
    parsed = chunks.map((c) => {
      const cached = cache.get(c.text);
      if (cached) return { offset: c.offset, doc: cached };
      // At least one document per step, so every step makes progress whatever the budget.
      if (parsedOne && deadline !== undefined && performance.now() > deadline) {
        deferredCount++;
        return { offset: c.offset, doc: deferredDocument(c.text) };
      }
      parsedOne = true;
      return { offset: c.offset, doc: cache.parse(c.text) };
    });
  }
  // A cache that was empty holds only this text's documents already (and no deferred one).
  if (!fresh) cache.retainOnly(parsed.filter((d) => !d.doc.deferred).map((d) => d.doc));
  // The items of a List are objects of their own, placed right after their list.
  const documents: PlacedDocument[] = [];
  for (const p of parsed) {
    documents.push({ index: documents.length, offset: p.offset, doc: p.doc });
    for (const item of p.doc.items ?? []) documents.push({ index: documents.length, offset: p.offset, doc: item });
  }
  const fileProblems: SyntaxProblem[] = [];
  if (crOnly && !text.includes('\n') && chunks.length > 1) {
    fileProblems.push({
      start: 0,
      end: 0,
      code: 'CR_LINE_ENDINGS',
      severity: 'warning',
      message: `This file ends its lines with CR only. kubectl splits documents at LF, so it reads the whole file as one YAML document and applies only the first of its ${chunks.length} objects. Save it with LF (or CRLF) line endings.`,
    });
  }
  return { uri, text, version, documents, lines: new LineIndex(text, !cache.keeps), deferredCount, fileProblems };
}

const LONE_CR = /\r(?!\n)/;

/** The text the YAML parser reads: a lone CR becomes LF (same length), as go-yaml ends lines there too. */
export function yamlTextOf(text: string): string {
  // indexOf first: most files have no CR at all, and it is much cheaper than the regex on megabytes.
  return text.indexOf('\r') >= 0 && LONE_CR.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}
