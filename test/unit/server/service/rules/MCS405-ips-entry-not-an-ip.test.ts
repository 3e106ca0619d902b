import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const withIps = (...ips: string[]) =>
  `${HEAD}spec:\n  type: ClusterSetIP\n  ports: [{port: 80}]\n  ips:\n${ips.map((ip) => `  - ${ip}\n`).join('')}`;
const at = (d: ReturnType<typeof lintOne>) => d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]);

test('MCS405 flags a CIDR in ips and says why', () => {
  const d = lintOne(withIps('10.0.0.0/24'), 'MCS405');
  assert.deepEqual(at(d), [[7, 4, 7, 15, 1]]);
  assert.match(d[0].message, /spec\.ips\[0\] "10\.0\.0\.0\/24" is not an IP address: it has a CIDR suffix/);
  assert.match(d[0].message, /web\.shop\.svc\.clusterset\.local|<svc>\.<ns>\.svc\.clusterset\.local/);
});

test('MCS405 flags hostnames, legacy IPv4 forms and zones, one finding per bad entry', () => {
  const d = lintOne(withIps('10.0.0.1', 'web.example.com', '"10.1"', '0x0a.0.0.1', '"fe80::1%eth0"', '"fd00::1"'), 'MCS405');
  assert.deepEqual(
    d.map((x) => x.line),
    [8, 9, 10, 11],
  );
  assert.match(d[0].message, /looks like a hostname/);
  assert.match(d[1].message, /4 dot-separated numbers, this has 2/);
  assert.match(d[2].message, /not a dotted-quad/);
  assert.match(d[3].message, /IPv6 zone/);
});

test('MCS405 flags non-string entries', () => {
  const d = lintOne(withIps('12'), 'MCS405');
  assert.match(d[0].message, /spec\.ips\[0\] is number 12, not an IP address string/);
});

test('MCS405 offers the plain IPv4 form of an IPv4-mapped address, and dropping a /32', () => {
  const s = serviceWith({ 'a.yaml': withIps('"::ffff:10.0.0.1"', '10.0.0.7/32') });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS405');
  assert.equal(diags.length, 2);
  assert.match(diags[0].message, /IPv4-mapped IPv6 address: Kubernetes treats it as the IPv4 address 10\.0\.0\.1/);
  const mapped = s.codeActions(uriOf('a.yaml'), diags[0].range, [diags[0]]).find((a) => a.title === 'Change to 10.0.0.1');
  assert.deepEqual(mapped?.edit?.changes?.[uriOf('a.yaml')], [
    { range: { start: { line: 7, character: 4 }, end: { line: 7, character: 21 } }, newText: '10.0.0.1' },
  ]);
  const prefix = s
    .codeActions(uriOf('a.yaml'), diags[1].range, [diags[1]])
    .find((a) => a.title.startsWith('Drop the prefix length'));
  assert.equal(prefix?.isPreferred, false);
  assert.equal(prefix?.edit?.changes?.[uriOf('a.yaml')][0].newText, '10.0.0.7');
});

test('MCS405 accepts IPv4 and IPv6 addresses', () => {
  assert.deepEqual(lintOne(withIps('10.42.0.10', '"fd00::10"', '2001:db8::1'), 'MCS405'), []);
});
