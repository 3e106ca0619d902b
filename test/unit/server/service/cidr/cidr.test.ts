import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contains, formatCidr, overlaps, parseCidr, sizeText, type Cidr } from '../../../../../server/src/service/cidr/cidr';

function ok(text: string): Cidr {
  const r = parseCidr(text);
  assert.ok(r.ok, `${text} should parse`);
  return r.cidr;
}

test('parses IPv4 ranges into uint32 start/end, including the /0 and /32 edges', () => {
  const table: Array<[string, number, number, number]> = [
    ['10.10.0.0/16', 16, 0x0a0a0000, 0x0a0affff],
    ['0.0.0.0/0', 0, 0, 0xffffffff],
    ['255.255.255.255/32', 32, 0xffffffff, 0xffffffff],
    ['192.168.1.7/32', 32, 0xc0a80107, 0xc0a80107],
    [' 100.64.0.0/10 ', 10, 0x64400000, 0x647fffff],
  ];
  for (const [text, prefix, start, end] of table) {
    const c = ok(text);
    assert.deepEqual([c.family, c.prefix, c.start[3], c.end[3], c.start[0], c.hostBits], [4, prefix, start, end, 0, false], text);
  }
});

test('parses IPv6 ranges into four 32-bit words, including /0 and /128', () => {
  const a = ok('fd00:10::/56');
  assert.deepEqual(
    [a.family, a.prefix, a.start, a.end],
    [6, 56, [0xfd000010, 0, 0, 0], [0xfd000010, 0xff, 0xffffffff, 0xffffffff]],
  );
  const all = ok('::/0');
  assert.deepEqual(
    [all.start, all.end],
    [
      [0, 0, 0, 0],
      [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
    ],
  );
  const one = ok('2001:db8::1/128');
  assert.deepEqual([one.start, one.end, one.hostBits], [[0x20010db8, 0, 0, 1], [0x20010db8, 0, 0, 1], false]);
  assert.equal(formatCidr(ok('FD00:0010:0000::/48')), 'fd00:10::/48');
});

test('detects host bits and formats the canonical prefix', () => {
  const table: Array<[string, boolean, string]> = [
    ['10.10.1.0/16', true, '10.10.0.0/16'],
    ['10.96.0.0/12', false, '10.96.0.0/12'],
    ['10.100.0.0/12', true, '10.96.0.0/12'],
    ['1.2.3.4/0', true, '0.0.0.0/0'],
    ['fd00::1/64', true, 'fd00::/64'],
    ['fd00:0:0:1::/63', true, 'fd00::/63'],
    ['fd00::/8', false, 'fd00::/8'],
  ];
  for (const [text, hostBits, canonical] of table) {
    const c = ok(text);
    assert.equal(c.hostBits, hostBits, text);
    assert.equal(formatCidr(c), canonical, text);
  }
});

test('rejects malformed CIDRs with a reason', () => {
  const table: Array<[string, RegExp]> = [
    ['10.10.0.0/33', /larger than \/32/],
    ['fd00::/129', /larger than \/128/],
    ['10.10.0.0', /no prefix length/],
    ['10.10.0/16', /four octets/],
    ['10.256.0.0/16', /larger than 255/],
    ['010.0.0.0/8', /leading zero/],
    ['10.0.0.0/08', /leading zero/],
    ['10.0.0.0/', /empty prefix/],
    ['10..0.0/8', /empty IPv4 octet/],
    ['fd00::g/64', /not an IPv6 address/],
    ['10.0.0.0/1x', /not a number/],
    ['web/16', /not an IPv4 address/],
  ];
  for (const [text, reason] of table) {
    const r = parseCidr(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.reason, reason, text);
  }
});

test('overlap and containment: nested, identical, adjacent-but-disjoint, cross-family', () => {
  const table: Array<[string, string, boolean, boolean]> = [
    ['10.10.0.0/16', '10.10.128.0/17', true, true],
    ['10.10.128.0/17', '10.10.0.0/16', true, false],
    ['10.10.0.0/16', '10.10.0.0/16', true, true],
    ['10.10.0.0/16', '10.11.0.0/16', false, false],
    ['10.10.0.0/17', '10.10.128.0/17', false, false],
    ['0.0.0.0/0', '255.255.255.255/32', true, true],
    ['fd00::/8', 'fd12:3456::/32', true, true],
    ['fd00::/64', 'fd00:0:0:1::/64', false, false],
    ['10.0.0.0/8', '::ffff:10.0.0.0/104', false, false],
  ];
  for (const [a, b, overlap, aContainsB] of table) {
    assert.equal(overlaps(ok(a), ok(b)), overlap, `${a} overlaps ${b}`);
    assert.equal(contains(ok(a), ok(b)), aContainsB, `${a} contains ${b}`);
  }
});

test('size text: exact for IPv4, a power of two for IPv6', () => {
  assert.equal(sizeText(ok('10.0.0.0/8')), '16,777,216');
  assert.equal(sizeText(ok('10.0.0.1/32')), '1');
  assert.equal(sizeText(ok('0.0.0.0/0')), '4,294,967,296');
  assert.equal(sizeText(ok('fd00::/64')), '2^64');
});
