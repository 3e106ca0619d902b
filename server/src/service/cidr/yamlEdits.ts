// Text edits that add a key to an existing mapping while keeping the author's layout: inline for flow
// mappings (`{name: east}` → `{name: east, globalCIDR: …}`), a new line at the mapping's indentation for
// block mappings. Used by the quick fixes that add fields (Switch to Globalnet).
import type { FixEdit } from '../rules/rule';
import type { YMap } from '../parse/yamlTree';

/** A value to insert: a scalar, or one level of nested `key: scalar` pairs. */
export type InsertValue = string | ReadonlyArray<readonly [string, string]>;

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function sameLine(text: string, from: number, to: number): boolean {
  return text.indexOf('\n', from) < 0 || text.indexOf('\n', from) >= to;
}

/** End of the line at `offset` when only blanks or a comment follow (a trailing comment stays put), else `offset`. */
function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return /^[ \t]*(#.*)?\r?$/.test(text.slice(offset, end)) ? (text[end - 1] === '\r' ? end - 1 : end) : offset;
}

/** An edit that adds `key: value` to `map` (offsets relative to `docText`), or undefined for an empty block map. */
export function insertPairEdit(docText: string, map: YMap, key: string, value: InsertValue): FixEdit | undefined {
  if (map.flow) {
    const close = docText.lastIndexOf('}', map.end);
    if (close < map.start) return undefined;
    const inline = typeof value === 'string' ? value : `{${value.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
    return { op: 'insertText', at: close, text: `${map.pairs.length ? ', ' : ''}${key}: ${inline}` };
  }
  if (!map.pairs.length) return undefined;
  const firstKey = map.pairs[0].key;
  const pad = ' '.repeat(column(docText, firstKey.start));
  const block = (lead: string): string =>
    typeof value === 'string' ? `${key}: ${value}` : `${key}:${value.map(([k, v]) => `\n${lead}  ${k}: ${v}`).join('')}`;
  // After a pair that ends on its key's line (scalar or flow value), the new pair fits on the next line.
  const anchor = map.pairs.find(
    (p) =>
      p.value !== null &&
      (p.value.type === 'scalar' ? !p.value.block : p.value.type !== 'alias' && p.value.flow) &&
      sameLine(docText, p.key.start, p.span.end),
  );
  if (anchor) return { op: 'insertText', at: lineEndAfter(docText, anchor.span.end), text: `\n${pad}${block(pad)}` };
  // Otherwise before the first key, which starts at the mapping's indentation (or right after `- `).
  return { op: 'insertText', at: firstKey.start, text: `${block(pad)}\n${pad}` };
}
