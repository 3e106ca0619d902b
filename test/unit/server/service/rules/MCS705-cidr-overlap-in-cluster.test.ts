import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsAt, applyAction, brief, clusterSet, lintFull } from '../cidr/fixtures';

test('MCS705 reports pod and Service range of one cluster that overlap, even with globalnet', () => {
  const text = clusterSet(
    `  implementation: submariner\n  overlap: {mode: globalnet}\n  clusters: [{name: east, podCIDRs: [10.0.0.0/8], serviceCIDRs: [10.96.0.0/12]}]\n`,
  );
  const ds = lintFull(text, 'MCS705');
  assert.deepEqual(brief(ds), [
    ['MCS705', 7, 37, 47, 1],
    ['MCS705', 7, 65, 77, 1],
  ]);
  assert.match(
    ds[0].message,
    /^podCIDRs 10\.0\.0\.0\/8 of east contains serviceCIDRs 10\.96\.0\.0\/12 of east: the Service range must not overlap the pod range/,
  );
  assert.equal(lintFull(text, 'MCS703').length, 0);
  assert.equal(lintFull(text, 'MCS704').length, 0);
});

test('MCS705 reports two pod ranges of one cluster that overlap', () => {
  const ds = lintFull(clusterSet(`  clusters: [{name: east, podCIDRs: [10.10.0.0/16, 10.10.4.0/24]}]\n`), 'MCS705');
  assert.equal(ds.length, 2);
  assert.match(
    ds[1].message,
    /^podCIDRs 10\.10\.4\.0\/24 of east lies inside podCIDRs 10\.10\.0\.0\/16 of east: the pod IPAM can hand out the shared addresses twice/,
  );
});

test('MCS705 quick fix: a free /12 for the Service range that does not collide with the pod range', () => {
  const text = clusterSet(`  clusters: [{name: east, podCIDRs: [10.0.0.0/9], serviceCIDRs: [10.96.0.0/12]}]\n`);
  const ds = lintFull(text, 'MCS705');
  const fix = actionsAt(text, ds[1]).find((a) => a.title.startsWith('Replace'));
  assert.ok(fix);
  assert.equal(fix.title, 'Replace 10.96.0.0/12 with 10.128.0.0/12 (nearest free /12)');
  assert.deepEqual(lintFull(applyAction(text, fix), 'MCS705'), []);
});
