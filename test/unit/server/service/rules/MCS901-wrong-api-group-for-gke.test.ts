import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith } from '../../../../helpers/lint';

const exportOf = (apiVersion: string) =>
  `apiVersion: ${apiVersion}\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n`;

test('MCS901 flags multicluster.x-k8s.io in the gke profile as an Error on apiVersion', () => {
  const d = lintOne(exportOf('multicluster.x-k8s.io/v1alpha1'), 'MCS901', { implementation: 'gke' });
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [0, 12, 0, 42, 1]);
  assert.match(d[0].message, /GKE multi-cluster Services serve ServiceExport as net\.gke\.io\/v1/);
});

test('MCS901 warns about net.gke.io outside GKE, with an Istio hint in the istio profile', () => {
  const [d] = lintOne(exportOf('net.gke.io/v1'), 'MCS901', { implementationSource: 'the --implementation flag' });
  assert.equal(d.severity, 2);
  assert.match(d.message, /implementation is generic \(the --implementation flag\): no controller outside GKE/);
  // Nobody chose one: the net.gke.io object itself says GKE, so nothing to report.
  assert.deepEqual(lintOne(exportOf('net.gke.io/v1'), 'MCS901'), []);
  const [i] = lintOne(exportOf('net.gke.io/v1'), 'MCS901', { implementation: 'istio' });
  assert.match(i.message, /set MCS_API_GROUP=net\.gke\.io on istiod/);
});

test('MCS901 accepts net.gke.io in gke, and in istio when istiod reads net.gke.io', () => {
  assert.deepEqual(lintOne(exportOf('net.gke.io/v1'), 'MCS901', { implementation: 'gke' }), []);
  assert.deepEqual(lintOne(exportOf('multicluster.x-k8s.io/v1beta1'), 'MCS901', { implementation: 'cilium' }), []);
  const istiod =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: istiod, namespace: istio-system}\nspec:\n  template:\n    spec:\n      containers:\n      - name: discovery\n        env:\n        - {name: MCS_API_GROUP, value: net.gke.io}\n';
  assert.deepEqual(
    diagnosticsOf(
      serviceWith({ 'e.yaml': exportOf('net.gke.io/v1'), 'istiod.yaml': istiod }, { implementation: 'istio' }),
      'e.yaml',
      'MCS901',
    ),
    [],
  );
});
