// Where the cursor is in a YAML document that may not parse (the line being typed), from the raw lines and
// their indentation: the path of the map or list that will hold what is typed, and the sibling keys
// already there. Only block style is understood; flow collections (`{…}`, `[…]`) are not.
import type { NodePath } from './parse/path';

export interface LineShape {
  blank: boolean;
  /** Column of `- ` when the line starts a sequence item. */
  dashCol?: number;
  /** Column where the key (or scalar) text starts. */
  keyCol: number;
  key?: string;
  /** The key has a value on the same line. */
  hasValue: boolean;
}

// `s`: a line may hold a lone \r or \u2028 (LSP line breaks the \n split keeps), which `.` does not match.
const LINE = /^( *)(- +)?(.*)$/s;
const KEY = /^("[^"]*"|'[^']*'|[^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?:[ \t]+(.*))?$/;

export function lineShape(line: string): LineShape {
  const m = LINE.exec(line) as RegExpExecArray;
  const indent = m[1].length;
  const rest = m[3];
  const dashCol = m[2] ? indent : undefined;
  const keyCol = indent + (m[2]?.length ?? 0);
  const blank = dashCol === undefined && (rest.trim() === '' || rest.startsWith('#'));
  const k = KEY.exec(rest.replace(/\s+#.*$/, ''));
  const key = k ? k[1].replace(/^["']|["']$/g, '') : undefined;
  const value = k?.[2]?.trim() ?? '';
  return { blank, dashCol, keyCol, key, hasValue: value !== '' };
}

/** The lines of a document with lazily computed shapes. */
export class Outline {
  private readonly shapes: Array<LineShape | undefined> = [];
  constructor(readonly lines: readonly string[]) {}

  shape(i: number): LineShape {
    return (this.shapes[i] ??= lineShape(this.lines[i]));
  }

  /** Path of the map that holds a key written at column `col` on line `line` (not a sequence item start). */
  containerOfKey(line: number, col: number): NodePath | undefined {
    for (let i = line - 1; i >= 0; i--) {
      const s = this.shape(i);
      if (s.blank) continue;
      if (s.dashCol !== undefined) {
        if (s.dashCol >= col) continue; // an item of a sibling's (indentless) list
        if (s.keyCol >= col) return this.itemPath(i, s.dashCol); // same item map
        if (s.key === undefined) return undefined;
        const item = this.itemPath(i, s.dashCol);
        return item && [...item, s.key];
      }
      if (s.keyCol >= col) continue; // a sibling or a sibling's content
      if (s.key === undefined) return undefined;
      const parent = this.containerOfKey(i, s.keyCol);
      return parent && [...parent, s.key];
    }
    return [];
  }

  /** Path of the sequence item started by the `- ` at column `dashCol` on line `line`: [...seq, index]. */
  itemPath(line: number, dashCol: number): NodePath | undefined {
    let index = 0;
    for (let j = line - 1; j >= 0; j--) {
      const s = this.shape(j);
      if (s.blank) continue;
      if (s.dashCol === dashCol) {
        index++;
        continue;
      }
      if (s.dashCol !== undefined && s.dashCol > dashCol) continue;
      if (s.keyCol > dashCol) continue;
      if (s.key === undefined) return undefined;
      const holder = s.dashCol !== undefined ? this.itemPath(j, s.dashCol) : this.containerOfKey(j, s.keyCol);
      return holder && [...holder, s.key, index];
    }
    return undefined;
  }

  /** Keys already written in the map that holds column `col` at line `line` (the cursor line excluded). */
  siblingKeys(line: number, col: number, startsItem: boolean): Set<string> {
    const keys = new Set<string>();
    if (!startsItem) {
      for (let i = line - 1; i >= 0; i--) {
        const s = this.shape(i);
        if (s.blank || s.keyCol > col || (s.dashCol !== undefined && s.dashCol >= col)) continue;
        if (s.keyCol !== col) break;
        if (s.key !== undefined) keys.add(s.key);
        if (s.dashCol !== undefined) break; // the first key of this item
      }
    }
    for (let i = line + 1; i < this.lines.length; i++) {
      const s = this.shape(i);
      if (s.blank || (s.dashCol === undefined && s.keyCol > col) || (s.dashCol !== undefined && s.dashCol >= col)) continue;
      if (s.dashCol !== undefined || s.keyCol !== col) break;
      if (s.key !== undefined) keys.add(s.key);
    }
    return keys;
  }
}
