import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsAt, applyAction, brief, clusterSet, lintFull } from '../cidr/fixtures';

const text = clusterSet(
  `  clusters: [{name: east}, {name: west}, {name: central}]\n  services:\n  - name: web\n    namespace: shop\n    exportedFrom: [east, wset]\n    consumers: [mars]\n`,
);

test('MCS712 flags unknown cluster names in exportedFrom and consumers, suggesting a near name', () => {
  const ds = lintFull(text, 'MCS712');
  assert.deepEqual(brief(ds), [
    ['MCS712', 9, 25, 29, 2],
    ['MCS712', 10, 16, 20, 2],
  ]);
  assert.match(
    ds[0].message,
    /^Service shop\/web lists "wset" in exportedFrom, but no cluster of spec\.clusters has that name \(did you mean west\?\)/,
  );
  assert.doesNotMatch(ds[1].message, /did you mean/);
  const fix = actionsAt(text, ds[0]).find((a) => a.title === 'Change to west');
  assert.ok(fix);
  assert.equal(lintFull(applyAction(text, fix), 'MCS712').length, 1);
});
