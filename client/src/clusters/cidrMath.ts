// Just enough prefix arithmetic for discovery: parse, normalise, contain, and the smallest prefix covering
// a set of ranges (Node podCIDRs are slices of the cluster range; their covering prefix is a lower bound).
import ipaddr from 'ipaddr.js';

export interface Prefix {
  family: 4 | 6;
  /** Network address as an integer (host bits cleared). */
  base: bigint;
  bits: number;
}

const width = (family: 4 | 6) => (family === 4 ? 32 : 128);

function toBigInt(bytes: number[]): bigint {
  return bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
}

function mask(family: 4 | 6, bits: number): bigint {
  const w = width(family);
  return bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(w - bits);
}

export function parsePrefix(text: string): Prefix | undefined {
  try {
    const [addr, bits] = ipaddr.parseCIDR(text.trim());
    const family = addr.kind() === 'ipv4' ? 4 : 6;
    return { family, base: toBigInt(addr.toByteArray()) & mask(family, bits), bits };
  } catch {
    return undefined;
  }
}

export function formatPrefix(p: Prefix): string {
  const bytes: number[] = [];
  let v = p.base;
  for (let i = 0; i < width(p.family) / 8; i++) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return `${ipaddr.fromByteArray(bytes).toString()}/${p.bits}`;
}

/** `text` in canonical form (host bits cleared, IPv6 compressed), or undefined if it is not a CIDR. */
export function normaliseCidr(text: string): string | undefined {
  const p = parsePrefix(text);
  return p && formatPrefix(p);
}

export function contains(outer: Prefix, inner: Prefix): boolean {
  return outer.family === inner.family && outer.bits <= inner.bits && (inner.base & mask(outer.family, outer.bits)) === outer.base;
}

/** The longest prefix that contains every one of `prefixes` (all of one family), or undefined for none. */
export function coveringPrefix(prefixes: readonly Prefix[]): Prefix | undefined {
  const [first, ...rest] = prefixes;
  if (!first) return undefined;
  let bits = Math.min(...prefixes.map((p) => p.bits));
  for (const p of rest) {
    while (bits > 0 && (p.base & mask(first.family, bits)) !== (first.base & mask(first.family, bits))) bits--;
  }
  return { family: first.family, base: first.base & mask(first.family, bits), bits };
}
