import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, clusterSet, lintFull } from '../cidr/fixtures';

test('MCS701 flags a /33 with the exact range and leaves the range out of overlap checks', () => {
  const text = clusterSet(
    `  clusters:\n  - {name: east, podCIDRs: [10.10.0.0/33]}\n  - {name: west, podCIDRs: [10.10.0.0/16]}\n`,
  );
  const ds = lintFull(text, 'MCS701');
  assert.deepEqual(brief(ds), [['MCS701', 6, 28, 40, 1]]);
  assert.match(
    ds[0].message,
    /^podCIDRs "10\.10\.0\.0\/33" is not a valid CIDR: prefix length \/33 is larger than \/32\. Kubernetes and the CNI reject it/,
  );
  assert.deepEqual(lintFull(text, 'MCS703'), []);
});

test('MCS701 checks IPv6 prefix, a missing prefix, a lone scalar, globalnetCIDR and the native-routing CIDR', () => {
  const text = clusterSet(
    `  overlap: {mode: globalnet, globalnetCIDR: 242.0.0.0}\n  cilium: {ipv4NativeRoutingCIDR: 10.0.0.0/40}\n  clusters:\n  - name: east\n    podCIDRs: ["fd00::/129"]\n    serviceCIDRs: 10.96.0\n`,
  );
  const ds = lintFull(text, 'MCS701');
  assert.deepEqual(brief(ds), [
    ['MCS701', 9, 15, 27, 1],
    ['MCS701', 10, 18, 25, 1],
    ['MCS701', 5, 44, 53, 1],
    ['MCS701', 6, 34, 45, 1],
  ]);
  assert.match(ds[0].message, /larger than \/128/);
  assert.match(ds[1].message, /no prefix length/);
  assert.match(ds[2].message, /^globalnetCIDR "242\.0\.0\.0" is not a valid CIDR/);
  assert.match(ds[3].message, /^ipv4NativeRoutingCIDR "10\.0\.0\.0\/40"/);
});

test('MCS701 accepts valid IPv4 and IPv6 ranges', () => {
  assert.deepEqual(
    lintFull(
      clusterSet(
        `  clusters:\n  - {name: east, podCIDRs: [10.10.0.0/16, "fd00:10::/56"], serviceCIDRs: [10.96.0.0/16, "fd00:96::/108"]}\n`,
      ),
      'MCS701',
    ),
    [],
  );
});
