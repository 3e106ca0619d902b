// Paths into a document (`['spec', 'ports', 2, 'protocol']`) and the small accessors rules use,
// so rules never deal with text positions.
import type { Span, YMap, YNode, YPair, YScalar, YSeq } from './yamlTree';

export type PathSegment = string | number;
export type NodePath = readonly PathSegment[];

export function keyText(pair: YPair): string | undefined {
  return pair.key.type === 'scalar' && pair.key.value !== null ? String(pair.key.value) : undefined;
}

export function findPair(map: YMap, key: string): YPair | undefined {
  // keyText(p) === key, without its String() of every string key: the hottest loop of the rules.
  const pairs = map.pairs;
  for (let i = 0; i < pairs.length; i++) {
    const k = pairs[i].key;
    if (k.type !== 'scalar') continue;
    const v = k.value;
    if (v === key || (typeof v !== 'string' && v !== null && String(v) === key)) return pairs[i];
  }
  return undefined;
}

/** The node at `path`, or undefined when any step is missing or of the wrong shape. */
export function nodeAt(root: YNode | null | undefined, path: NodePath): YNode | undefined {
  let cur: YNode | null | undefined = root;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') {
      if (cur.type !== 'seq') return undefined;
      cur = cur.items[seg];
    } else {
      if (cur.type !== 'map') return undefined;
      cur = findPair(cur, seg)?.value;
    }
  }
  return cur ?? undefined;
}

/** The pair whose key is the last segment of `path` (for highlighting a key). */
export function pairAt(root: YNode | null | undefined, path: NodePath): YPair | undefined {
  if (path.length === 0) return undefined;
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  const parent = nodeAt(root, path.slice(0, -1));
  return parent?.type === 'map' ? findPair(parent, last) : undefined;
}

export function hasPath(root: YNode | null | undefined, path: NodePath): boolean {
  if (path.length === 0) return !!root;
  const last = path[path.length - 1];
  const parent = nodeAt(root, path.slice(0, -1));
  if (typeof last === 'number') return parent?.type === 'seq' && last < parent.items.length;
  return parent?.type === 'map' && findPair(parent, last) !== undefined;
}

export function asMap(n: YNode | null | undefined): YMap | undefined {
  return n?.type === 'map' ? n : undefined;
}

export function asSeq(n: YNode | null | undefined): YSeq | undefined {
  return n?.type === 'seq' ? n : undefined;
}

export function asScalar(n: YNode | null | undefined): YScalar | undefined {
  return n?.type === 'scalar' ? n : undefined;
}

/** String value of a scalar (numbers and booleans as written), undefined otherwise. */
export function scalarString(n: YNode | null | undefined): string | undefined {
  const s = asScalar(n);
  return s && s.value !== null ? String(s.value) : undefined;
}

export function stringAt(root: YNode | null | undefined, path: NodePath): string | undefined {
  return scalarString(nodeAt(root, path));
}

/** The span to underline for `path`: the value when present, else the key, else the nearest ancestor. */
export function spanForPath(
  root: YNode | null | undefined,
  path: NodePath,
  target: 'key' | 'value' | 'pair' = 'value',
): Span | undefined {
  for (let n = path.length; n >= 0; n--) {
    const p = path.slice(0, n);
    const pair = pairAt(root, p);
    if (pair) {
      if (n < path.length || target === 'key') return { start: pair.key.start, end: pair.key.end };
      if (target === 'pair') return pair.span;
      return pair.value ? { start: pair.value.start, end: pair.value.end } : { start: pair.key.start, end: pair.key.end };
    }
    const node = nodeAt(root, p);
    if (node) {
      // A whole block mapping would underline many lines; its first line is enough.
      return node.type === 'scalar' || node.type === 'alias' ? { start: node.start, end: node.end } : firstLine(node);
    }
  }
  return undefined;
}

function firstLine(node: YNode): Span {
  // An expanded alias (`ports: *p`): underline `*p` where it is used, not the anchor's first line.
  if (node.type !== 'alias' && node.alias !== undefined) return { start: node.start, end: node.end };
  if (node.type === 'map' && node.pairs.length > 0 && !node.flow) {
    const p = node.pairs[0];
    return { start: p.key.start, end: p.key.end };
  }
  if (node.type === 'seq' && node.items.length > 0 && !node.flow) return spanForNode(node.items[0]);
  return { start: node.start, end: node.end };
}

function spanForNode(node: YNode): Span {
  return node.type === 'scalar' || node.type === 'alias' ? { start: node.start, end: node.end } : firstLine(node);
}

export function formatPath(path: NodePath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}
