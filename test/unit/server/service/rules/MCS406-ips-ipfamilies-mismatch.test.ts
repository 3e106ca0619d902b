import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const spec = (families: string, ips: string) =>
  `${HEAD}spec:\n  type: ClusterSetIP\n  ports: [{port: 80}]\n  ipFamilies: [${families}]\n  ips: [${ips}]\n`;
const at = (d: ReturnType<typeof lintOne>) => d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]);

test('MCS406 flags IPs in the wrong family order and suggests swapping', () => {
  const d = lintOne(spec('IPv6, IPv4', '10.0.0.1, "fd00::1"'), 'MCS406');
  assert.deepEqual(at(d), [
    [7, 8, 7, 16, 1],
    [7, 18, 7, 27, 1],
  ]);
  assert.match(d[0].message, /spec\.ips\[0\] is an IPv4 address but spec\.ipFamilies\[0\] is IPv6/);
  assert.match(d[0].message, /Swap the two ips or the two ipFamilies/);
});

test('MCS406 flags a count mismatch on the ips key', () => {
  const d = lintOne(spec('IPv4, IPv6', '10.0.0.1'), 'MCS406');
  assert.deepEqual(at(d), [[7, 2, 7, 5, 1]]);
  assert.match(d[0].message, /spec\.ips has 1 address but spec\.ipFamilies lists 2 families/);
});

test('MCS406 flags two addresses of one family, with or without ipFamilies', () => {
  const d = lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}], ips: [10.0.0.1, 10.0.0.2]}\n`, 'MCS406');
  assert.equal(d.length, 1);
  assert.match(d[0].message, /spec\.ips\[1\] is a second IPv4 address \(spec\.ips\[0\] is one too\)/);
  const withFamilies = lintOne(spec('IPv4, IPv4', '10.0.0.1, 10.0.0.2'), 'MCS406');
  assert.equal(withFamilies.length, 1, 'the duplicate family itself is MCS407');
});

test('MCS406 accepts matching families, a lone ipFamilies, and leaves bad IPs to MCS405', () => {
  assert.deepEqual(lintOne(spec('IPv4, IPv6', '10.0.0.1, "fd00::1"'), 'MCS406'), []);
  assert.deepEqual(lintOne(spec('IPv6', '"fd00::1"'), 'MCS406'), []);
  assert.deepEqual(lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}], ipFamilies: [IPv4]}\n`, 'MCS406'), []);
  assert.deepEqual(lintOne(spec('IPv4', 'not-an-ip'), 'MCS406'), []);
});
