// The units of parse work `clusterset lint` shares between threads: a whole file, or a run of whole documents of
// a large file. A cut is made only at a `---`/`...` line at column 0, which is where the service splits
// documents too (parse/splitDocuments.ts), so a part holds exactly the same document texts as the whole file
// and parsing the parts gives the same documents as parsing the file.

/** A part of about this many characters: a few milliseconds of parsing, small enough to balance two threads. */
export const PART_CHARS = 48 * 1024;

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/;

/** Offsets where the parts of `text` start (always 0 first); one part for a small file or one with CRs. */
export function partStarts(text: string, partChars = PART_CHARS): number[] {
  const starts = [0];
  // go-yaml ends lines at a lone CR, and the service rewrites those before splitting: such a file stays whole.
  if (text.length < 2 * partChars || text.indexOf('\r') >= 0) return starts;
  let from = partChars;
  while (from < text.length) {
    let line = text.indexOf('\n', from);
    let cut = -1;
    while (line >= 0 && line + 1 < text.length) {
      const c = text.charCodeAt(line + 1);
      if ((c === 45 || c === 46) && MARKER.test(text.slice(line + 1, line + 5))) {
        cut = line + 1;
        break;
      }
      line = text.indexOf('\n', line + 1);
    }
    if (cut < 0 || text.length - cut < partChars / 2) break;
    starts.push(cut);
    from = cut + partChars;
  }
  return starts;
}
