import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, clusterSet, lintFull } from '../cidr/fixtures';

test('MCS714 flags an unknown mode and Globalnet fields without globalnet', () => {
  const text = clusterSet(
    `  overlap: {mode: natted, globalnetCIDR: 242.0.0.0/8}\n  clusters: [{name: east, globalCIDR: 242.1.0.0/16}]\n`,
  );
  const ds = lintFull(text, 'MCS714');
  assert.deepEqual(brief(ds), [
    ['MCS714', 5, 18, 24, 1],
    ['MCS714', 5, 26, 39, 2],
    ['MCS714', 6, 26, 36, 2],
  ]);
  assert.match(ds[0].message, /^Unknown overlap\.mode "natted"/);
  assert.match(
    ds[1].message,
    /^globalnetCIDR 242\.0\.0\.0\/8 is ignored: Globalnet fields apply only with overlap\.mode: globalnet \(mode is none\)/,
  );
});

test('MCS714 flags globalnet without submariner and multi-network without istio', () => {
  const g = lintFull(clusterSet(`  implementation: cilium\n  overlap: {mode: globalnet}\n`), 'MCS714');
  assert.equal(g.length, 1);
  assert.match(g[0].message, /globalnet is a Submariner feature, but the implementation is cilium/);
  const m = lintFull(clusterSet(`  implementation: submariner\n  overlap: {mode: multi-network}\n`), 'MCS714');
  assert.match(m[0].message, /multi-network describes Istio east-west gateways, but the implementation is submariner/);
  assert.deepEqual(
    lintFull(
      clusterSet(
        `  implementation: submariner\n  overlap: {mode: globalnet, globalnetCIDR: 242.0.0.0/8}\n  clusters: [{name: east, globalCIDR: 242.1.0.0/16}]\n`,
      ),
      'MCS714',
    ),
    [],
  );
});
