import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const withIps = (ips: string) => `${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}], ips: [${ips}]}\n`;
const at = (d: ReturnType<typeof lintOne>) => d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]);

test('MCS404 flags a third IP on the first entry past the limit', () => {
  const d = lintOne(withIps('10.0.0.1, 10.0.0.2, "fd00::1"'), 'MCS404');
  assert.deepEqual(at(d), [[3, 74, 3, 83, 1]]);
  assert.match(d[0].message, /spec\.ips has 3 entries but the CRD allows at most 2 .*API server rejects/);
});

test('MCS404 allows only one IP with the v0.1.0 CRDs', () => {
  const d = lintOne(withIps('10.0.0.1, "fd00::1"'), 'MCS404', { crdVersion: 'v0.1.0' });
  assert.deepEqual(at(d), [[3, 64, 3, 73, 1]]);
  assert.match(d[0].message, /mcs-api v0\.1\.0 CRD allows 1 entry/);
  assert.deepEqual(lintOne(withIps('10.0.0.1, "fd00::1"'), 'MCS404', { crdVersion: 'v0.4.1' }), []);
});

test('MCS404 is a Hint in the aws profile, whose own CRD has no maxItems', () => {
  const d = lintOne(withIps('10.0.0.1, 10.0.0.2, 10.0.0.3'), 'MCS404', { implementation: 'aws' });
  assert.deepEqual(
    d.map((x) => x.severity),
    [4],
  );
  assert.match(d[0].message, /AWS controller's own CRD has no limit/);
});

test('MCS404 accepts two IPs and no IPs', () => {
  assert.deepEqual(lintOne(withIps('10.0.0.1, "fd00::1"'), 'MCS404'), []);
  assert.deepEqual(lintOne(withIps(''), 'MCS404'), []);
});
