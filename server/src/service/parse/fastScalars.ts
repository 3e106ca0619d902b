// Scalars and one-line flow collections for the fast path (fastTree.ts). Each scanner either reads exactly what
// the `yaml` package would read, or throws FAIL so the document goes to `yaml`. Values are built as buildTree
// builds them (yamlTree.ts): plain scalars resolved the kubectl (YAML 1.1) way, quoted ones kept as text.
import { readsDifferentlyThan12, resolvePlain } from './yaml11';
import { PairList } from './fastPairs';
import type { YMap, YScalar, YSeq } from './yamlTree';
import { mapNode, pairNode, scalarNode, seqNode } from './treeNodes';

/** Thrown when the text leaves the subset the fast path reads exactly; caught once per document. */
export const FAIL: Error = new Error('outside the fast path subset');
/**
 * Thrown by the scan (the syntax check that builds nothing, fastAccepts) where it cannot decide as the check
 * that builds would, without building: a quoted key with escapes, a map of many keys. That check then decides.
 */
export const UNSURE: Error = new Error('left to the check that builds');

/**
 * What the scan returns for every node: it builds none (the callers read no field of it; the values, spans and
 * pairs they would read are the scanner's own fields there).
 */
export const SCANNED: YScalar = scalarNode(0, 0, '', false, false);
export const SCANNED_MAP = SCANNED as unknown as YMap;
export const SCANNED_SEQ = SCANNED as unknown as YSeq;

/** How the scanner works: build the tree; check only (nodes without values); scan (no nodes, no strings). */
export type ScanMode = 'build' | 'check' | 'scan';

/** The keys of one map the scan compares by text, at most (beyond, UNSURE: a linear scan stays cheap). */
const SCAN_MAX_KEYS = 64;
/** Keys of the maps open at once (the path from the root), at most. */
const SCAN_KEY_STACK = 1024;
/**
 * The spans of the keys of the maps a scan has open, a map's from its base up: one stack for every scan, which
 * runs start to end without another scan in between (a stack per document was most of a scan's allocation).
 */
const KEY_STARTS = new Int32Array(SCAN_KEY_STACK);
const KEY_ENDS = new Int32Array(SCAN_KEY_STACK);

export const LF = 10;
/** Only ever followed by LF here (fastTree refuses a lone CR): a CR is a line end, as `yaml` reads CRLF. */
export const CR = 13;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const COMMA = 44;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** First characters (ASCII) with which a plain scalar may read as other than its text, in YAML 1.1 or 1.2. */
const MAYBE_TYPED = new Uint8Array(128);
for (const ch of '0123456789+-.~yYnNtTfFoO') MAYBE_TYPED[ch.charCodeAt(0)] = 1;
const SHORT_DECIMAL = /^[1-9][0-9]{0,14}$/;

/** A plain scalar as buildTree makes it. */
export function plainScalar(start: number, end: number, text: string): YScalar {
  const c = text.charCodeAt(0);
  // The common cases without the resolvers' regexes: a name (a string in both YAML versions), a port number.
  if (c >= 128 || (c === c && MAYBE_TYPED[c] === 0)) return scalarNode(start, end, text, false, false);
  // A letter (or `~`) first: only words of at most five characters (`false`, `FALSE`) read as other than text.
  if (c >= 65 && text.length > 5) return scalarNode(start, end, text, false, false);
  if (c >= 49 && c <= 57 && SHORT_DECIMAL.test(text)) return scalarNode(start, end, Number(text), false, false);
  const value = resolvePlain(text);
  const s: YScalar = scalarNode(start, end, value, false, false);
  if (readsDifferentlyThan12(text, value)) s.yaml11Source = text;
  return s;
}

