import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, clusterSet, lintFull } from '../cidr/fixtures';

test('MCS707 reports the IPv6-only cluster when the others are IPv4-only, pointing at them', () => {
  const text = clusterSet(
    `  clusters:\n  - {name: east, podCIDRs: ["fd00:10::/56"], serviceCIDRs: ["fd00:96::/108"]}\n  - {name: west, podCIDRs: [10.20.0.0/16], serviceCIDRs: [10.96.0.0/16]}\n`,
  );
  const ds = lintFull(text, 'MCS707');
  assert.deepEqual(brief(ds), [['MCS707', 6, 11, 15, 2]]);
  assert.match(ds[0].message, /^Cluster east is IPv6-only while west is IPv4-only: .*IPFamilyConflict/);
  assert.equal(ds[0].relatedInformation?.[0].location.range.start.line, 7);
});

test('MCS707 is silent when a dual-stack cluster bridges, or all share a family', () => {
  assert.deepEqual(
    lintFull(
      clusterSet(
        `  clusters:\n  - {name: east, podCIDRs: [10.1.0.0/16, "fd00:1::/56"]}\n  - {name: west, podCIDRs: [10.2.0.0/16]}\n`,
      ),
      'MCS707',
    ),
    [],
  );
});

test('MCS707 flags a dual-stack podCIDRs list with two ranges of one family (not on cilium)', () => {
  const spec = (impl: string): string =>
    clusterSet(`  implementation: ${impl}\n  clusters:\n  - {name: east, podCIDRs: [10.1.0.0/16, "fd00:1::/56", 10.2.0.0/16]}\n`);
  const ds = lintFull(spec('generic'), 'MCS707');
  assert.deepEqual(brief(ds), [['MCS707', 7, 56, 67, 1]]);
  assert.match(
    ds[0].message,
    /second IPv4 range \(10\.2\.0\.0\/16\): kube-controller-manager --cluster-cidr accepts one range per family/,
  );
  assert.deepEqual(lintFull(spec('cilium'), 'MCS707'), []);
});
