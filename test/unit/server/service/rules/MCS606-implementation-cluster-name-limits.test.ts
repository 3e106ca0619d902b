import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith } from '../../../../helpers/lint';

const clusterSet = (impl: string, name: string) =>
  `apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata: {name: prod}\nspec:\n  implementation: ${impl}\n  clusters:\n  - name: ${name}\n`;

test('MCS606 flags a cilium cluster name longer than 32 characters, on the name', () => {
  const d = lintOne(clusterSet('cilium', 'production-europe-west-primary-cluster-01'), 'MCS606');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [6, 10, 6, 51, 1]);
  assert.match(d[0].message, /41 characters \(Cilium allows at most 32\)/);
});

test('MCS606 flags a submariner cluster id that is not a DNS label, and ignores the generic profile', () => {
  const [d] = lintOne(clusterSet('submariner', 'east.eu'), 'MCS606');
  assert.match(d.message, /not a DNS-1123 label.*subctl join --clusterid/);
  assert.deepEqual(lintOne(clusterSet('generic', 'production-europe-west-primary-cluster-01'), 'MCS606'), []);
  assert.deepEqual(lintOne(clusterSet('cilium', 'east-1'), 'MCS606'), []);
});

const ciliumConfig = (name: string, id: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cilium-config, namespace: kube-system}\ndata:\n  cluster-name: ${name}\n  cluster-id: "${id}"\n`;

test('MCS606 checks cilium-config cluster-name and cluster-id', () => {
  const d = lintOne(ciliumConfig('East_1', '0'), 'MCS606');
  assert.equal(d.length, 2);
  assert.deepEqual([d[0].line, d[0].character, d[0].endCharacter], [4, 16, 22]);
  assert.match(d[0].message, /only lowercase letters/);
  assert.deepEqual([d[1].line, d[1].character, d[1].endCharacter], [5, 14, 17]);
  assert.match(d[1].message, /cluster-id "0" cannot join a ClusterMesh/);
  assert.deepEqual(lintOne(ciliumConfig('east', '300'), 'MCS606').length, 1);
  assert.deepEqual(lintOne(`${ciliumConfig('east', '300')}  max-connected-clusters: "511"\n`, 'MCS606'), []);
});

test('MCS606 flags the same cilium cluster-id in two clusters', () => {
  const s = serviceWith({
    'clusters/east/cilium.yaml': ciliumConfig('east', '1'),
    'clusters/west/cilium.yaml': ciliumConfig('west', '1'),
  });
  const [d] = diagnosticsOf(s, 'clusters/east/cilium.yaml', 'MCS606');
  assert.match(d.message, /cluster-id 1 is also used by cluster west/);
  const ok = serviceWith({
    'clusters/east/cilium.yaml': ciliumConfig('east', '1'),
    'clusters/west/cilium.yaml': ciliumConfig('west', '2'),
  });
  assert.deepEqual(diagnosticsOf(ok, 'clusters/east/cilium.yaml', 'MCS606'), []);
});
