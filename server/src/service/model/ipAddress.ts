// A strict parser for bare IP addresses as Kubernetes (Go's net/netip) reads them in ServiceImport
// `spec.ips`: dotted-quad IPv4 without leading zeros, and IPv6 in the RFC 4291 text forms (`::`
// compression, embedded IPv4). No CIDR suffix, no zone (`%eth0`), no brackets, no hostnames, none of the
// legacy forms `inet_aton` accepts (`10.1`, `0x0a.0.0.1`, `012.0.0.1`). Written by hand because
// ipaddr.js accepts those legacy forms.

export type IpFamily = 'IPv4' | 'IPv6';

export type IpParseResult =
  | {
      ok: true;
      /** The family Kubernetes assigns: an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) counts as IPv4 (Go's `To4`). */
      family: IpFamily;
      /** Set for `::ffff:a.b.c.d`: the plain IPv4 form the author almost certainly meant. */
      mappedIPv4?: string;
    }
  | { ok: false; reason: string };

const DEC_OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const HEXTET = /^[0-9A-Fa-f]{1,4}$/;

/** Results by text: several rules read each `spec.ips` entry. Bounded, so a huge workspace cannot grow it. */
const parsedIps = new Map<string, Readonly<IpParseResult>>();
const MAX_PARSED_IPS = 4096;

/** Parses `text` as a bare IPv4 or IPv6 address; `reason` says what is wrong in words for a diagnostic. */
export function parseIpAddress(text: string): Readonly<IpParseResult> {
  let r = parsedIps.get(text);
  if (r === undefined) {
    if (parsedIps.size >= MAX_PARSED_IPS) parsedIps.clear();
    parsedIps.set(text, (r = parse(text)));
  }
  return r;
}

/** The answer for every plain dotted quad, shared (results are read-only). */
const PLAIN_IPV4: Readonly<IpParseResult> = Object.freeze({ ok: true, family: 'IPv4' });

const DOT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * `a.b.c.d`, each a number from 0 to 255 without a leading zero, in one pass over the characters: what almost
 * every entry is, so the general parser below (regexes, splits) only sees the rest. Property-tested equal to it.
 */
export function isPlainDottedQuad(text: string): boolean {
  const n = text.length;
  if (n < 7 || n > 15) return false;
  let dots = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) {
      if (digits === 0 || ++dots > 3) return false;
      digits = 0;
      value = 0;
    } else if (c >= ZERO && c <= NINE) {
      if (digits > 0 && value === 0) return false; // a leading zero
      value = value * 10 + (c - ZERO);
      if (++digits > 3 || value > 255) return false;
    } else return false;
  }
  return dots === 3 && digits > 0;
}

function parse(text: string): Readonly<IpParseResult> {
  if (isPlainDottedQuad(text)) return PLAIN_IPV4;
  return parseGeneral(text);
}

/** The general parser, for anything but a plain dotted quad (and, in the tests, for those too). */
export function parseGeneral(text: string): IpParseResult {
  if (text.length === 0) return { ok: false, reason: 'it is empty' };
  if (text.length > 45) return { ok: false, reason: 'it is too long to be an IP address' };
  if (/\s/.test(text)) return { ok: false, reason: 'it contains whitespace' };
  if (text.includes('/')) return { ok: false, reason: 'it has a CIDR suffix (a prefix, not an address)' };
  if (text.includes('%')) return { ok: false, reason: 'it has an IPv6 zone (%…), which a cluster-wide VIP cannot have' };
  if (text.startsWith('[')) return { ok: false, reason: 'it is in brackets; write the bare address' };
  if (text.includes(':')) return parseIpv6(text);
  if (/^[0-9.]+$/.test(text)) return checkIpv4(text);
  if (/^0x/i.test(text) || /^[0-9a-fx.]+$/i.test(text)) return { ok: false, reason: 'it is not a dotted-quad IPv4 address' };
  return { ok: false, reason: 'it looks like a hostname; ips must hold addresses' };
}

export function isIpAddress(text: string): boolean {
  return parseIpAddress(text).ok;
}

function checkIpv4(text: string): IpParseResult {
  const parts = text.split('.');
  if (parts.length !== 4) return { ok: false, reason: `an IPv4 address has 4 dot-separated numbers, this has ${parts.length}` };
  for (const p of parts) {
    if (p.length > 1 && p.startsWith('0'))
      return { ok: false, reason: `"${p}" has a leading zero (read as octal by some parsers, rejected by Kubernetes)` };
    if (!DEC_OCTET.test(p) || Number(p) > 255) return { ok: false, reason: `"${p}" is not a number from 0 to 255` };
  }
  return { ok: true, family: 'IPv4' };
}

function parseIpv6(text: string): IpParseResult {
  const bad = { ok: false as const, reason: 'it is not a valid IPv6 address' };
  const halves = text.split('::');
  if (halves.length > 2) return { ok: false, reason: '"::" may appear only once in an IPv6 address' };
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : halves[1].split(':')) : [];
  const groups = [...head, ...tail];
  // An embedded IPv4 address may only be the last group and counts as two hextets.
  let hextets = groups.length;
  let embedded: string | undefined;
  const last = groups[groups.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!checkIpv4(last).ok) return { ok: false, reason: `the embedded IPv4 part "${last}" is not a valid IPv4 address` };
    embedded = last;
    hextets += 1;
  }
  for (let i = 0; i < groups.length - (embedded ? 1 : 0); i++) if (!HEXTET.test(groups[i])) return bad;
  if (halves.length === 1 && hextets !== 8)
    return { ok: false, reason: `an IPv6 address without "::" needs 8 groups, this has ${hextets}` };
  if (halves.length === 2 && hextets > 7) return bad;
  if (embedded && isIpv4MappedPrefix(head, tail, hextets)) return { ok: true, family: 'IPv4', mappedIPv4: embedded };
  return { ok: true, family: 'IPv6' };
}

/** True when the six hextets before the embedded IPv4 part are 0:0:0:0:0:ffff (the IPv4-mapped range). */
function isIpv4MappedPrefix(head: string[], tail: string[], hextets: number): boolean {
  // Without "::" there are 8 hextets already and nothing to fill in.
  const zeros: string[] = new Array<string>(8 - hextets).fill('0');
  const expanded = [...head, ...zeros, ...tail].slice(0, 6).map((g) => parseInt(g, 16));
  return expanded.length === 6 && expanded.slice(0, 5).every((v) => v === 0) && expanded[5] === 0xffff;
}
