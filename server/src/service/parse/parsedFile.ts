// A whole YAML file as documents at offsets. Parsing never throws and reuses unchanged documents.
import { LineIndex } from './lineIndex';
import { deferredDocument, parseDocumentText, type ParsedDocument } from './parsedDocument';
import { parseChunksAsStream } from './parseStream';
import { splitDocuments } from './splitDocuments';

export interface PlacedDocument {
  /** Index of the document in the file (0-based). */
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
}

/** Keeps parsed documents by text, for the documents of one file, so an edit re-parses only what changed. */
export class DocumentCache {
  private entries = new Map<string, ParsedDocument>();

  isEmpty(): boolean {
    return this.entries.size === 0;
  }

  get(text: string): ParsedDocument | undefined {
    return this.entries.get(text);
  }

  /** Adds a document parsed elsewhere (kept until the next retainOnly). */
  put(doc: ParsedDocument): void {
    if (!doc.deferred) this.entries.set(doc.text, doc);
  }

  parse(text: string): ParsedDocument {
    const hit = this.entries.get(text);
    if (hit) return hit;
    const doc = parseDocumentText(text);
    this.entries.set(text, doc);
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
  const chunks = splitDocuments(text);
  // A file seen for the first time: one stream parse when that is equivalent (see parseStream.ts).
  if (cache.isEmpty()) for (const d of parseChunksAsStream(text, chunks) ?? []) cache.put(d);
  let deferredCount = 0;
  let parsedOne = false;
  const documents = chunks.map((c, index) => {
    const cached = cache.get(c.text);
    if (cached) return { index, offset: c.offset, doc: cached };
    // At least one document per step, so every step makes progress whatever the budget.
    if (parsedOne && deadline !== undefined && performance.now() > deadline) {
      deferredCount++;
      return { index, offset: c.offset, doc: deferredDocument(c.text) };
    }
    parsedOne = true;
    return { index, offset: c.offset, doc: cache.parse(c.text) };
  });
  cache.retainOnly(documents.filter((d) => !d.doc.deferred).map((d) => d.doc));
  return { uri, text, version, documents, lines: new LineIndex(text), deferredCount };
}
