import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, clusterSet, lintFull } from '../cidr/fixtures';

const spec = (impl: string): string =>
  clusterSet(
    `  implementation: ${impl}\n  cilium: {ipv4NativeRoutingCIDR: 10.10.0.0/16}\n  clusters:\n  - {name: east, podCIDRs: [10.10.0.0/16]}\n  - {name: west, podCIDRs: [10.20.0.0/16, "fd00:20::/56"]}\n`,
  );

test('MCS710 flags a pod range outside the native-routing CIDR, with the CIDR as related location', () => {
  const ds = lintFull(spec('cilium'), 'MCS710');
  assert.deepEqual(brief(ds), [['MCS710', 9, 28, 40, 2]]);
  assert.match(
    ds[0].message,
    /^podCIDRs 10\.20\.0\.0\/16 of west is outside ipv4NativeRoutingCIDR 10\.10\.0\.0\/16: in native-routing mode Cilium masquerades/,
  );
  assert.deepEqual(ds[0].relatedInformation?.[0].location.range.start, { line: 6, character: 34 });
});

test('MCS710 only applies to cilium', () => {
  assert.deepEqual(lintFull(spec('submariner'), 'MCS710'), []);
});