/** YAML indicators (c-indicator) and the characters a plain scalar cannot start with here. */
function badPlainStart(c: number, next: number): boolean {
  switch (c) {
    case 45: // '-': a plain scalar only when followed by a non-space ("-1", "--flag")
      return next !== next || next === SPACE || next === LF || next === CR;
    case 63: // ?
    case COLON:
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case SQUOTE:
    case DQUOTE:
    case 37: // %
    case 64: // @
    case 96: // `
    case SPACE:
    case LF:
    case CR:
      return true;
  }
  return c !== c; // NaN: end of text
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * Where the escape at `q` (a backslash inside a double-quoted scalar ending before `n`) ends: the one decision
 * both the building and the scanning reader make. FAIL for an escape the fast path leaves to `yaml`.
 */
function escapeEnd(t: string, n: number, q: number): number {
  const e = t[q + 1];
  if (e !== undefined && ESCAPES[e] !== undefined) return q + 2;
  if (e !== 'x' && e !== 'u') throw FAIL;
  const end = q + 2 + (e === 'x' ? 2 : 4);
  if (end > n) throw FAIL;
  for (let h = q + 2; h < end; h++) if (!isHexDigit(t.charCodeAt(h))) throw FAIL;
  return end;
}

/** Scanner state shared with fastTree: `pos` is where the last scanned token ended. */
export class ScalarScanner {
  pos = 0;
  /** After a block-context scalar: it was followed by `:` and a space or line end (it is a key); `pos` is past the `:`. */
  isKey = false;
  /** The scalar's text before resolution (what `yaml` compares for duplicate keys); not set by the scan. */
  raw = '';
  /**
   * The scan's `raw`: the span of the last scalar's text (inside the quotes of a quoted one), `rawEscaped` when
   * that text is not its value (an escape, a doubled quote), `rawQuoted` when it was quoted.
   */
  rawStart = 0;
  rawEnd = 0;
  rawEscaped = false;
  rawQuoted = false;
  /** Only say whether the document is in the subset: scalars are left unresolved, pairs not merged. */
  protected readonly checkOnly: boolean;
  /** Check as checkOnly does, building no node and no string (SCANNED stands for every node). */
  protected readonly scan: boolean;
  /** The top of the scan's key stack (KEY_STARTS, KEY_ENDS) for the maps open now. */
  private keyTop = 0;

  constructor(
    protected readonly t: string,
    protected readonly n: number,
    mode: ScanMode = 'build',
  ) {
    this.checkOnly = mode !== 'build';
    this.scan = mode === 'scan';
  }

  protected plain(start: number, end: number, text: string): YScalar {
    if (this.scan) return SCANNED;
    return this.checkOnly ? scalarNode(start, end, text, false, false) : plainScalar(start, end, text);
  }

  /** Where the keys of a map the scan opens now begin. */
  protected scanKeyBase(): number {
    return this.keyTop;
  }

  /** The map whose keys began at `base` is closed: its keys go. */
  protected scanKeysClosed(base: number): void {
    this.keyTop = base;
  }

  /**
   * The scan's PairList.addRaw: false when the map whose keys begin at `base` had a key of this text before.
   * The key is the last scalar scanned (its raw span).
   */
  protected scanAddKey(base: number): boolean {
    if (this.rawEscaped || this.keyTop - base >= SCAN_MAX_KEYS || this.keyTop >= SCAN_KEY_STACK) throw UNSURE;
    const starts = KEY_STARTS;
    const ends = KEY_ENDS;
    const t = this.t;
    const s = this.rawStart;
    const len = this.rawEnd - s;
    for (let k = base; k < this.keyTop; k++) {
      const o = starts[k];
      if (ends[k] - o !== len) continue;
      let i = 0;
      while (i < len && t.charCodeAt(o + i) === t.charCodeAt(s + i)) i++;
      if (i === len) return false;
    }
    starts[this.keyTop] = s;
    ends[this.keyTop] = this.rawEnd;
    this.keyTop++;
    return true;
  }

  /** The scan's `!quoted && raw === '<<'`: the last scalar is a merge key. */
  protected scanIsMergeKey(): boolean {
    const s = this.rawStart;
    return !this.rawQuoted && this.rawEnd - s === 2 && this.t.charCodeAt(s) === 60 && this.t.charCodeAt(s + 1) === 60;
  }

  /** Records the last scalar's text as the span [start, end). */
  private setRaw(start: number, end: number, quoted: boolean, escaped: boolean): void {
    this.rawStart = start;
    this.rawEnd = end;
    this.rawQuoted = quoted;
    this.rawEscaped = escaped;
  }

  protected pairList(): PairList {
    return new PairList(this.checkOnly);
  }

  /** A plain or quoted scalar in block context, on one line. */
  blockScalar(p: number): YScalar {
    const t = this.t;
    const c = t.charCodeAt(p);
    let s: YScalar;
    if (c === DQUOTE || c === SQUOTE) {
      s = c === DQUOTE ? this.doubleQuoted(p) : this.singleQuoted(p);
      let q = this.pos;
      while (t.charCodeAt(q) === SPACE) q++;
      const d = t.charCodeAt(q);
      this.isKey = false;
      if (d === COLON) {
        const e = t.charCodeAt(q + 1);
        if (!(e === SPACE || e === LF || e === CR || q + 1 >= this.n)) throw FAIL;
        this.isKey = true;
        this.pos = q + 1;
      } else if (d === HASH ? q === this.pos : !(d === LF || d === CR || q >= this.n)) throw FAIL;
      return s;
    }
    if (badPlainStart(c, t.charCodeAt(p + 1))) throw FAIL;
    const n = this.n;
    let q = p + 1;
    let end = q;
    this.isKey = false;
    for (; q < n; q++) {
      const d = t.charCodeAt(q);
      if (d === LF || d === CR) break;
      if (d === SPACE) continue;
      if (d === HASH && t.charCodeAt(q - 1) === SPACE) break;
      if (d === COLON) {
        const e = t.charCodeAt(q + 1);
        if (e === SPACE || e === LF || e === CR || q + 1 >= n) {
          this.isKey = true;
          break;
        }
      }
      end = q + 1;
    }
    this.pos = this.isKey ? q + 1 : end;
    if (this.scan) {
      this.setRaw(p, end, false, false);
      return SCANNED;
    }
    const raw = t.slice(p, end);
    this.raw = raw;
    return this.plain(p, end, raw);
  }

  private doubleQuoted(p: number): YScalar {
    if (this.scan) return this.scanDoubleQuoted(p);
    const t = this.t;
    const n = this.n;
    let out = '';
    let seg = p + 1;
    let q = seg;
    for (;;) {
      if (q >= n) throw FAIL;
      const c = t.charCodeAt(q);
      if (c === DQUOTE) break;
      if (c === LF || c === CR) throw FAIL;
      if (c === BACKSLASH) {
        out += t.slice(seg, q);
        const end = escapeEnd(t, n, q);
        out += end === q + 2 ? (ESCAPES[t[q + 1] ?? ''] ?? '') : String.fromCharCode(parseInt(t.slice(q + 2, end), 16));
        q = seg = end;
        continue;
      }
      q++;
    }
    out += t.slice(seg, q);
    this.pos = q + 1;
    this.raw = out;
    return scalarNode(p, q + 1, out, true, false);
  }

  /** doubleQuoted's decisions, building nothing. */
  private scanDoubleQuoted(p: number): YScalar {
    const t = this.t;
    const n = this.n;
    let escaped = false;
    let q = p + 1;
    for (;;) {
      if (q >= n) throw FAIL;
      const c = t.charCodeAt(q);
      if (c === DQUOTE) break;
      if (c === LF || c === CR) throw FAIL;
      if (c === BACKSLASH) {
        escaped = true;
        q = escapeEnd(t, n, q);
        continue;
      }
      q++;
    }
    this.pos = q + 1;
    this.setRaw(p + 1, q, true, escaped);
    return SCANNED;
  }

  private singleQuoted(p: number): YScalar {
    if (this.scan) return this.scanSingleQuoted(p);
    const t = this.t;
    const n = this.n;
    let out = '';
    let seg = p + 1;
    let q = seg;
    for (;;) {
      if (q >= n) throw FAIL;
      const c = t.charCodeAt(q);
      if (c === LF || c === CR) throw FAIL;
      if (c === SQUOTE) {
        if (t.charCodeAt(q + 1) !== SQUOTE) break;
        out += t.slice(seg, q + 1);
        q += 2;
        seg = q;
        continue;
      }
      q++;
    }
    out += t.slice(seg, q);
    this.pos = q + 1;
    this.raw = out;
    return scalarNode(p, q + 1, out, true, false);
  }

  /** singleQuoted's decisions, building nothing. */
  private scanSingleQuoted(p: number): YScalar {
    const t = this.t;
    const n = this.n;
    let escaped = false;
    let q = p + 1;
    for (;;) {
      if (q >= n) throw FAIL;
      const c = t.charCodeAt(q);
      if (c === LF || c === CR) throw FAIL;
      if (c === SQUOTE) {
        if (t.charCodeAt(q + 1) !== SQUOTE) break;
        escaped = true;
        q += 2;
        continue;
      }
      q++;
    }
    this.pos = q + 1;
    this.setRaw(p + 1, q, true, escaped);
    return SCANNED;
  }

  /** A scalar inside a one-line flow collection; `key`: a flow map key, which ends at `: `. */
  private flowScalar(p: number, key: boolean): YScalar {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === DQUOTE) return this.doubleQuoted(p);
    if (c === SQUOTE) return this.singleQuoted(p);
    if (badPlainStart(c, t.charCodeAt(p + 1))) throw FAIL;
    const d1 = t.charCodeAt(p + 1);
    if (c === 45 && (d1 === COMMA || d1 === RBRACKET || d1 === RBRACE)) throw FAIL;
    const n = this.n;
    let q = p + 1;
    let end = q;
    for (; q < n; q++) {
      const d = t.charCodeAt(q);
      if (d === SPACE) continue;
      if (d === COMMA || d === RBRACKET || d === RBRACE) break;
      if (d === COLON) {
        if (key && t.charCodeAt(q + 1) === SPACE) break;
        throw FAIL;
      }
      if (d === LF || d === CR || d === LBRACKET || d === LBRACE || (d === HASH && t.charCodeAt(q - 1) === SPACE)) throw FAIL;
      end = q + 1;
    }
    this.pos = end;
    if (this.scan) {
      this.setRaw(p, end, false, false);
      return SCANNED;
    }
    const raw = t.slice(p, end);
    this.raw = raw;
    return this.plain(p, end, raw);
  }

  private skipSpaces(q: number): number {
    while (this.t.charCodeAt(q) === SPACE) q++;
    return q;
  }

  /** `[a, "b"]` or `{k: v}` of scalars on one line; `pos` ends after the closing bracket. */
  flow(p: number, depthOk: boolean): YSeq | YMap {
    if (!depthOk) throw FAIL;
    const t = this.t;
    const scan = this.scan;
    if (t.charCodeAt(p) === LBRACKET) {
      const items: YScalar[] | undefined = scan ? undefined : [];
      let q = this.skipSpaces(p + 1);
      if (t.charCodeAt(q) !== RBRACKET) {
        for (;;) {
          const item = this.flowScalar(q, false);
          items?.push(item);
          q = this.skipSpaces(this.pos);
          const c = t.charCodeAt(q);
          if (c === RBRACKET) break;
          if (c !== COMMA) throw FAIL;
          q = this.skipSpaces(q + 1);
          if (t.charCodeAt(q) === RBRACKET) throw FAIL;
        }
      }
      this.pos = q + 1;
      return items ? seqNode(p, q + 1, items, true) : SCANNED_SEQ;
    }
    const list = scan ? undefined : this.pairList();
    const base = this.scanKeyBase();
    let q = this.skipSpaces(p + 1);
    if (t.charCodeAt(q) !== RBRACE) {
      for (;;) {
        const key = this.flowScalar(q, true);
        if (!(list ? list.addRaw(this.raw) : this.scanAddKey(base))) throw FAIL;
        q = this.pos;
        if (t.charCodeAt(q) !== COLON || t.charCodeAt(q + 1) !== SPACE) throw FAIL;
        q = this.skipSpaces(q + 1);
        const value = this.flowScalar(q, false);
        list?.put(pairNode(key, value, key.start, value.end));
        q = this.skipSpaces(this.pos);
        const c = t.charCodeAt(q);
        if (c === RBRACE) break;
        if (c !== COMMA) throw FAIL;
        q = this.skipSpaces(q + 1);
        if (t.charCodeAt(q) === RBRACE) throw FAIL;
      }
    }
    this.pos = q + 1;
    this.scanKeysClosed(base);
    return list ? mapNode(p, q + 1, list.pairs, true) : SCANNED_MAP;
  }
}
