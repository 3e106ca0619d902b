import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsAt, applyAction, brief, clusterSet, lintFull } from '../cidr/fixtures';

const spec = (impl: string, extra = ''): string =>
  clusterSet(
    `  implementation: ${impl}\n${extra}  clusters:\n  - {name: east, podCIDRs: [10.10.0.0/16], serviceCIDRs: [10.96.0.0/12]}\n  - {name: west, podCIDRs: [10.20.0.0/16], serviceCIDRs: [10.100.0.0/16]}\n`,
  );

test('MCS704 reports Service ranges of two clusters that overlap, on both sides', () => {
  const ds = lintFull(spec('submariner'), 'MCS704');
  assert.deepEqual(brief(ds), [
    ['MCS704', 7, 58, 70, 1],
    ['MCS704', 8, 58, 71, 1],
  ]);
  assert.match(
    ds[1].message,
    /^serviceCIDRs 10\.100\.0\.0\/16 of west lies inside serviceCIDRs 10\.96\.0\.0\/12 of east: .*Submariner without Globalnet refuses to join.*or switch to Globalnet\.$/,
  );
  assert.equal(ds[0].relatedInformation?.[0].location.range.start.line, 8);
});

test('MCS704 is a hint for cilium Service↔Service overlap and with globalnet', () => {
  assert.deepEqual(
    lintFull(spec('cilium'), 'MCS704').map((d) => d.severity),
    [4, 4],
  );
  assert.match(lintFull(spec('cilium'), 'MCS704')[0].message, /impact unverified/);
  assert.deepEqual(
    lintFull(spec('submariner', '  overlap: {mode: globalnet}\n'), 'MCS704').map((d) => d.severity),
    [4, 4],
  );
});

test('MCS704 reports a pod range of one cluster inside the Service range of another as an error, even on cilium', () => {
  const text = clusterSet(
    `  implementation: cilium\n  clusters:\n  - {name: east, podCIDRs: [10.96.0.0/16], serviceCIDRs: [10.50.0.0/16]}\n  - {name: west, podCIDRs: [10.20.0.0/16], serviceCIDRs: [10.96.0.0/12]}\n`,
  );
  const ds = lintFull(text, 'MCS704');
  assert.deepEqual(
    ds.map((d) => d.severity),
    [1, 1],
  );
  assert.match(
    ds[0].message,
    /^podCIDRs 10\.96\.0\.0\/16 of east lies inside serviceCIDRs 10\.96\.0\.0\/12 of west: a pod IP of one cluster is a Service ClusterIP in the other/,
  );
});

test('MCS704 quick fix moves the range to a free one that collides with nothing', () => {
  const text = spec('generic');
  const ds = lintFull(text, 'MCS704');
  const fix = actionsAt(text, ds[1]).find((a) => a.title.startsWith('Replace'));
  assert.ok(fix);
  assert.equal(
    fix.title,
    'Replace 10.100.0.0/16 with 10.95.0.0/16 (nearest free /16)',
    '10.96.0.0/12 spans 10.96-10.111: 10.95 is 5 /16s away, 10.112 is 12',
  );
  const after = applyAction(text, fix);
  assert.deepEqual(
    lintFull(after).filter((d) => /^MCS70[3-6]$/.test(String(d.code))),
    [],
  );
});
