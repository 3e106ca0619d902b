// A fast path for the block-style YAML that Kubernetes manifests are written in: block maps and sequences of
// one-line plain, quoted and flow scalars, plain `|`/`>` block scalars (fastBlockScalar.ts), comments and blank
// lines. It builds our tree (yamlTree.ts) directly, with exactly the spans and values buildTree gives from the
// `yaml` package's parse, or returns undefined as soon as it meets anything else (anchors, tags, multi-line
// flow scalars, tabs, a lone CR, anything `yaml` might report), and the caller parses the document with `yaml` as
// before. It never accepts a document `yaml` reports an error or warning for: when in doubt it gives up.
// Property-tested equal (fastTree.test.ts).
//
// Spans follow the `yaml` package's ranges: a collection ends where its last value's token ends, and a
// scalar's token ends after its line's newline, plus comment lines indented deeper than the collection that
// follow it; comment lines after the last item stay in the innermost collection closed there whose indent
// they reach (or move outward), as the `yaml` parser assigns them (see trivia and closeEnd below).
import { blockScalarAt } from './fastBlockScalar';
import { CR, FAIL, LF, SCANNED_MAP, SCANNED_SEQ, ScalarScanner, UNSURE, type ScanMode } from './fastScalars';
import type { YMap, YNode, YScalar, YSeq } from './yamlTree';
import { mapNode, pairNode, seqNode } from './treeNodes';

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const DOT = 46;
const LBRACKET = 91;
const LBRACE = 123;
const PIPE = 124;
const GT = 62;
/** Well below yamlTree's MAX_DEPTH, so the tree never needs its NESTING_TOO_DEEP cut. */
const MAX_FAST_DEPTH = 64;
/** `yaml` (strict) refuses an implicit key whose `:` is more than 1024 characters after its start. */
const MAX_KEY_SPAN = 1000;

/**
 * The tree of one document (the text of a splitDocuments chunk), exactly as `yaml` + buildTree would give it,
 * or undefined when the document is outside the subset (or `yaml` would report any problem in it).
 */
export function fastTree(text: string): YNode | null | undefined {
  try {
    return new FastParser(text, 'build').document();
  } catch {
    // FAIL, or a bug of ours: either way `yaml` parses the document as before.
    return undefined;
  }
}

/**
 * True when fastTree would take the document (so `yaml` would report no problem in it), without building
 * a tree worth reading: for documents parsed only for their syntax errors.
 */
export function fastAccepts(text: string): boolean {
  const scanned = fastScans(text);
  return scanned !== undefined ? scanned : fastChecks(text);
}

/**
 * fastAccepts's answer from the scan, which builds no node, pair or string (most of the check's cost was its
 * garbage), or undefined where the scan leaves the answer to the check that builds (UNSURE).
 */
export function fastScans(text: string): boolean | undefined {
  try {
    new FastParser(text, 'scan').document();
    return true;
  } catch (err) {
    return err === UNSURE ? undefined : false;
  }
}

/** fastAccepts's answer from the check that builds nodes (without values): the scan's fallback. */
export function fastChecks(text: string): boolean {
  try {
    new FastParser(text, 'check').document();
    return true;
  } catch {
    return false;
  }
}

/** A control character but LF and CRLF (a tab, a lone CR), a C1 control, a Unicode line break or BOM, a non-character. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNPLAIN_CHARACTER = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;

/** No control character but LF and CRLF: one regex test, twice as fast as a loop over the characters. */
function plainCharacters(t: string): boolean {
  return !UNPLAIN_CHARACTER.test(t);
}

class FastParser extends ScalarScanner {
  /** The next content line after the trivia last scanned: its indent (-1 at the end) and first character. */
  private nextIndent = -1;
  private nextPos = 0;
  /** The deepest indent of a comment line in that trivia (-1: none). */
  private triviaComment = -1;
  /** The `yaml` range end (range[2]) of the last collection closed. */
  private end2 = 0;
  private depth = 0;
  /** The last value valueBelow gave is empty with comments around it (see there). */
  private commentedEmpty = false;

  constructor(t: string, mode: ScanMode) {
    super(t, t.length, mode);
  }

