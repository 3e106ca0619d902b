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
    /Another ServiceExport shop\/web exists in this file \(a file is applied to one cluster; .*whichever is applied last replaces the other/,
  );
  assert.equal(d[0].relatedInformation?.[0].location.range.start.line, 6);
});

test('MCS108 compares within a cluster across files, not across clusters', () => {
  const s = serviceWith({
    'clusters/east/a.yaml': exp('v1alpha1'),
    'clusters/east/b.yaml': exp('v1beta1'),
    'clusters/west/a.yaml': exp('v1alpha1'),
  });
  assert.match(
    diagnosticsOf(s, 'clusters/east/a.yaml', 'MCS108')[0].message,
    /exists in cluster east \(the folder clusters\/east\/\)/,
  );
  assert.deepEqual(diagnosticsOf(s, 'clusters/west/a.yaml', 'MCS108'), []);
  s.removeFile(uriOf('clusters/east/b.yaml'));
  assert.deepEqual(diagnosticsOf(s, 'clusters/east/a.yaml', 'MCS108'), []);
});

test('MCS108 ignores different names and clusterless files in different folders', () => {
  assert.deepEqual(lintOne(`${exp('v1alpha1')}---\n${exp('v1alpha1').replace('name: web', 'name: api')}`, 'MCS108'), []);
  const s = serviceWith({ 'prod/a.yaml': exp('v1alpha1'), 'staging/a.yaml': exp('v1alpha1') });
  assert.deepEqual(diagnosticsOf(s, 'prod/a.yaml', 'MCS108'), []);
});

test('MCS108: two files of one folder are not one cluster (kubectl --context applies each to its own)', () => {
  const s = serviceWith({ 'bg/cluster-blue-app.yaml': exp('v1alpha1'), 'bg/cluster-green-app.yaml': exp('v1alpha1') });
  assert.deepEqual(diagnosticsOf(s, 'bg/cluster-blue-app.yaml', 'MCS108'), []);
});

test('MCS108: ClusterSet paths put files of one folder into one cluster, and the message says so', () => {
  const clusterSet = [
    'apiVersion: clusterset.dev/v1alpha1',
    'kind: ClusterSet',
    'metadata: {name: cs}',
    'spec:',
    '  clusters:',
    '    - name: gke-1',
    '      paths: [gke-1/**, "shared/{a,b}.yaml"]',
    '    - name: gke-2',
    '      paths: [gke-2]',
    '',
  ].join('\n');
  const s = serviceWith({
    'clusterset.yaml': clusterSet,
    'shared/a.yaml': exp('v1alpha1'),
    'shared/b.yaml': exp('v1alpha1'),
    'gke-2/c.yaml': exp('v1alpha1'),
  });
  const d = diagnosticsOf(s, 'shared/a.yaml', 'MCS108');
  assert.equal(d.length, 1);
  assert.match(d[0].message, /exists in cluster gke-1 \(paths shared\/\{a,b\}\.yaml in \/workspace\/clusterset\.yaml\)/);
  assert.deepEqual(diagnosticsOf(s, 'gke-2/c.yaml', 'MCS108'), []);
  // Dropping the mapping re-places the files: no cluster, so no claim across files.
  s.setFile(uriOf('clusterset.yaml'), clusterSet.replace(/ {6}paths: .*\n/g, ''), 2);
  assert.deepEqual(diagnosticsOf(s, 'shared/a.yaml', 'MCS108'), []);
});
