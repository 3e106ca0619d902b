import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith, uriOf } from '../../../../helpers/lint';

const exportText = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const prop = (name: string, value: string) =>
  `apiVersion: about.k8s.io/v1alpha1\nkind: ClusterProperty\nmetadata: {name: ${name}}\nspec: {value: ${value}}\n`;

test('MCS607 warns in the aws profile when a cluster folder has no ClusterProperty, with a new-file fix', () => {
  const s = serviceWith(
    { 'clusters/east/web.yaml': exportText, 'clusters/west/id.yaml': prop('cluster.clusterset.k8s.io', 'west') },
    { implementation: 'aws' },
  );
  const d = s.validate(uriOf('clusters/east/web.yaml')).diagnostics.filter((x) => x.code === 'MCS607');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  assert.equal(d[0].severity, 2);
  assert.match(
    d[0].message,
    /Cluster east has no ClusterProperty cluster\.clusterset\.k8s\.io or clusterset\.k8s\.io: .*"ClusterProperty not found"/,
  );
  const fix = s
    .codeActions(uriOf('clusters/east/web.yaml'), d[0].range, d)
    .find((a) => a.title.startsWith('Create ClusterProperty'));
  const create = fix?.edit?.documentChanges?.[0];
  assert.deepEqual(create, {
    kind: 'create',
    uri: uriOf('clusters/east/cluster-properties.yaml'),
    options: { ignoreIfExists: true },
  });
});

test('MCS607 names only the missing property, and is quiet when both exist or outside aws', () => {
  const s = serviceWith(
    { 'clusters/east/web.yaml': exportText, 'clusters/east/id.yaml': prop('cluster.clusterset.k8s.io', 'east') },
    { implementation: 'aws' },
  );
  assert.match(diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS607')[0].message, /no ClusterProperty clusterset\.k8s\.io:/);
  const full = serviceWith(
    {
      'clusters/east/web.yaml': exportText,
      'clusters/east/id.yaml': `${prop('cluster.clusterset.k8s.io', 'east')}---\n${prop('clusterset.k8s.io', 'prod')}`,
    },
    { implementation: 'aws' },
  );
  assert.deepEqual(diagnosticsOf(full, 'clusters/east/web.yaml', 'MCS607'), []);
  assert.deepEqual(diagnosticsOf(serviceWith({ 'clusters/east/web.yaml': exportText }), 'clusters/east/web.yaml', 'MCS607'), []);
});