  document(): YNode | null {
    const t = this.t;
    if (!plainCharacters(t)) throw FAIL;
    let p = 0;
    let marker = -1;
    if (t.startsWith('---')) {
      p = 3;
      const c = t.charCodeAt(p);
      marker = p;
      if (c === SPACE) {
        p = this.skip(p);
        marker = p;
        const d = t.charCodeAt(p);
        if (d !== HASH && d !== LF && d !== CR && p < this.n) throw FAIL;
      } else if (c !== LF && c !== CR && p < this.n) throw FAIL;
      p = this.lineEnd(p);
    }
    this.trivia(p, Infinity, 0);
    // Comments only: no content, or after `---` an empty (null) scalar, placed after the marker's spaces.
    if (this.atEnd()) return marker < 0 ? null : this.plain(marker, marker, '');
    if (this.nextIndent !== 0) throw FAIL;
    const root = this.block(0, this.nextPos);
    // Anything left (a line at indent 0 the root did not take) is for `yaml` to report.
    if (!this.atEnd()) throw FAIL;
    return root;
  }

  private atEnd(): boolean {
    return this.nextIndent === -1;
  }

  private skip(q: number): number {
    while (this.t.charCodeAt(q) === SPACE) q++;
    return q;
  }

  /** Past the newline of the line holding `q` (or the end of the text). */
  private lineEnd(q: number): number {
    const e = this.t.indexOf('\n', q);
    return e < 0 ? this.n : e + 1;
  }

  private isSeqIndicator(p: number): boolean {
    const t = this.t;
    if (t.charCodeAt(p) !== DASH) return false;
    const c = t.charCodeAt(p + 1);
    return c === SPACE || c === LF || c === CR || p + 1 >= this.n;
  }

  /**
   * Skips blank and comment lines from `from` (a line start) to the next content line. A comment indented
   * deeper than `absorbIndent` with only blank lines before it joins the last value's token (as `yaml` does):
   * returns that token's new end, else `valueEnd`.
   */
  private trivia(from: number, absorbIndent: number, valueEnd: number): number {
    const t = this.t;
    const n = this.n;
    let comment = -1;
    let p = from;
    for (;;) {
      if (p >= n) {
        this.nextIndent = -1;
        this.nextPos = n;
        break;
      }
      const i = this.skip(p);
      if (i >= n) {
        p = n;
        continue;
      }
      const c = t.charCodeAt(i);
      if (c === LF || c === CR) {
        p = this.lineEnd(i);
        continue;
      }
      if (c === HASH) {
        const end = this.lineEnd(i);
        const indent = i - p;
        if (comment < 0 && indent > absorbIndent) valueEnd = end;
        else if (indent > comment) comment = indent;
        p = end;
        continue;
      }
      // A document marker cannot be content; `---x` and `...x` are better left to `yaml` too.
      if (i === p && (c === DASH || c === DOT) && t.charCodeAt(i + 1) === c && t.charCodeAt(i + 2) === c) throw FAIL;
      this.nextIndent = i - p;
      this.nextPos = i;
      break;
    }
    this.triviaComment = comment;
    return valueEnd;
  }

  /**
   * The `yaml` range[2] of a collection at `indent` closed here: comment lines after its last item stay in it
   * when one reaches its indent (then it ends where the next content starts); otherwise they move outward.
   */
  private closeEnd(indent: number, offset: number): number {
    if (this.triviaComment >= 0 && indent > 0 && this.triviaComment >= indent) {
      this.triviaComment = -1;
      return this.nextPos;
    }
    return offset;
  }

  /** A block map or sequence whose first line has content at column `indent`, at `p`. */
  private block(indent: number, p: number): YMap | YSeq {
    return this.isSeqIndicator(p) ? this.seq(indent, p) : this.map(indent, p);
  }

  /** The rest of a line after a value token: spaces, maybe a comment; returns past its newline. */
  private restOfLine(): number {
    const t = this.t;
    const q = this.skip(this.pos);
    const c = t.charCodeAt(q);
    if (q >= this.n || c === LF || c === CR) return this.lineEnd(q);
    if (c === HASH && q > this.pos) return this.lineEnd(q);
    throw FAIL;
  }

  /** A value after `key: ` or `- ` on the same line: a scalar or a one-line flow collection. */
  private inlineValue(p: number): YNode {
    const c = this.t.charCodeAt(p);
    if (c === LBRACKET || c === LBRACE) return this.flow(p, this.depth < MAX_FAST_DEPTH);
    const s = this.blockScalar(p);
    if (this.isKey) throw FAIL;
    return s;
  }

  /**
   * What follows `key:` or `-` with nothing after it on the line: a nested block collection on the next lines,
   * or an empty (null) value placed where `yaml` places it. `sameIndentSeq`: a sequence may sit at the key's own
   * indent. Returns the value; `this.end2` is its range end.
   */
  private valueBelow(indent: number, emptyAt: number, lineComment: boolean, sameIndentSeq: boolean): YNode {
    this.trivia(this.lineEnd(emptyAt), Infinity, 0);
    const ni = this.nextIndent;
    if (ni > indent || (sameIndentSeq && ni === indent && this.isSeqIndicator(this.nextPos))) {
      const node = this.block(ni, this.nextPos);
      this.commentedEmpty = false;
      return node;
    }
    // Comments around an empty value become its comment, which moves its `yaml` range end (range[2]): that only
    // matters when it is the last value of its collection, so the caller refuses it there (not worth modelling).
    this.commentedEmpty = lineComment || this.triviaComment >= 0;
    this.triviaComment = -1;
    this.end2 = emptyAt;
    return this.plain(emptyAt, emptyAt, '');
  }

