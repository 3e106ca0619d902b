import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const svc = (v: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  trafficDistribution: ${v}\n  ports: [{port: 80}]\n`;

test('MCS305 rejects unknown values on Services and ServiceImports, with a case fix', () => {
  const d = lintOne(svc('PreferNearest'), 'MCS305');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endCharacter, x.severity]),
    [[4, 23, 36, 1]],
  );
  assert.match(
    d[0].message,
    /"PreferNearest" is not a known value \(PreferClose, PreferSameZone, PreferSameNode\): the API server rejects the Service/,
  );
  assert.match(lintOne(svc('preferclose'), 'MCS305')[0].message, /case-sensitive: use PreferClose/);
  const imp = lintOne(
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web}\nspec: {type: ClusterSetIP, trafficDistribution: Nearest}\n',
    'MCS305',
  );
  assert.match(imp[0].message, /the CRD accepts it but controllers ignore or reject it/);
});

test('MCS305 checks the target Kubernetes version', () => {
  const [old] = lintOne(svc('PreferSameZone'), 'MCS305', { kubernetesVersion: '1.32' });
  assert.equal(old.severity, 2);
  assert.match(old.message, /needs Kubernetes 1\.34 .*Kubernetes 1\.32 only knows PreferClose/);
  assert.match(lintOne(svc('PreferSameNode'), 'MCS305', { kubernetesVersion: 'v1.33.1' })[0].message, /alpha in 1\.33/);
  assert.match(lintOne(svc('PreferClose'), 'MCS305', { kubernetesVersion: '1.29' })[0].message, /needs Kubernetes 1\.31/);
  assert.deepEqual(lintOne(svc('PreferClose'), 'MCS305', { kubernetesVersion: '1.33' }), []);
  assert.deepEqual(lintOne(svc('PreferSameZone'), 'MCS305'), []);
  const imp =
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web}\nspec: {type: ClusterSetIP, trafficDistribution: PreferSameNode}\n';
  assert.deepEqual(lintOne(imp, 'MCS305', { kubernetesVersion: '1.30' }), []);
});

test('MCS305 hints that PreferClose is a deprecated alias on current Kubernetes', () => {
  const [d] = lintOne(svc('PreferClose'), 'MCS305');
  assert.equal(d.severity, 4);
  assert.match(d.message, /deprecated alias of PreferSameZone/);
});
