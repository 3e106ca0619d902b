import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeClusterSet, MAX_PAIRS, ruleForPair } from '../../../../../server/src/service/cidr/analysis';
import type { CidrField } from '../../../../../server/src/service/model/clusterSet';
import { parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';
import { clusterSet, lintFull } from './fixtures';

const field = (role: CidrField['role'], clusterIndex: number): CidrField => ({ role, clusterIndex, text: '', path: [] });

test('ruleForPair sorts every kind of pair into its rule', () => {
  assert.equal(ruleForPair(field('podCIDRs', 0), field('podCIDRs', 1)), 'MCS703');
  assert.equal(ruleForPair(field('serviceCIDRs', 0), field('serviceCIDRs', 1)), 'MCS704');
  assert.equal(ruleForPair(field('podCIDRs', 0), field('serviceCIDRs', 1)), 'MCS704');
  assert.equal(ruleForPair(field('podCIDRs', 0), field('serviceCIDRs', 0)), 'MCS705');
  assert.equal(ruleForPair(field('podCIDRs', 0), field('podCIDRs', 0)), 'MCS705');
  assert.equal(ruleForPair(field('globalCIDR', 0), field('globalCIDR', 1)), 'MCS706');
  assert.equal(ruleForPair(field('globalCIDR', 0), field('podCIDRs', 0)), 'MCS706');
});

test('analysis is computed once per parsed document and shared by the rules', () => {
  const doc = parseDocumentText(
    clusterSet(`  clusters: [{name: east, podCIDRs: [10.0.0.0/8]}, {name: west, podCIDRs: [10.1.0.0/16]}]\n`),
  );
  const a = analyzeClusterSet(doc);
  assert.equal(analyzeClusterSet(doc), a);
  assert.deepEqual(
    [...a.partners.MCS703.entries()],
    [
      [0, [1]],
      [1, [0]],
    ],
  );
});

test('thousands of identical ranges: beyond MAX_PAIRS every range is still reported once, with the exact count', () => {
  const n = 700; // 244,650 pairs > MAX_PAIRS
  assert.ok((n * (n - 1)) / 2 > MAX_PAIRS);
  const items = Array.from({ length: n }, (_, i) => `  - {name: c${i}, podCIDRs: [10.244.0.0/16]}`).join('\n');
  const ds = lintFull(clusterSet(`  implementation: cilium\n  clusters:\n${items}\n`), 'MCS703');
  assert.equal(ds.length, n);
  for (const d of ds)
    assert.match(d.message, / \(and 698 more overlapping ranges\): Cilium ClusterMesh requires unique PodCIDRs/);
  assert.equal(ds[0].relatedInformation?.length, 5);
});
