// A whole YAML file as documents at offsets. Parsing never throws and reuses unchanged documents.
import { LineIndex } from './lineIndex';
import { parseDocumentText, type ParsedDocument } from './parsedDocument';
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
}

/** Keeps parsed documents by text, for the documents of one file, so an edit re-parses only what changed. */
export class DocumentCache {
  private entries = new Map<string, ParsedDocument>();

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

export function parseFile(uri: string, text: string, version: number, cache: DocumentCache = new DocumentCache()): ParsedFile {
  const chunks = splitDocuments(text);
  const documents = chunks.map((c, index) => ({ index, offset: c.offset, doc: cache.parse(c.text) }));
  cache.retainOnly(documents.map((d) => d.doc));
  return { uri, text, version, documents, lines: new LineIndex(text) };
}
