// Offset ↔ line/character for one file, built once per text version.

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private lineStarts: number[] | undefined;

  /**
   * `lazy`: the line starts are found on first use (a one-shot lint asks only of files with findings; the
   * language server builds them with the file, see commit 4115660).
   */
  constructor(
    private readonly text: string,
    lazy = false,
  ) {
    if (!lazy) this.lineStarts = lineStartsOf(text);
  }

  private get starts(): number[] {
    return (this.lineStarts ??= lineStartsOf(this.text));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and the \n of a CRLF is not a position on any line: use the end of the line.
    if (o > 0 && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13) o--;
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  }

  offsetAt(pos: Position): number {
    const starts = this.starts;
    if (pos.line < 0) return 0;
    if (pos.line >= starts.length) return this.text.length;
    const lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] : this.text.length;
    return Math.min(starts[pos.line] + Math.max(0, pos.character), lineEnd);
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    // LSP (and YAML) end lines at \r\n, \n and a lone \r: the editor's line numbers must match ours.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 13 || c === 10) starts.push(i + 1);
    }
  }
  return starts;
}
