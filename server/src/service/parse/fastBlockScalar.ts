// `|` and `>` block scalars for the fast path (fastTree.ts), in the plain form ConfigMaps use: a header of `|`,
// `|-`, `>` or `>-` alone on its line, content from the next line on, indented deeper than the collection. The
// value and span are what `yaml` gives (resolve-block-scalar): the span runs from the header to the newline of
// the last content line (trailing empty lines are not part of it). Anything else throws FAIL: an indentation
// indicator, keep chomping (`+`), a comment on the header, leading empty lines, lines of spaces only, and in a
// folded scalar more-indented lines (whose folding rules are not worth modelling).
import { CR, FAIL, LF } from './fastScalars';
import type { YScalar } from './yamlTree';
import { scalarNode } from './treeNodes';

const SPACE = 32;
const PIPE = 124;
const DASH = 45;

/**
 * The block scalar whose header is at `p`, in a collection at `indent`. Its span ends at a line start (or the end).
 * `checkOnly` (a syntax check, fastAccepts): the same decisions, but no value is built (it is left empty).
 */
export function blockScalarAt(t: string, p: number, indent: number, checkOnly = false): YScalar {
  const n = t.length;
  const literal = t.charCodeAt(p) === PIPE;
  let q = p + 1;
  const strip = t.charCodeAt(q) === DASH;
  if (strip) q++;
  if (t.charCodeAt(q) === CR) q++;
  if (t.charCodeAt(q) !== LF) throw FAIL;
  let lineStart = q + 1;
  let contentIndent = -1;
  let value = '';
  let sep = '';
  let end = lineStart;
  let blank = 0;
  while (lineStart < n) {
    let i = lineStart;
    while (t.charCodeAt(i) === SPACE) i++;
    const c = t.charCodeAt(i);
    const lineIndent = i - lineStart;
    if (c === LF || c === CR || i >= n) {
      // A line of spaces only is content or not depending on where it stands: left to `yaml`.
      if (lineIndent > 0 || contentIndent < 0) throw FAIL;
      blank++;
      lineStart = t.indexOf('\n', i) + 1 || n;
      continue;
    }
    if (contentIndent < 0) {
      if (lineIndent <= indent) throw FAIL;
      contentIndent = lineIndent;
    } else if (lineIndent < contentIndent) break;
    let e = t.indexOf('\n', i);
    if (e < 0) e = n;
    if (checkOnly) {
      if (!literal && lineIndent > contentIndent) throw FAIL;
    } else if (literal) {
      // `yaml` drops the CR of a CRLF line end from the content.
      const content = t.slice(i, t.charCodeAt(e - 1) === CR ? e - 1 : e);
      value += sep + '\n'.repeat(blank) + ' '.repeat(lineIndent - contentIndent) + content;
      sep = '\n';
    } else {
      if (lineIndent > contentIndent) throw FAIL;
      const content = t.slice(i, t.charCodeAt(e - 1) === CR ? e - 1 : e);
      // `yaml`'s folding: a line break between content lines is a space, each empty line a newline.
      if (blank > 0) {
        if (sep === '') value += '\n'.repeat(blank - 1);
        else value += '\n'.repeat(blank);
        value += content;
      } else value += sep + content;
      sep = ' ';
    }
    blank = 0;
    end = e < n ? e + 1 : n;
    lineStart = end;
  }
  if (contentIndent < 0) throw FAIL;
  if (!strip && !checkOnly) value += '\n';
  return scalarNode(p, end, value, false, true);
}
