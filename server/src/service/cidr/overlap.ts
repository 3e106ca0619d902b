// Every overlapping pair among n CIDR ranges in O(n log n + k) (k = number of pairs), by sort and sweep.
// Two CIDR prefixes are either disjoint or one contains the other (partial overlap is impossible for
// prefixes), so after sorting by (family, start, larger range first) the ranges still "open" at a point
// form a chain of nested ranges: a stack. Each range overlaps exactly the ranges on the stack when it
// arrives, and the stack is never deeper than 33 (IPv4) / 129 (IPv6) distinct ranges, plus duplicates.
import type { Cidr } from './cidr';

export interface OverlapPair {
  /** Index of the larger (containing) range; for identical ranges, the earlier one. */
  outer: number;
  inner: number;
}

export interface SweepOptions {
  /** Stop after this many pairs (only duplicates of one range can make k quadratic). */
  maxPairs?: number;
}

export interface SweepResult {
  pairs: OverlapPair[];
  /** True when `maxPairs` cut the enumeration short. */
  truncated: boolean;
}

/** Flat typed-array copy of the ranges, so the sort and the sweep touch no objects. */
function packed(ranges: readonly Cidr[]): { key: Float64Array; start: Uint32Array; end: Uint32Array } {
  const n = ranges.length;
  const start = new Uint32Array(n * 4);
  const end = new Uint32Array(n * 4);
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = ranges[i];
    const o = i * 4;
    start[o] = r.start[0];
    start[o + 1] = r.start[1];
    start[o + 2] = r.start[2];
    start[o + 3] = r.start[3];
    end[o] = r.end[0];
    end[o + 1] = r.end[1];
    end[o + 2] = r.end[2];
    end[o + 3] = r.end[3];
    // Family, then first word (IPv4: the address and its prefix, which orders IPv4 completely).
    key[i] = r.family === 4 ? r.start[3] * 256 + r.prefix : 2 ** 44 + r.start[0] * 256;
  }
  return { key, start, end };
}

/** Range indices sorted by family, start, larger range first, then input order; plus the packed words. */
function sweepOrder(ranges: readonly Cidr[]): { order: Uint32Array; start: Uint32Array; end: Uint32Array } {
  const n = ranges.length;
  const { key, start, end } = packed(ranges);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const d = key[a] - key[b];
    if (d !== 0) return d;
    // Only IPv6 gets here with different ranges: the remaining words, then the larger range first.
    const oa = a * 4;
    const ob = b * 4;
    for (let w = 1; w < 4; w++) if (start[oa + w] !== start[ob + w]) return start[oa + w] - start[ob + w];
    return ranges[a].prefix - ranges[b].prefix || a - b;
  });
  return { order, start, end };
}

export function findOverlaps(ranges: readonly Cidr[], options: SweepOptions = {}): SweepResult {
  const n = ranges.length;
  const maxPairs = options.maxPairs ?? Number.POSITIVE_INFINITY;
  const { order, start, end } = sweepOrder(ranges);
  const pairs: OverlapPair[] = [];
  const stack = new Int32Array(n);
  let depth = 0;
  let family = -1;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const f = ranges[i].family;
    if (f !== family) {
      depth = 0;
      family = f;
    }
    const oi = i * 4;
    // Pop the open ranges that end before this one starts.
    while (depth > 0 && lessThan(end, stack[depth - 1] * 4, start, oi)) depth--;
    for (let s = 0; s < depth; s++) {
      if (pairs.length >= maxPairs) return { pairs, truncated: true };
      pairs.push({ outer: stack[s], inner: i });
    }
    stack[depth++] = i;
  }
  return { pairs, truncated: false };
}

export interface CappedOverlaps {
  /** Per range: at most `limit` nearest containing ranges, then at most `limit` first contained ones. */
  partners: number[][];
  /** Per range: the exact number of ranges it overlaps. */
  totals: Uint32Array;
}

/**
 * For inputs with huge groups of identical ranges (k quadratic): every range's exact overlap count and
 * a bounded sample of partners, in O(n log n + n·limit). The ranges processed while j is on the stack
 * are exactly the ranges nested in j, so counts need no per-pair work; and a lower stack entry has seen
 * at least as many nested ranges as the ones above it, so the entries still sampling are a top suffix.
 */
export function findOverlapsCapped(ranges: readonly Cidr[], limit: number): CappedOverlaps {
  const n = ranges.length;
  const { order, start, end } = sweepOrder(ranges);
  const partners: number[][] = Array.from({ length: n }, () => []);
  const nested: number[][] = Array.from({ length: n }, () => []);
  const totals = new Uint32Array(n);
  const pushedAt = new Uint32Array(n);
  const stack = new Int32Array(n);
  let depth = 0;
  let family = -1;
  const close = (j: number, k: number): void => {
    totals[j] += k - pushedAt[j] - 1;
    for (const x of nested[j]) partners[j].push(x);
  };
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const f = ranges[i].family;
    if (f !== family) {
      while (depth > 0) close(stack[--depth], k);
      family = f;
    }
    while (depth > 0 && lessThan(end, stack[depth - 1] * 4, start, i * 4)) close(stack[--depth], k);
    totals[i] = depth;
    for (let s = depth - 1; s >= 0 && partners[i].length < limit; s--) partners[i].push(stack[s]);
    for (let s = depth - 1; s >= 0 && nested[stack[s]].length < limit; s--) nested[stack[s]].push(i);
    pushedAt[i] = k;
    stack[depth++] = i;
  }
  while (depth > 0) close(stack[--depth], n);
  return { partners, totals };
}

/** a[oa..oa+3] < b[ob..ob+3] as four-word addresses. */
function lessThan(a: Uint32Array, oa: number, b: Uint32Array, ob: number): boolean {
  for (let w = 0; w < 4; w++) if (a[oa + w] !== b[ob + w]) return a[oa + w] < b[ob + w];
  return false;
}

/** The O(n²) reference: every pair of the same family whose address intervals intersect. */
export function findOverlapsNaive(ranges: readonly Cidr[]): OverlapPair[] {
  const out: OverlapPair[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const a = ranges[i];
    for (let j = i + 1; j < ranges.length; j++) {
      const b = ranges[j];
      if (a.family !== b.family) continue;
      if (wordsLE(a.start, b.end) && wordsLE(b.start, a.end)) out.push({ outer: i, inner: j });
    }
  }
  return out;
}

function wordsLE(a: readonly number[], b: readonly number[]): boolean {
  for (let w = 0; w < 4; w++) if (a[w] !== b[w]) return a[w] < b[w];
  return true;
}
