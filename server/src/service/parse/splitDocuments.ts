// Splits a multi-document YAML stream at `---` / `...` lines. A document marker at column 0 can never be
// content (YAML 1.2, c-forbidden), so a line scan is exact and lets each document be parsed — and cached —
// on its own.

export interface DocumentChunk {
  /** Offset of the chunk in the file. */
  offset: number;
  text: string;
}

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/;

export function splitDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let chunkStart = 0;
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    // A byte-order mark before the first line is not content.
    const col0 = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStart;
    const c = text.charCodeAt(col0);
    // '-' or '.' at column 0: maybe a document marker.
    if ((c === 45 || c === 46) && MARKER.test(text.slice(col0, Math.min(lineEnd + 1, col0 + 4)))) {
      if (lineStart > chunkStart || chunks.length > 0)
        chunks.push({ offset: chunkStart, text: text.slice(chunkStart, lineStart) });
      // The marker line belongs to the next document ("--- |" can carry content).
      chunkStart = lineStart;
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + 1;
  }
  chunks.push({ offset: chunkStart, text: text.slice(chunkStart) });
  return chunks;
}
