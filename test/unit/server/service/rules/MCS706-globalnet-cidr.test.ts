import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsAt, applyAction, brief, clusterSet, lintFull } from '../cidr/fixtures';

const globalnet = (clusters: string, pool = ''): string =>
  clusterSet(`  implementation: submariner\n  overlap:\n    mode: globalnet\n${pool}  clusters:\n${clusters}`);

test('MCS706: a globalCIDR inside another cluster’s globalCIDR, reported on both, with a fix from the pool', () => {
  const text = globalnet(
    '  - {name: east, podCIDRs: [10.244.0.0/16], globalCIDR: 242.0.0.0/16}\n  - {name: west, podCIDRs: [10.244.0.0/16], globalCIDR: 242.0.128.0/17}\n',
  );
  const ds = lintFull(text, 'MCS706');
  assert.deepEqual(brief(ds), [
    ['MCS706', 9, 56, 68, 1],
    ['MCS706', 10, 56, 70, 1],
  ]);
  assert.match(
    ds[1].message,
    /^globalCIDR 242\.0\.128\.0\/17 of west lies inside globalCIDR 242\.0\.0\.0\/16 of east: Globalnet gives both clusters global IPs/,
  );
  const fix = actionsAt(text, ds[1]).find((a) => a.title.startsWith('Replace'));
  assert.ok(fix);
  assert.equal(fix.title, 'Replace 242.0.128.0/17 with 242.1.0.0/17 (nearest free /17)');
  assert.deepEqual(lintFull(applyAction(text, fix), 'MCS706'), []);
});

test('MCS706: a globalCIDR overlapping a pod range, outside the pool, and a pool overlapping pod ranges', () => {
  const text = globalnet(
    '  - {name: east, podCIDRs: [242.1.0.0/16], globalCIDR: 242.1.0.0/16}\n  - {name: west, podCIDRs: [10.0.0.0/16], globalCIDR: 243.0.0.0/16}\n',
  );
  const ds = lintFull(text, 'MCS706');
  const messages = ds.map((d) => d.message);
  assert.equal(ds.length, 4);
  assert.match(
    messages[0],
    /^podCIDRs 242\.1\.0\.0\/16 of east is the same range as globalCIDR 242\.1\.0\.0\/16 of east: a global CIDR must not overlap pod or Service ranges \(submariner#2792\)/,
  );
  assert.match(
    messages[2],
    /^globalCIDR 243\.0\.0\.0\/16 of west lies outside the default Globalnet pool 242\.0\.0\.0\/8: .*ServiceGlobalIPUnavailable/,
  );
  assert.match(messages[3], /^the default Globalnet pool 242\.0\.0\.0\/8 overlaps podCIDRs 242\.1\.0\.0\/16 of east/);
  assert.deepEqual(brief([ds[3]]), [['MCS706', 7, 10, 19, 1]]);
  const outside = actionsAt(text, ds[2]).find((a) => a.title.startsWith('Replace'));
  assert.equal(outside?.title, 'Replace with 242.0.0.0/16 (free slice of 242.0.0.0/8)');
});

test('MCS706 honours overlap.globalnetCIDR and is silent without globalnet', () => {
  const clusters = '  - {name: east, podCIDRs: [10.1.0.0/16], globalCIDR: 169.254.0.0/16}\n';
  assert.deepEqual(lintFull(globalnet(clusters, '    globalnetCIDR: 169.254.0.0/16\n'), 'MCS706'), []);
  assert.equal(lintFull(globalnet(clusters), 'MCS706').length, 1);
  assert.deepEqual(lintFull(clusterSet(`  clusters:\n${clusters}`), 'MCS706'), []);
});
