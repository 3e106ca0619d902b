import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsAt, applyAction, brief, clusterSet, CS_URI, lintFull } from '../cidr/fixtures';

const clusters = `  clusters:
  - name: east
    podCIDRs: [10.10.0.0/16]
    serviceCIDRs: [10.96.0.0/16]
  - name: central
    podCIDRs: [10.10.128.0/17]
    serviceCIDRs: [10.97.0.0/16]
  - name: west
    podCIDRs: [10.20.0.0/16]
    serviceCIDRs: [10.98.0.0/16]
`;

test('MCS703 reports both ranges, names both sides and points at the other range', () => {
  const ds = lintFull(clusterSet(`  implementation: cilium\n${clusters}`), 'MCS703');
  assert.deepEqual(brief(ds), [
    ['MCS703', 8, 15, 27, 1],
    ['MCS703', 11, 15, 29, 1],
  ]);
  assert.match(
    ds[1].message,
    /^podCIDRs 10\.10\.128\.0\/17 of central lies inside podCIDRs 10\.10\.0\.0\/16 of east: Cilium ClusterMesh requires unique PodCIDRs/,
  );
  assert.match(ds[0].message, /^podCIDRs 10\.10\.0\.0\/16 of east contains podCIDRs 10\.10\.128\.0\/17 of central/);
  assert.deepEqual(ds[0].relatedInformation, [
    {
      location: { uri: CS_URI, range: { start: { line: 11, character: 15 }, end: { line: 11, character: 29 } } },
      message: 'podCIDRs 10.10.128.0/17 of central lies inside podCIDRs 10.10.0.0/16 of east',
    },
  ]);
  assert.deepEqual(ds[1].relatedInformation?.[0].location.range, {
    start: { line: 8, character: 15 },
    end: { line: 8, character: 27 },
  });
});

test('MCS703 is silent for adjacent, non-overlapping pod ranges', () => {
  const text = clusterSet(
    `  clusters:\n  - {name: east, podCIDRs: [10.10.0.0/17]}\n  - {name: west, podCIDRs: [10.10.128.0/17]}\n`,
  );
  assert.deepEqual(lintFull(text, 'MCS703'), []);
});

test('MCS703 counts further overlaps and keeps at most five related locations', () => {
  const items = Array.from({ length: 8 }, (_, i) => `  - {name: c${i}, podCIDRs: [10.244.0.0/16]}`).join('\n');
  const ds = lintFull(clusterSet(`  clusters:\n${items}\n`), 'MCS703');
  assert.equal(ds.length, 8);
  assert.match(
    ds[0].message,
    /^podCIDRs 10\.244\.0\.0\/16 of c0 is the same range as podCIDRs 10\.244\.0\.0\/16 of c1 \(and 6 more overlapping ranges\)/,
  );
  assert.equal(ds[0].relatedInformation?.length, 5);
});

test('MCS703 is a hint with overlap.mode globalnet or multi-network', () => {
  for (const [impl, mode, why] of [
    ['submariner', 'globalnet', /allowed with overlap\.mode globalnet/],
    ['istio', 'multi-network', /allowed with overlap\.mode multi-network: Istio/],
  ] as const) {
    const ds = lintFull(clusterSet(`  implementation: ${impl}\n  overlap:\n    mode: ${mode}\n${clusters}`), 'MCS703');
    assert.deepEqual(
      ds.map((d) => d.severity),
      [4, 4],
    );
    assert.match(ds[0].message, why);
  }
});

test('MCS703 quick fix: nearest free /16 of 10.0.0.0/8; after applying it nothing overlaps', () => {
  const text = clusterSet(`  implementation: cilium\n${clusters}`);
  const [d] = lintFull(text, 'MCS703');
  const fix = actionsAt(text, d).find((a) => a.title.startsWith('Replace'));
  assert.ok(fix);
  assert.equal(fix.title, 'Replace 10.10.0.0/16 with 10.11.0.0/16 (nearest free /16)', 'tie between 10.9 and 10.11: the higher');
  assert.equal(fix.isPreferred, true);
  const after = applyAction(text, fix);
  assert.match(after, /podCIDRs: \[10\.11\.0\.0\/16\]/);
  const left = lintFull(after).filter((x) => ['MCS703', 'MCS704', 'MCS705', 'MCS706'].includes(String(x.code)));
  assert.deepEqual(left, []);
});

test('MCS703 with submariner offers "Switch to Globalnet"; applying it leaves only hints and valid global CIDRs', () => {
  const text = clusterSet(`  implementation: submariner\n${clusters}`);
  const [d] = lintFull(text, 'MCS703');
  const fix = actionsAt(text, d).find((a) => a.title.startsWith('Switch to Globalnet'));
  assert.ok(fix);
  assert.equal(fix.title, 'Switch to Globalnet (overlap.mode: globalnet, a globalCIDR from 242.0.0.0/8 for 3 clusters)');
  const after = applyAction(text, fix);
  assert.match(after, /\n {2}implementation: submariner\n {2}overlap:\n {4}mode: globalnet\n/);
  assert.match(after, /- name: east\n {4}globalCIDR: 242\.0\.0\.0\/16\n/);
  assert.match(after, /- name: west\n {4}globalCIDR: 242\.2\.0\.0\/16\n/);
  const all = lintFull(after);
  assert.deepEqual(
    all.filter((x) => x.severity !== 4),
    [],
    'no errors or warnings left',
  );
  assert.deepEqual(
    brief(all.filter((x) => x.code === 'MCS703')).map((b) => b[4]),
    [4, 4],
  );
});

test('MCS703 can be suppressed on the line', () => {
  const text = clusterSet(
    `  clusters:\n  - name: east\n    # clusterset-disable-next-line MCS703\n    podCIDRs: [10.10.0.0/16]\n  - name: west\n    podCIDRs: [10.10.0.0/16]\n`,
  );
  assert.deepEqual(brief(lintFull(text, 'MCS703')), [['MCS703', 10, 15, 27, 1]]);
});
