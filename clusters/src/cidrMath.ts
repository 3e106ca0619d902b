// Just enough prefix arithmetic for discovery: parse, normalise, contain, and the smallest prefix covering
// a set of ranges (Node podCIDRs are slices of the cluster range; their covering prefix is a lower bound).
// Parsing and formatting are the language service's (server/src/service/cidr), so the editor and discovery
// read a range the same way; BigInt is fine here (a few ranges per cluster).
import { cidrFrom, formatCidr, parseCidr, wordsToBigInt } from '../../server/src/service/public';

export interface Prefix {
  family: 4 | 6;
  /** Network address as an integer (host bits cleared). */
  base: bigint;
  bits: number;
}

const width = (family: 4 | 6) => (family === 4 ? 32 : 128);

function mask(family: 4 | 6, bits: number): bigint {
  const w = width(family);
  return bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(w - bits);
}

export function parsePrefix(text: string): Prefix | undefined {
  const r = parseCidr(text);
  return r.ok ? { family: r.cidr.family, base: wordsToBigInt(r.cidr.start), bits: r.cidr.prefix } : undefined;
}

export function formatPrefix(p: Prefix): string {
  return formatCidr(cidrFrom(p.family, p.base, p.bits));
}

/** `text` in canonical form (host bits cleared, IPv6 compressed), or undefined if it is not a CIDR. */
export function normaliseCidr(text: string): string | undefined {
  const p = parsePrefix(text);
  return p && formatPrefix(p);
}

export function contains(outer: Prefix, inner: Prefix): boolean {
  return (
    outer.family === inner.family && outer.bits <= inner.bits && (inner.base & mask(outer.family, outer.bits)) === outer.base
  );
}

/** The longest prefix that contains every one of `prefixes` (all of one family), or undefined for none. */
export function coveringPrefix(prefixes: readonly Prefix[]): Prefix | undefined {
  const [first, ...rest] = prefixes;
  if (!first) return undefined;
  // A loop, not Math.min(...): a 65,000-node cluster gives as many prefixes, too many arguments for a call.
  let bits = first.bits;
  for (const p of rest) if (p.bits < bits) bits = p.bits;
  for (const p of rest) {
    while (bits > 0 && (p.base & mask(first.family, bits)) !== (first.base & mask(first.family, bits))) bits--;
  }
  return { family: first.family, base: first.base & mask(first.family, bits), bits };
}
