import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../../../bench/seededRandom';
import { isIpAddress, isPlainDottedQuad, parseGeneral, parseIpAddress } from '../../../../../server/src/service/model/ipAddress';

const VALID: Array<[string, 'IPv4' | 'IPv6']> = [
  ['10.0.0.1', 'IPv4'],
  ['0.0.0.0', 'IPv4'],
  ['255.255.255.255', 'IPv4'],
  ['192.168.100.200', 'IPv4'],
  ['::', 'IPv6'],
  ['::1', 'IPv6'],
  ['fd00::1', 'IPv6'],
  ['FD00::A', 'IPv6'],
  ['2001:db8:0:0:0:0:2:1', 'IPv6'],
  ['2001:db8::2:1', 'IPv6'],
  ['2001:db8::', 'IPv6'],
  ['1:2:3:4:5:6:7::', 'IPv6'],
  ['::2:3:4:5:6:7:8', 'IPv6'],
  ['64:ff9b::192.0.2.33', 'IPv6'],
  ['::192.0.2.33', 'IPv6'],
  ['1:2:3:4:5:6:192.0.2.33', 'IPv6'],
  ['::ffff:10.0.0.1', 'IPv4'],
  ['0:0:0:0:0:ffff:10.0.0.1', 'IPv4'],
  ['::FFFF:10.0.0.1', 'IPv4'],
];

const INVALID: Array<[string, RegExp]> = [
  ['', /empty/],
  ['10.0.0.0/24', /CIDR suffix/],
  ['fd00::/64', /CIDR suffix/],
  ['fe80::1%eth0', /zone/],
  ['[fd00::1]', /brackets/],
  ['web.shop.svc.clusterset.local', /hostname/],
  ['localhost', /hostname/],
  ['10.1', /4 dot-separated numbers, this has 2/],
  ['10.0.0', /this has 3/],
  ['10.0.0.1.5', /this has 5/],
  ['0x0a.1.1.1', /not a dotted-quad/],
  ['010.0.0.1', /leading zero/],
  ['10.0.0.256', /"256" is not a number from 0 to 255/],
  ['10..0.1', /"" is not a number/],
  ['10.0.0.1 ', /whitespace/],
  ['1:2:3:4:5:6:7', /needs 8 groups, this has 7/],
  ['1:2:3:4:5:6:7:8:9', /needs 8 groups, this has 9/],
  ['1::2::3', /only once/],
  ['1:2:3:4:5:6:7::8', /not a valid IPv6/],
  ['12345::1', /not a valid IPv6/],
  ['g::1', /not a valid IPv6/],
  [':1:2:3:4:5:6:7', /not a valid IPv6/],
  ['::1.2.3', /embedded IPv4 part "1.2.3"/],
  ['::1.2.3.4:5', /not a valid IPv6/],
  ['1:2:3:4:5:6:7:1.2.3.4', /not a valid IPv6|needs 8 groups/],
];

test('parseIpAddress accepts bare IPv4 and every RFC 4291 IPv6 text form, with the Kubernetes family', () => {
  for (const [text, family] of VALID) {
    const r = parseIpAddress(text);
    assert.ok(r.ok, `${text} should be valid`);
    assert.equal(r.family, family, text);
  }
});

test('parseIpAddress rejects CIDRs, zones, hostnames and legacy inet_aton forms with a reason', () => {
  for (const [text, reason] of INVALID) {
    const r = parseIpAddress(text);
    assert.equal(r.ok, false, `${JSON.stringify(text)} should be invalid`);
    if (!r.ok) assert.match(r.reason, reason, text);
    assert.equal(isIpAddress(text), false);
  }
});

test('parseIpAddress reports the plain IPv4 form of an IPv4-mapped address', () => {
  const r = parseIpAddress('::ffff:10.0.0.1');
  assert.deepEqual(r, { ok: true, family: 'IPv4', mappedIPv4: '10.0.0.1' });
  assert.deepEqual(parseIpAddress('::fffe:10.0.0.1'), { ok: true, family: 'IPv6' });
  assert.deepEqual(parseIpAddress('1::ffff:10.0.0.1'), { ok: true, family: 'IPv6' });
});

test('the one-pass dotted-quad check answers exactly as the general parser, on every near-IPv4 text', () => {
  const random = seededRandom(405);
  const octets = ['0', '1', '9', '10', '99', '100', '199', '249', '250', '255'];
  const near = ['00', '01', '010', '256', '299', '300', '999', '1000', '', 'a', ' ', '-1', '+1', '1e2', '0x1'];
  const pick = (): string => {
    const from = random() < 0.85 ? octets : near;
    return from[Math.floor(random() * from.length)];
  };
  let plain = 0;
  for (let i = 0; i < 20_000; i++) {
    const parts = Array.from({ length: random() < 0.7 ? 4 : 2 + Math.floor(random() * 4) }, pick);
    const text = random() < 0.05 ? parts.join('.') + '.' : parts.join('.');
    const general = parseGeneral(text);
    const fast = isPlainDottedQuad(text);
    assert.equal(fast, general.ok && general.family === 'IPv4' && !('mappedIPv4' in general && general.mappedIPv4), text);
    assert.deepEqual(parseIpAddress(text), general, text);
    if (fast) plain++;
  }
  // Enough of both answers to mean something.
  assert.ok(plain > 1_000 && plain < 19_000, `${plain} plain dotted quads`);
});
