import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith, uriOf } from '../../../../helpers/lint';

const prop = (name: string, value: string) =>
  `apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata: {name: ${name}}\nspec: {value: ${value}}\n`;

test('MCS605 flags the same cluster id in two cluster folders, with related information', () => {
  const s = serviceWith({
    'clusters/east/id.yaml': prop('cluster.clusterset.k8s.io', 'prod'),
    'clusters/west/id.yaml': prop('cluster.clusterset.k8s.io', 'prod'),
  });
  const d = s.validate(uriOf('clusters/east/id.yaml')).diagnostics.filter((x) => x.code === 'MCS605');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, { start: { line: 3, character: 14 }, end: { line: 3, character: 18 } });
  assert.equal(d[0].severity, 1);
  assert.match(d[0].message, /"prod" of cluster east is also the id of west/);
  assert.equal(d[0].relatedInformation?.[0].location.uri, uriOf('clusters/west/id.yaml'));
  assert.equal(diagnosticsOf(s, 'clusters/west/id.yaml', 'MCS605').length, 1);
});

test('MCS605 flags a cluster claiming another ClusterSet member id', () => {
  const clusterSet =
    'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata: {name: prod}\nspec:\n  clusters:\n  - name: east\n  - name: west\n';
  const s = serviceWith({ 'clusterset.yaml': clusterSet, 'clusters/west/id.yaml': prop('cluster.clusterset.k8s.io', 'east') });
  const [d] = diagnosticsOf(s, 'clusters/west/id.yaml', 'MCS605');
  assert.match(d.message, /also the id of east/);
});

test('MCS605 warns when the clusterset id differs from the ClusterSet file or from another cluster', () => {
  const clusterSet =
    'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata: {name: prod}\nspec: {clusters: [{name: east}]}\n';
  const s = serviceWith({ 'clusterset.yaml': clusterSet, 'clusters/east/set.yaml': prop('clusterset.k8s.io', 'staging') });
  const [d] = diagnosticsOf(s, 'clusters/east/set.yaml', 'MCS605');
  assert.equal(d.severity, 2);
  assert.match(d.message, /"staging" of cluster east differs from the ClusterSet file's name "prod"/);
  const t = serviceWith({
    'clusters/east/set.yaml': prop('clusterset.k8s.io', 'prod'),
    'clusters/west/set.yaml': prop('clusterset.k8s.io', 'prd'),
  });
  assert.match(diagnosticsOf(t, 'clusters/east/set.yaml', 'MCS605')[0].message, /differs from other clusters/);
});

test('MCS605 accepts distinct cluster ids and one clusterset id', () => {
  const s = serviceWith({
    'clusters/east/id.yaml': `${prop('cluster.clusterset.k8s.io', 'east')}---\n${prop('clusterset.k8s.io', 'prod')}`,
    'clusters/west/id.yaml': `${prop('cluster.clusterset.k8s.io', 'west')}---\n${prop('clusterset.k8s.io', 'prod')}`,
  });
  assert.deepEqual(diagnosticsOf(s, 'clusters/east/id.yaml', 'MCS605'), []);
  assert.deepEqual(diagnosticsOf(s, 'clusters/west/id.yaml', 'MCS605'), []);
});
