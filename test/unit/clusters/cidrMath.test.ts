// Prefix arithmetic used by discovery: normalisation, containment and the smallest covering prefix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contains, coveringPrefix, formatPrefix, normaliseCidr, parsePrefix, type Prefix } from '../../../clusters/src/cidrMath';

const p = (s: string): Prefix => {
  const v = parsePrefix(s);
  assert.ok(v, s);
  return v;
};

test('normaliseCidr clears host bits and compresses IPv6; junk is undefined', () => {
  assert.equal(normaliseCidr('10.244.1.7/16'), '10.244.0.0/16');
  assert.equal(normaliseCidr(' fd00:10:0:0:0:0:0:1/64 '), 'fd00:10::/64');
  assert.equal(normaliseCidr('10.0.0.0/33'), undefined);
  assert.equal(normaliseCidr('10.0.0.0'), undefined);
  assert.equal(normaliseCidr('cluster-pool'), undefined);
});

test('contains: same family, outer at most as long, inner inside', () => {
  assert.equal(contains(p('10.244.0.0/16'), p('10.244.3.0/24')), true);
  assert.equal(contains(p('10.244.3.0/24'), p('10.244.0.0/16')), false);
  assert.equal(contains(p('10.244.0.0/16'), p('10.245.0.0/24')), false);
  assert.equal(contains(p('::/0'), p('10.0.0.0/8')), false);
  assert.equal(contains(p('fd00::/48'), p('fd00:0:0:1::/64')), true);
});

test('coveringPrefix: the longest prefix containing all', () => {
  const cover = (l: string[]) => formatPrefix(coveringPrefix(l.map(p))!);
  assert.equal(cover(['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24']), '10.244.0.0/22');
  assert.equal(cover(['10.244.5.0/24']), '10.244.5.0/24');
  assert.equal(cover(['10.0.0.0/24', '192.168.0.0/24']), '0.0.0.0/0');
  assert.equal(cover(['fd00:10:244:1::/64', 'fd00:10:244:2::/64']), 'fd00:10:244::/62');
  assert.equal(coveringPrefix([]), undefined);
});
