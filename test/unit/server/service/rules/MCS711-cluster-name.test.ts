import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, clusterSet, lintFull } from '../cidr/fixtures';

test('MCS711 flags a missing name, a non-DNS-label name, a too-long name and a duplicate', () => {
  const long = 'a'.repeat(64);
  const text = clusterSet(
    `  clusters:\n  - {podCIDRs: [10.1.0.0/16]}\n  - {name: East_1}\n  - {name: ${long}}\n  - {name: west}\n  - {name: west}\n`,
  );
  const ds = lintFull(text, 'MCS711');
  assert.deepEqual(brief(ds), [
    ['MCS711', 6, 4, 29, 1],
    ['MCS711', 7, 11, 17, 1],
    ['MCS711', 8, 11, 75, 1],
    ['MCS711', 10, 11, 15, 1],
  ]);
  assert.match(ds[0].message, /^clusters\[0\] has no name/);
  assert.match(ds[1].message, /^Cluster name "East_1" is not a DNS label/);
  assert.match(ds[2].message, /is 64 characters long \(a DNS label has at most 63\)/);
  assert.match(ds[3].message, /^Cluster name "west" is used twice/);
  assert.equal(ds[3].relatedInformation?.[0].location.range.start.line, 9);
});

test('MCS711 accepts unique DNS-label names of up to 63 characters', () => {
  assert.deepEqual(lintFull(clusterSet(`  clusters:\n  - {name: east-1}\n  - {name: ${'b'.repeat(63)}}\n`), 'MCS711'), []);
});
