// Which node is at a text offset: the path to it, the node itself and whether the cursor is on a key.
// Offsets are relative to the document's text; an offset at a token's end still counts as inside it, so
// a hover or completion right after the last character finds the word.
import type { NodePath, PathSegment } from './path';
import type { YNode } from './yamlTree';

export interface PathAtOffset {
  path: NodePath;
  /** The key scalar when `onKey`, else the value node under the cursor. */
  node: YNode;
  onKey: boolean;
}

const inside = (n: { start: number; end: number }, offset: number): boolean => n.start <= offset && offset <= n.end;

export function pathAtOffset(root: YNode | null | undefined, offset: number): PathAtOffset | undefined {
  if (!root || !inside(root, offset)) return undefined;
  const path: PathSegment[] = [];
  let cur: YNode = root;
  // Iterative descent: nesting depth is bounded by the tree converter, and no recursion keeps it cheap.
  for (;;) {
    if (cur.type === 'map') {
      let next: YNode | undefined;
      for (const pair of cur.pairs) {
        if (inside(pair.key, offset) && pair.key.type === 'scalar' && pair.key.value !== null) {
          return { path: [...path, String(pair.key.value)], node: pair.key, onKey: true };
        }
        if (pair.value && inside(pair.value, offset) && pair.key.type === 'scalar' && pair.key.value !== null) {
          path.push(String(pair.key.value));
          next = pair.value;
          break;
        }
      }
      if (!next) return { path, node: cur, onKey: false };
      cur = next;
    } else if (cur.type === 'seq') {
      const i = cur.items.findIndex((item) => inside(item, offset));
      if (i < 0) return { path, node: cur, onKey: false };
      path.push(i);
      cur = cur.items[i];
    } else {
      return { path, node: cur, onKey: false };
    }
  }
}
