import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith, uriOf } from '../../../../helpers/lint';

const exp = (spec: string) =>
  `apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n${spec}`;

test('MCS205 reports differing exportedLabels on both exports with related info', () => {
  const s = serviceWith({
    'clusters/east/export.yaml': exp('spec:\n  exportedLabels: {tier: gold}\n'),
    'clusters/west/export.yaml': exp('spec:\n  exportedLabels: {tier: silver}\n'),
  });
  const east = diagnosticsOf(s, 'clusters/east/export.yaml', 'MCS205');
  assert.deepEqual(
    east.map((d) => [d.line, d.character, d.severity]),
    [[4, 18, 2]],
  );
  assert.match(
    east[0].message,
    /exportedLabels \{tier: gold\} in cluster east but \{tier: silver\} in cluster west: .*LabelsConflict/,
  );
  const related = s.validate(uriOf('clusters/west/export.yaml')).diagnostics.find((d) => d.code === 'MCS205')?.relatedInformation;
  assert.equal(related?.[0].location.uri, uriOf('clusters/east/export.yaml'));
  s.setFile(uriOf('clusters/west/export.yaml'), exp('spec:\n  exportedLabels: {tier: gold}\n'), 2);
  assert.deepEqual(diagnosticsOf(s, 'clusters/east/export.yaml', 'MCS205'), []);
});

test('MCS205 reports annotations set on one side only', () => {
  const s = serviceWith({
    'clusters/east/export.yaml': exp('spec:\n  exportedAnnotations: {owner: shop}\n'),
    'clusters/west/export.yaml': exp(''),
  });
  const west = diagnosticsOf(s, 'clusters/west/export.yaml', 'MCS205');
  assert.deepEqual(
    west.map((d) => [d.line, d.character]),
    [[2, 17]],
  );
  assert.match(
    west[0].message,
    /exportedAnnotations \{\} in cluster west but \{owner: shop\} in cluster east: .*AnnotationsConflict/,
  );
});
