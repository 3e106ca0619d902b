import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, clusterSet, lintFull } from '../cidr/fixtures';

test('MCS708 flags a second Service range of the same family', () => {
  const ds = lintFull(clusterSet(`  clusters: [{name: east, serviceCIDRs: [10.96.0.0/16, 10.97.0.0/16]}]\n`), 'MCS708');
  assert.deepEqual(brief(ds), [['MCS708', 5, 55, 67, 1]]);
  assert.match(
    ds[0].message,
    /^serviceCIDRs of east has a second IPv4 range \(10\.97\.0\.0\/16\): kube-apiserver --service-cluster-ip-range accepts at most two ranges, one per family/,
  );
});

test('MCS708 accepts one range per family and flags a third range', () => {
  assert.deepEqual(
    lintFull(clusterSet(`  clusters: [{name: east, serviceCIDRs: [10.96.0.0/16, "fd00:96::/108"]}]\n`), 'MCS708'),
    [],
  );
  const ds = lintFull(
    clusterSet(`  clusters: [{name: east, serviceCIDRs: [10.96.0.0/16, "fd00:96::/108", "fd00:97::/108"]}]\n`),
    'MCS708',
  );
  assert.equal(ds.length, 1);
  assert.match(ds[0].message, /a second IPv6 range \(fd00:97::\/108\)/);
});
