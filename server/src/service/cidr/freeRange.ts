// Free-range search for quick fixes: the nearest aligned range of a given prefix length inside a pool
// that collides with no occupied range. Cold path (runs per quick fix), so it uses BigInt freely.
import { cidrFrom, familyBits, parseCidr, wordsToBigInt, type Cidr, type Family } from './cidr';

/** RFC 1918, RFC 6598 (CGNAT, used by GKE/EKS for pods) and RFC 4193 unique-local blocks. */
export const PRIVATE_BLOCKS: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fd00::/8'].map(
  mustParse,
);

export function mustParse(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(`bad built-in CIDR ${text}: ${r.reason}`);
  return r.cidr;
}

interface Interval {
  s: bigint;
  e: bigint;
}

/** The occupied address space of one family, merged into sorted disjoint intervals. */
export class OccupiedSpace {
  private readonly merged: Interval[];

  constructor(
    readonly family: Family,
    ranges: Iterable<Cidr>,
  ) {
    const list: Interval[] = [];
    for (const r of ranges) if (r.family === family) list.push({ s: wordsToBigInt(r.start), e: wordsToBigInt(r.end) });
    list.sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
    const merged: Interval[] = [];
    for (const iv of list) {
      const last = merged[merged.length - 1];
      if (last && iv.s <= last.e + 1n) {
        if (iv.e > last.e) last.e = iv.e;
      } else merged.push({ ...iv });
    }
    this.merged = merged;
  }

  /** Marks a range as taken (for allocating several ranges in a row). */
  add(r: Cidr): void {
    const s = wordsToBigInt(r.start);
    const e = wordsToBigInt(r.end);
    const i = this.firstEndingAtOrAfter(s);
    this.merged.splice(i, 0, { s, e });
    // Allocated ranges come from gaps, so no merge is needed for correctness of later searches.
  }

  isFree(r: Cidr): boolean {
    const s = wordsToBigInt(r.start);
    const i = this.firstEndingAtOrAfter(s);
    return i >= this.merged.length || this.merged[i].s > wordsToBigInt(r.end);
  }

  private firstEndingAtOrAfter(t: bigint): number {
    let lo = 0;
    let hi = this.merged.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.merged[mid].e < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Gap j lies between merged[j-1] and merged[j], clipped to the pool. */
  private gap(j: number, p0: bigint, p1: bigint): Interval {
    const s = j === 0 ? p0 : this.merged[j - 1].e + 1n;
    const e = j === this.merged.length ? p1 : this.merged[j].s - 1n;
    return { s: s > p0 ? s : p0, e: e < p1 ? e : p1 };
  }

  /** The free range of `prefix` inside `pool` whose start is nearest to `near` (ties: the higher one). */
  nearestFree(pool: Cidr, prefix: number, near: bigint): Cidr | undefined {
    if (prefix < pool.prefix || pool.family !== this.family) return undefined;
    const size = 1n << BigInt(familyBits(this.family) - prefix);
    const p0 = wordsToBigInt(pool.start);
    const p1 = wordsToBigInt(pool.end);
    // A target outside the pool (a user pool elsewhere) starts the search at the pool's low end.
    const t = near < p0 || near > p1 ? p0 : near - (near % size);
    const first = this.firstEndingAtOrAfter(t);
    let best: bigint | undefined;
    for (let j = first; j <= this.merged.length; j++) {
      const g = this.gap(j, p0, p1);
      if (g.s > p1) break;
      if (g.s > g.e) continue;
      const lo = alignUp(g.s > t ? g.s : t, size);
      if (lo + size - 1n <= g.e) {
        best = lo;
        break;
      }
    }
    for (let j = Math.min(first, this.merged.length); j >= 0; j--) {
      const g = this.gap(j, p0, p1);
      if (g.e < p0) break;
      if (g.s > g.e) continue;
      const top = (g.e < t + size - 1n ? g.e : t + size - 1n) + 1n;
      const hi = top - (top % size) - size;
      if (hi >= g.s && hi >= 0n) {
        if (best === undefined || t - hi < best - t) best = hi;
        break;
      }
    }
    return best === undefined ? undefined : cidrFrom(this.family, best, prefix);
  }

  /** `count` free ranges of `prefix` from the low end of `pool`, marked taken; undefined when the pool is too small. */
  allocate(pool: Cidr, prefix: number, count: number): Cidr[] | undefined {
    const out: Cidr[] = [];
    let near = wordsToBigInt(pool.start);
    while (out.length < count) {
      const r = this.nearestFree(pool, prefix, near);
      if (!r) return undefined;
      out.push(r);
      this.add(r);
      near = wordsToBigInt(r.end) + 1n;
    }
    return out;
  }
}

function alignUp(v: bigint, size: bigint): bigint {
  const r = v % size;
  return r === 0n ? v : v + size - r;
}

/** Pools to search for a replacement of `range`: the user's pools of its family, else its private block. */
export function poolsFor(range: Cidr, userPools: readonly Cidr[]): Cidr[] {
  const own = userPools.filter((p) => p.family === range.family);
  if (own.length) return own;
  return PRIVATE_BLOCKS.filter(
    (b) =>
      b.family === range.family &&
      b.prefix <= range.prefix &&
      wordsToBigInt(b.start) <= wordsToBigInt(range.start) &&
      wordsToBigInt(range.end) <= wordsToBigInt(b.end),
  );
}

/** The nearest free replacement for `range` over all its pools. */
export function nearestFreeRange(range: Cidr, occupied: OccupiedSpace, userPools: readonly Cidr[]): Cidr | undefined {
  const near = wordsToBigInt(range.start);
  let best: Cidr | undefined;
  let bestDistance = 0n;
  for (const pool of poolsFor(range, userPools)) {
    const r = occupied.nearestFree(pool, range.prefix, near);
    if (!r) continue;
    const s = wordsToBigInt(r.start);
    const d = s > near ? s - near : near - s;
    if (!best || d < bestDistance) {
      best = r;
      bestDistance = d;
    }
  }
  return best;
}
