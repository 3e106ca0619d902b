// The one place tree nodes are made, for both the plain path (yamlTree.ts's buildTree) and the fast path
// (fastTree.ts and its scanners). Rules read every node of a workspace through the same property loads; when
// each node type comes from a single allocation site with its fields in one order, those loads see one hidden
// class per type (whichever parser built the tree) and stay monomorphic. Object literals at a dozen sites, or
// spreads (`{ type, ...span, value }`, which leave half the fields outside the object), gave each parser its
// own hidden classes, and validation ran about a fifth slower on the fast path's trees.
import type { YAlias, YMap, YNode, YPair, YScalar, YSeq } from './yamlTree';

export function scalarNode(
  start: number,
  end: number,
  value: string | number | boolean | null,
  quoted: boolean,
  block: boolean,
): YScalar {
  return { type: 'scalar', start, end, value, quoted, block };
}

export function mapNode(start: number, end: number, pairs: YPair[], flow: boolean): YMap {
  return { type: 'map', start, end, pairs, flow };
}

export function seqNode(start: number, end: number, items: YNode[], flow: boolean): YSeq {
  return { type: 'seq', start, end, items, flow };
}

export function aliasNode(start: number, end: number, name: string): YAlias {
  return { type: 'alias', start, end, name };
}

export function pairNode(key: YScalar | YNode, value: YNode | null, start: number, end: number): YPair {
  return { key, value, span: { start, end } };
}
