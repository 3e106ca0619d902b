// Where a character of a scalar's *value* sits in the document text, so findings about text embedded in
// YAML (a Corefile in a ConfigMap, a hostname inside an env value) can underline the exact word.
import type { YScalar } from '../parse/yamlTree';

export interface ScalarTextMap {
  /** Document-text span of `[start, end)` in the value; the whole scalar when the mapping is not exact. */
  span(start: number, end: number): { start: number; end: number };
  /** True when spans are exact (literal block, plain or quoted scalar without escapes). */
  readonly exact: boolean;
}

export function scalarTextMap(docText: string, scalar: YScalar): ScalarTextMap {
  const value = typeof scalar.value === 'string' ? scalar.value : String(scalar.value ?? '');
  const lineStarts = scalar.block ? literalLineStarts(docText, scalar, value) : inlineLineStarts(docText, scalar, value);
  if (!lineStarts) {
    const whole = { start: scalar.start, end: scalar.end };
    return { exact: false, span: () => whole };
  }
  // Offsets of the value's line starts, to find the line of a value offset.
  const valueLineStarts = [0];
  for (let i = 0; i < value.length; i++) if (value[i] === '\n') valueLineStarts.push(i + 1);
  const toDoc = (offset: number): number => {
    let line = valueLineStarts.length - 1;
    while (line > 0 && valueLineStarts[line] > offset) line--;
    return lineStarts[Math.min(line, lineStarts.length - 1)] + (offset - valueLineStarts[line]);
  };
  return { exact: true, span: (start, end) => ({ start: toDoc(start), end: toDoc(end) }) };
}

/** Plain or quoted scalar on one line whose source text is exactly its value. */
function inlineLineStarts(docText: string, scalar: YScalar, value: string): number[] | undefined {
  const q = scalar.quoted ? 1 : 0;
  const start = scalar.start + q;
  return docText.slice(start, scalar.end - q) === value ? [start] : undefined;
}

/**
 * `|` block scalar: the value's lines are the source lines after the header, minus the block indentation.
 * Folded (`>`) scalars join lines, so they have no exact mapping.
 */
function literalLineStarts(docText: string, scalar: YScalar, value: string): number[] | undefined {
  const header = /^\|([1-9])?[-+]?([1-9])?/.exec(docText.slice(scalar.start, scalar.start + 4));
  if (!header) return undefined;
  const headerEnd = docText.indexOf('\n', scalar.start);
  if (headerEnd < 0) return undefined;
  const explicit = header[1] ?? header[2];
  const starts: number[] = [];
  let indent = explicit ? Number(explicit) : -1;
  let pos = headerEnd + 1;
  const lineCount = value.split('\n').length;
  while (starts.length < lineCount && pos <= docText.length) {
    const nl = docText.indexOf('\n', pos);
    const lineEnd = nl < 0 ? docText.length : nl;
    const line = docText.slice(pos, lineEnd);
    const leading = /^ */.exec(line)?.[0].length ?? 0;
    if (indent < 0 && leading < line.length) indent = leading;
    starts.push(pos + Math.min(Math.max(indent, 0), leading));
    if (nl < 0) break;
    pos = nl + 1;
  }
  return starts.length ? starts : undefined;
}
