// Our own small YAML tree: rules walk it by path without depending on the `yaml` library's classes,
// and aliases stay unresolved so an alias bomb costs nothing.
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node as YamlNode } from 'yaml';

/** Offsets are relative to the start of the document's own text. */
export interface Span {
  start: number;
  end: number;
}

export interface YScalar extends Span {
  type: 'scalar';
  value: string | number | boolean | null;
  /** The scalar was quoted in the source (`"true"` is a string, `true` a boolean). */
  quoted: boolean;
  /** True for `|` and `>` block scalars. */
  block: boolean;
}

export interface YPair {
  key: YScalar | YNode;
  value: YNode | null;
  /** From the key's start to the value's end. */
  span: Span;
}

export interface YMap extends Span {
  type: 'map';
  pairs: YPair[];
  flow: boolean;
}

export interface YSeq extends Span {
  type: 'seq';
  items: YNode[];
  flow: boolean;
}

export interface YAlias extends Span {
  type: 'alias';
  name: string;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

const MAX_DEPTH = 200;

function spanOf(node: YamlNode | null | undefined, fallback: number, shift: number): Span {
  const r = node?.range;
  return r ? { start: r[0] - shift, end: r[1] - shift } : { start: fallback, end: fallback };
}

/** `shift`: subtracted from every offset, when the node was parsed as part of a larger text. */
export function convertYamlNode(node: unknown, depth = 0, shift = 0): YNode | null {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    const s = spanOf(node, 0, shift);
    const v = node.value;
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
    return {
      type: 'scalar',
      ...s,
      value,
      quoted: node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE,
      block: node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED,
    };
  }
  if (isAlias(node)) return { type: 'alias', ...spanOf(node, 0, shift), name: node.source };
  // Past this depth nothing an MCS rule reads can live; stop so hostile nesting stays cheap.
  if (depth > MAX_DEPTH) return null;
  if (isMap(node)) {
    const pairs: YPair[] = [];
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = convertYamlNode(item.key, depth + 1, shift);
      if (!key) continue;
      const value = convertYamlNode(item.value, depth + 1, shift);
      pairs.push({ key, value, span: { start: key.start, end: value ? value.end : key.end } });
    }
    return { type: 'map', ...spanOf(node, 0, shift), pairs, flow: node.flow === true };
  }
  if (isSeq(node)) {
    const items: YNode[] = [];
    for (const item of node.items) {
      const c = convertYamlNode(item, depth + 1, shift);
      if (c) items.push(c);
    }
    return { type: 'seq', ...spanOf(node, 0, shift), items, flow: node.flow === true };
  }
  return null;
}
