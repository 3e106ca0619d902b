// Bytes of a manifest file to text, as kubectl decodes them: cli-runtime's FileVisitor reads every file through
// golang.org/x/text's unicode.BOMOverride(UTF8.NewDecoder()): a UTF-16 LE or BE byte-order mark switches to UTF-16
// (what PowerShell 5's `>` writes), a UTF-8 BOM is dropped, and anything else is UTF-8 with each invalid byte
// turned into U+FFFD. We decode the same way, so the text linted is the text kubectl applies.

export type ManifestEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface DecodedManifest {
  text: string;
  encoding: ManifestEncoding;
  /** Something the user should know about the bytes (kubectl reads them the same way; the content may suffer). */
  problem?: string;
}

/** One decoder for every file: without `stream` a decode keeps no state between calls (one per file cost more than the decode). */
const UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeManifestBytes(buf: Uint8Array): DecodedManifest {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf.subarray(2), 'utf-16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return utf16(buf.subarray(2), 'utf-16be');
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = bom ? buf.subarray(3) : buf;
  const text = UTF8.decode(body);
  const encoding: ManifestEncoding = bom ? 'utf-8-bom' : 'utf-8';
  if (text.includes('\ufffd') && !hasLiteralReplacement(body)) {
    return { text, encoding, problem: notUtf8(body) };
  }
  return { text, encoding };
}

function utf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedManifest {
  const odd = body.length % 2 === 1;
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
  const problem = odd
    ? `The file is ${encoding.toUpperCase()} (byte-order mark) but has an odd number of bytes: its last byte is not a character.`
    : undefined;
  return problem ? { text, encoding, problem } : { text, encoding };
}

/** True when the U+FFFD in the decoded text was written as such (EF BF BD), not produced by a bad byte. */
function hasLiteralReplacement(body: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/** Names the likely cause: UTF-16 without a BOM (every other byte zero) or a legacy 8-bit code page. */
function notUtf8(body: Uint8Array): string {
  let zeros = 0;
  const n = Math.min(body.length, 4096);
  for (let i = 0; i < n; i++) if (body[i] === 0) zeros++;
  if (n > 0 && zeros / n > 0.3)
    return 'The file looks like UTF-16 without a byte-order mark: kubectl reads it as UTF-8 and fails on it. Save it as UTF-8 (or UTF-16 with a BOM).';
  return 'The file is not valid UTF-8: kubectl, like this linter, reads each invalid byte as U+FFFD (�), so names and values containing them are not what you typed. Save it as UTF-8.';
}
