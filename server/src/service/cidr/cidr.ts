// CIDR ranges as plain numbers: every address is four unsigned 32-bit words, most significant first.
// IPv4 uses only the last word (the other three are 0), so one comparison routine serves both families
// and an IPv4 range costs one regex-free character loop to parse. IPv6 text goes through ipaddr.js's
// family-specific parser (the generic `parseCIDR` is several times slower). No BigInt on this path.
import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

export interface Cidr {
  readonly family: Family;
  readonly prefix: number;
  /** First address (host bits cleared), four 32-bit words. */
  readonly start: readonly [number, number, number, number];
  /** Last address, four 32-bit words. */
  readonly end: readonly [number, number, number, number];
  /** True when the written address had host bits set (`10.10.1.0/16`). */
  readonly hostBits: boolean;
}

export type CidrParse = { ok: true; cidr: Cidr } | { ok: false; reason: string };

export function familyBits(family: Family): number {
  return family === 4 ? 32 : 128;
}

/** Parses `a.b.c.d/n` or an IPv6 `addr/n`. Leading zeros in IPv4 octets are refused, as Go's netip does. */
export function parseCidr(text: string): CidrParse {
  const t = text.trim();
  const slash = t.indexOf('/');
  if (slash < 0) return { ok: false, reason: 'no prefix length (expected address/length, e.g. 10.10.0.0/16)' };
  if (t.indexOf(':') < 0) return parseIPv4Cidr(t, slash);
  return parseIPv6Cidr(t, slash);
}

function parsePrefix(t: string, from: number, max: number): number | string {
  if (from >= t.length) return 'empty prefix length';
  if (t.length - from > 1 && t.charCodeAt(from) === 48) return 'prefix length with a leading zero';
  let n = 0;
  for (let i = from; i < t.length; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9 || i - from > 3) return `prefix length "${t.slice(from)}" is not a number`;
    n = n * 10 + c;
  }
  return n > max ? `prefix length /${n} is larger than /${max}` : n;
}

function parseIPv4Cidr(t: string, slash: number): CidrParse {
  let addr = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < slash; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      if (digits === 0) return { ok: false, reason: 'empty IPv4 octet' };
      addr = addr * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return { ok: false, reason: `"${t.slice(0, slash)}" is not an IPv4 address` };
    if (digits === 1 && octet === 0) return { ok: false, reason: 'IPv4 octet with a leading zero (ambiguous: octal or decimal)' };
    octet = octet * 10 + d;
    digits++;
    if (octet > 255) return { ok: false, reason: 'IPv4 octet larger than 255' };
  }
  if (dots !== 3 || digits === 0)
    return { ok: false, reason: `"${t.slice(0, slash)}" is not an IPv4 address (need four octets)` };
  addr = addr * 256 + octet;
  const prefix = parsePrefix(t, slash + 1, 32);
  if (typeof prefix === 'string') return { ok: false, reason: prefix };
  const size = 2 ** (32 - prefix);
  const start = addr - (addr % size);
  return {
    ok: true,
    cidr: { family: 4, prefix, start: [0, 0, 0, start], end: [0, 0, 0, start + size - 1], hostBits: start !== addr },
  };
}

function parseIPv6Cidr(t: string, slash: number): CidrParse {
  const prefix = parsePrefix(t, slash + 1, 128);
  if (typeof prefix === 'string') return { ok: false, reason: prefix };
  let parts: number[];
  try {
    const ip = ipaddr.IPv6.parse(t.slice(0, slash));
    if (ip.zoneId !== undefined) return { ok: false, reason: 'IPv6 zone ids are not allowed in a CIDR' };
    parts = ip.parts;
  } catch {
    return { ok: false, reason: `"${t.slice(0, slash)}" is not an IPv6 address` };
  }
  const words = [
    parts[0] * 65536 + parts[1],
    parts[2] * 65536 + parts[3],
    parts[4] * 65536 + parts[5],
    parts[6] * 65536 + parts[7],
  ];
  const start = [0, 0, 0, 0] as [number, number, number, number];
  const end = [0, 0, 0, 0] as [number, number, number, number];
  let hostBits = false;
  for (let w = 0; w < 4; w++) {
    const keep = Math.max(0, Math.min(32, prefix - 32 * w));
    const size = 2 ** (32 - keep);
    start[w] = words[w] - (words[w] % size);
    end[w] = start[w] + size - 1;
    if (start[w] !== words[w]) hostBits = true;
  }
  return { ok: true, cidr: { family: 6, prefix, start, end, hostBits } };
}

/** Lexicographic comparison of two four-word addresses. */
export function compareWords(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && compareWords(a.start, b.end) <= 0 && compareWords(b.start, a.end) <= 0;
}

/** Does `outer` contain all of `inner`? */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && compareWords(outer.start, inner.start) <= 0 && compareWords(inner.end, outer.end) <= 0;
}

export function formatAddress(family: Family, words: readonly number[]): string {
  if (family === 4) {
    const a = words[3];
    return `${Math.floor(a / 16777216)}.${Math.floor(a / 65536) % 256}.${Math.floor(a / 256) % 256}.${a % 256}`;
  }
  const parts: number[] = [];
  for (const w of words) parts.push(Math.floor(w / 65536), w % 65536);
  return new ipaddr.IPv6(parts).toRFC5952String();
}

/** The canonical text of a range: host bits cleared, IPv6 in RFC 5952 form. */
export function formatCidr(c: Pick<Cidr, 'family' | 'prefix' | 'start'>): string {
  return `${formatAddress(c.family, c.start)}/${c.prefix}`;
}

/** Number of addresses, as text: exact for IPv4, `2^n` for IPv6. */
export function sizeText(c: Cidr): string {
  const hostBits = familyBits(c.family) - c.prefix;
  return c.family === 4 ? (2 ** hostBits).toLocaleString('en-US') : `2^${hostBits}`;
}

/** The address as one BigInt (cold paths only: free-range search, hover). */
export function wordsToBigInt(words: readonly number[]): bigint {
  return (BigInt(words[0]) << 96n) | (BigInt(words[1]) << 64n) | (BigInt(words[2]) << 32n) | BigInt(words[3]);
}

export function bigIntToWords(v: bigint): [number, number, number, number] {
  const m = 0xffffffffn;
  return [Number((v >> 96n) & m), Number((v >> 64n) & m), Number((v >> 32n) & m), Number(v & m)];
}

/** A range from its first address and prefix (cold path). */
export function cidrFrom(family: Family, start: bigint, prefix: number): Cidr {
  const size = 1n << BigInt(familyBits(family) - prefix);
  return { family, prefix, start: bigIntToWords(start), end: bigIntToWords(start + size - 1n), hostBits: false };
}
