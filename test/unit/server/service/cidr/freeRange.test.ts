import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCidr, overlaps, parseCidr, type Cidr } from '../../../../../server/src/service/cidr/cidr';
import { nearestFreeRange, OccupiedSpace, poolsFor } from '../../../../../server/src/service/cidr/freeRange';
import { allocateSlices } from '../../../../../server/src/service/cidr/globalnetFix';

const parse = (t: string): Cidr => {
  const r = parseCidr(t);
  if (!r.ok) throw new Error(t);
  return r.cidr;
};
const space = (...ranges: string[]): OccupiedSpace =>
  new OccupiedSpace(ranges.some((r) => r.includes(':')) ? 6 : 4, ranges.map(parse));

test('nearest free range of the same prefix, from the same private block', () => {
  const occupied = space('10.10.0.0/16', '10.10.128.0/17', '10.11.0.0/16', '10.96.0.0/12');
  const free = nearestFreeRange(parse('10.10.128.0/17'), occupied, []);
  assert.equal(free && formatCidr(free), '10.9.128.0/17');
  const free16 = nearestFreeRange(parse('10.10.0.0/16'), occupied, []);
  assert.equal(free16 && formatCidr(free16), '10.9.0.0/16', '10.9 is one /16 below, 10.12 two above');
});

test('ties prefer the higher range; the pool edge is respected', () => {
  assert.equal(formatCidr(nearestFreeRange(parse('10.10.0.0/16'), space('10.10.0.0/16'), [])!), '10.11.0.0/16');
  assert.equal(formatCidr(nearestFreeRange(parse('10.0.0.0/16'), space('10.0.0.0/16'), [])!), '10.1.0.0/16');
  assert.equal(formatCidr(nearestFreeRange(parse('10.255.0.0/16'), space('10.255.0.0/16'), [])!), '10.254.0.0/16');
  assert.equal(
    formatCidr(nearestFreeRange(parse('192.168.0.0/16'), space('192.168.0.0/16'), [parse('172.16.0.0/12')])!),
    '172.16.0.0/16',
    'user pool wins',
  );
});

test('no replacement when the block is full, or the range is outside every private block', () => {
  assert.equal(nearestFreeRange(parse('10.0.0.0/8'), space('10.0.0.0/8'), []), undefined);
  assert.equal(nearestFreeRange(parse('192.168.0.0/17'), space('192.168.0.0/17', '192.168.128.0/17'), []), undefined);
  assert.equal(nearestFreeRange(parse('8.8.0.0/16'), space('8.8.0.0/16'), []), undefined);
  assert.deepEqual(poolsFor(parse('100.64.5.0/24'), []).map(formatCidr), ['100.64.0.0/10']);
});

test('IPv6: nearest free /64 in fd00::/8', () => {
  const occupied = space('fd00:10::/64', 'fd00:10:0:1::/64');
  assert.equal(
    formatCidr(nearestFreeRange(parse('fd00:10::/64'), occupied, [])!),
    'fd00:f:ffff:ffff::/64',
    'one /64 below, across a word boundary',
  );
  assert.equal(formatCidr(nearestFreeRange(parse('fd00:10:0:1::/64'), occupied, [])!), 'fd00:10:0:2::/64');
});

test('allocateSlices gives /16s that collide with nothing, and smaller slices when /16s run out', () => {
  const taken = ['242.0.0.0/16', '242.2.0.0/15'].map(parse);
  const got = allocateSlices(parse('242.0.0.0/8'), 3, taken)!;
  assert.deepEqual(got.map(formatCidr), ['242.1.0.0/16', '242.4.0.0/16', '242.5.0.0/16']);
  const many = allocateSlices(parse('242.0.0.0/8'), 300, [])!;
  assert.equal(many[0].prefix, 17);
  for (let i = 0; i < many.length; i++) for (let j = i + 1; j < many.length; j++) assert.equal(overlaps(many[i], many[j]), false);
  assert.equal(allocateSlices(parse('242.0.0.0/30'), 5, []), undefined);
});
