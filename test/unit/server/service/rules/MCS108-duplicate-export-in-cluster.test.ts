import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const exp = (v: string) =>
  `apiVersion: multicluster.x-k8s.io/${v}\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n`;

test('MCS108 flags both duplicates in one file with related info', () => {
  const s = serviceWith({ 'a.yaml': `${exp('v1alpha1')}---\n${exp('v1beta1')}` });
  const d = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS108');
  assert.deepEqual(
    d.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character, x.severity]),
    [
      [2, 17, 20, 1],
      [6, 17, 20, 1],
    ],
  );
  assert.match(
    d[0].message,
    /Another ServiceExport shop\/web exists in this folder: .*whichever is applied last replaces the other/,
  );
  assert.equal(d[0].relatedInformation?.[0].location.range.start.line, 6);
});

test('MCS108 compares within a cluster across files, not across clusters', () => {
  const s = serviceWith({
    'clusters/east/a.yaml': exp('v1alpha1'),
    'clusters/east/b.yaml': exp('v1beta1'),
    'clusters/west/a.yaml': exp('v1alpha1'),
  });
  assert.match(diagnosticsOf(s, 'clusters/east/a.yaml', 'MCS108')[0].message, /exists in cluster east/);
  assert.deepEqual(diagnosticsOf(s, 'clusters/west/a.yaml', 'MCS108'), []);
  s.removeFile(uriOf('clusters/east/b.yaml'));
  assert.deepEqual(diagnosticsOf(s, 'clusters/east/a.yaml', 'MCS108'), []);
});

test('MCS108 ignores different names and clusterless files in different folders', () => {
  assert.deepEqual(lintOne(`${exp('v1alpha1')}---\n${exp('v1alpha1').replace('name: web', 'name: api')}`, 'MCS108'), []);
  const s = serviceWith({ 'prod/a.yaml': exp('v1alpha1'), 'staging/a.yaml': exp('v1alpha1') });
  assert.deepEqual(diagnosticsOf(s, 'prod/a.yaml', 'MCS108'), []);
});
