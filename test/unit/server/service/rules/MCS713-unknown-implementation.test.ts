import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsAt, applyAction, brief, clusterSet, lintFull } from '../cidr/fixtures';

test('MCS713 flags an unknown implementation and fixes a near miss', () => {
  const text = clusterSet(`  implementation: Submariner-0.18\n  clusters: []\n`);
  const ds = lintFull(text, 'MCS713');
  assert.deepEqual(brief(ds), [['MCS713', 5, 18, 33, 1]]);
  assert.match(
    ds[0].message,
    /^Unknown implementation "Submariner-0\.18": Clusterset falls back to the clusterset\.implementation setting \(generic\)/,
  );
  const fix = actionsAt(text, ds[0]).find((a) => a.title === 'Change to submariner');
  assert.ok(fix);
  assert.deepEqual(lintFull(applyAction(text, fix), 'MCS713'), []);
});

test('MCS713 accepts every known implementation and a missing one', () => {
  for (const impl of ['generic', 'cilium', 'submariner', 'gke', 'istio', 'aws'])
    assert.deepEqual(lintFull(clusterSet(`  implementation: ${impl}\n`), 'MCS713'), []);
  assert.deepEqual(lintFull(clusterSet(`  clusters: []\n`), 'MCS713'), []);
});
