import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsAt, applyAction, brief, clusterSet, lintFull } from '../cidr/fixtures';

test('MCS702 flags host bits and the quick fix writes the canonical prefix', () => {
  const text = clusterSet(`  clusters:\n  - {name: east, serviceCIDRs: [10.96.5.0/16], podCIDRs: ["fd00:10::1/64"]}\n`);
  const ds = lintFull(text, 'MCS702');
  assert.deepEqual(brief(ds), [
    ['MCS702', 6, 32, 44, 2],
    ['MCS702', 6, 58, 73, 2],
  ]);
  assert.match(ds[0].message, /^serviceCIDRs 10\.96\.5\.0\/16 has host bits set: .* read it as 10\.96\.0\.0\/16/);
  const fix = actionsAt(text, ds[0]).find((a) => a.title === 'Change to 10.96.0.0/16');
  assert.ok(fix);
  const after = applyAction(text, fix);
  assert.match(after, /serviceCIDRs: \[10\.96\.0\.0\/16\]/);
  const v6 = actionsAt(text, ds[1]).find((a) => a.title === 'Change to fd00:10::/64');
  assert.ok(v6);
  assert.deepEqual(lintFull(applyAction(applyAction(text, fix), v6), 'MCS702'), []);
});

test('MCS702 is silent for canonical prefixes, /32 and /128', () => {
  assert.deepEqual(
    lintFull(clusterSet(`  clusters:\n  - {name: east, podCIDRs: [10.10.0.0/16, 10.1.2.3/32, "fd00::1/128"]}\n`), 'MCS702'),
    [],
  );
});