  private map(indent: number, p: number, first?: YScalar): YMap {
    if (++this.depth > MAX_FAST_DEPTH) throw FAIL;
    const t = this.t;
    const scan = this.scan;
    const list = scan ? undefined : this.pairList();
    const base = this.scanKeyBase();
    const start = p;
    let offset = p;
    let key = first;
    let commented = false;
    for (;;) {
      commented = false;
      if (!key) {
        key = this.blockScalar(p);
        if (!this.isKey) throw FAIL;
      }
      // `<<` is a merge key for buildTree. (A key starts at `p`: the scan's SCANNED has no start.)
      if (this.pos - p > MAX_KEY_SPAN) throw FAIL;
      if (list ? (!key.quoted && this.raw === '<<') || !list.addRaw(this.raw) : this.scanIsMergeKey() || !this.scanAddKey(base))
        throw FAIL;
      const q = this.skip(this.pos);
      const c = t.charCodeAt(q);
      let value: YNode;
      if (q >= this.n || c === LF || c === CR || c === HASH) {
        value = this.valueBelow(indent, q, c === HASH, true);
        offset = this.end2;
        commented = this.commentedEmpty;
      } else if (c === PIPE || c === GT) {
        value = blockScalarAt(t, q, indent, this.checkOnly);
        // A block scalar's token has no end to take deeper comments in: they stay with the collection.
        offset = this.trivia(value.end, Infinity, value.end);
      } else {
        value = this.inlineValue(q);
        const end = this.restOfLine();
        offset = this.trivia(end, indent, end);
      }
      list?.put(pairNode(key, value, key.start, value.end));
      key = undefined;
      const ni = this.nextIndent;
      if (ni === indent) {
        p = this.nextPos;
        if (this.isSeqIndicator(p)) throw FAIL;
        continue;
      }
      if (ni > indent || commented) throw FAIL;
      break;
    }
    this.depth--;
    this.scanKeysClosed(base);
    this.end2 = this.closeEnd(indent, offset);
    return list ? mapNode(start, offset, list.pairs, false) : SCANNED_MAP;
  }

  private seq(indent: number, p: number): YSeq {
    if (++this.depth > MAX_FAST_DEPTH) throw FAIL;
    const t = this.t;
    const items: YNode[] | undefined = this.scan ? undefined : [];
    const start = p;
    let offset = p;
    // Comments before an item's `-` are its own comment in `yaml`, which moves an empty item's range end.
    let commentBefore = false;
    let commented = false;
    for (;;) {
      commented = false;
      const q = this.skip(p + 1);
      const c = t.charCodeAt(q);
      let item: YNode;
      if (q >= this.n || c === LF || c === CR || c === HASH) {
        item = this.valueBelow(indent, q, c === HASH || commentBefore, false);
        offset = this.end2;
        commented = this.commentedEmpty;
      } else if (this.isSeqIndicator(q)) {
        throw FAIL;
      } else if (c === PIPE || c === GT) {
        item = blockScalarAt(t, q, indent, this.checkOnly);
        offset = this.trivia(item.end, Infinity, item.end);
      } else if (c === LBRACKET || c === LBRACE) {
        item = this.flow(q, this.depth < MAX_FAST_DEPTH);
        const end = this.restOfLine();
        offset = this.trivia(end, indent, end);
      } else {
        const s = this.blockScalar(q);
        if (this.isKey) {
          // `- key: value`: a map whose keys sit at the column of this first one.
          item = this.map(indent + (q - p), q, s);
          offset = this.end2;
        } else {
          item = s;
          const end = this.restOfLine();
          offset = this.trivia(end, indent, end);
        }
      }
      items?.push(item);
      const ni = this.nextIndent;
      if (ni === indent && this.isSeqIndicator(this.nextPos)) {
        p = this.nextPos;
        commentBefore = this.triviaComment >= 0;
        continue;
      }
      if (ni > indent || commented) throw FAIL;
      break;
    }
    this.depth--;
    this.end2 = this.closeEnd(indent, offset);
    return items ? seqNode(start, offset, items, false) : SCANNED_SEQ;
  }
}
