import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cidrFrom, parseCidr, type Cidr } from '../../../../../server/src/service/cidr/cidr';
import {
  findOverlaps,
  findOverlapsCapped,
  findOverlapsNaive,
  type OverlapPair,
} from '../../../../../server/src/service/cidr/overlap';

const parse = (t: string): Cidr => {
  const r = parseCidr(t);
  if (!r.ok) throw new Error(t);
  return r.cidr;
};

/** Pairs as sorted "i-j" strings, so sweep order does not matter. */
function keys(pairs: readonly OverlapPair[]): string[] {
  return pairs.map((p) => (p.outer < p.inner ? `${p.outer}-${p.inner}` : `${p.inner}-${p.outer}`)).sort();
}

test('reports containment, duplicates and nothing for adjacent ranges', () => {
  const ranges = [
    '10.10.0.0/16',
    '10.11.0.0/16',
    '10.10.128.0/17',
    '10.10.0.0/16',
    'fd00::/8',
    'fd00:1::/32',
    '10.12.0.0/16',
  ].map(parse);
  const r = findOverlaps(ranges);
  assert.equal(r.truncated, false);
  assert.deepEqual(keys(r.pairs), ['0-2', '0-3', '2-3', '4-5']);
  const outerOf = new Map(r.pairs.map((p) => [`${Math.min(p.outer, p.inner)}-${Math.max(p.outer, p.inner)}`, p.outer]));
  assert.equal(outerOf.get('0-2'), 0, 'the /16 is the outer range of the /17');
  assert.equal(outerOf.get('4-5'), 4);
});

test('IPv4 and IPv6 ranges with equal numeric words never overlap', () => {
  assert.deepEqual(findOverlaps([parse('0.0.0.0/0'), parse('::/96')]).pairs, []);
});

test('maxPairs truncates and says so', () => {
  const ranges = Array.from({ length: 10 }, () => parse('10.0.0.0/8'));
  const r = findOverlaps(ranges, { maxPairs: 7 });
  assert.equal(r.pairs.length, 7);
  assert.equal(r.truncated, true);
  assert.equal(findOverlaps(ranges).pairs.length, 45);
});

const ipv4Range = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([a, p]) => {
  const size = 2 ** (32 - p);
  return cidrFrom(4, BigInt(a - (a % size)), p);
});
// Few distinct high words so IPv6 ranges collide often.
const ipv6Range = fc
  .tuple(
    fc.constantFrom(0xfd000000, 0xfd000001, 0x20010db8),
    fc.bigInt({ min: 0n, max: (1n << 96n) - 1n }),
    fc.integer({ min: 0, max: 128 }),
  )
  .map(([hi, lo, p]) => {
    const v = (BigInt(hi) << 96n) | lo;
    const size = 1n << BigInt(128 - p);
    return cidrFrom(6, v - (v % size), p);
  });
// Narrow IPv4 space (10.0.0.0/12 with long prefixes) so overlaps are frequent.
const denseIPv4 = fc.tuple(fc.integer({ min: 0, max: 0xfffff }), fc.integer({ min: 12, max: 24 })).map(([a, p]) => {
  const addr = 0x0a000000 + a;
  const size = 2 ** (32 - p);
  return cidrFrom(4, BigInt(addr - (addr % size)), p);
});

test('sweep equals the brute-force pairwise oracle on random inputs (seeded)', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(ipv4Range, ipv6Range, denseIPv4, denseIPv4), { maxLength: 80 }), (ranges) => {
      assert.deepEqual(keys(findOverlaps(ranges).pairs), keys(findOverlapsNaive(ranges)));
    }),
    { seed: 20261125, numRuns: 300 },
  );
});

test('capped sweep: exact overlap counts and a true sample of at least min(limit, count) partners (seeded)', () => {
  const dup = fc.constantFrom('10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '10.2.0.0/16').map(parse);
  fc.assert(
    fc.property(
      fc.array(fc.oneof(dup, dup, denseIPv4, ipv6Range), { maxLength: 120 }),
      fc.integer({ min: 1, max: 6 }),
      (ranges, limit) => {
        const truth = ranges.map(() => new Set<number>());
        for (const p of findOverlapsNaive(ranges)) {
          truth[p.outer].add(p.inner);
          truth[p.inner].add(p.outer);
        }
        const capped = findOverlapsCapped(ranges, limit);
        ranges.forEach((_, i) => {
          assert.equal(capped.totals[i], truth[i].size, `count of ${i}`);
          assert.ok(capped.partners[i].length >= Math.min(limit, truth[i].size), `sample size of ${i}`);
          assert.equal(new Set(capped.partners[i]).size, capped.partners[i].length, 'no repeats');
          for (const j of capped.partners[i]) assert.ok(truth[i].has(j), `${j} really overlaps ${i}`);
        });
      },
    ),
    { seed: 424242, numRuns: 300 },
  );
});
