import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith } from '../../../../helpers/lint';

const svc = (annotations: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n  annotations:\n${annotations}spec: {selector: {app: web}, ports: [{port: 80}]}\n`;

test('MCS903 flags an unknown affinity value as an Error on the value', () => {
  const d = lintOne(svc('    service.cilium.io/global: "true"\n    service.cilium.io/affinity: nearest\n'), 'MCS903');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [7, 32, 7, 39, 1]);
  assert.match(d[0].message, /"nearest" is not local, remote or none/);
});

test('MCS903 flags non-boolean values and hints at affinity on a non-global, unexported Service', () => {
  const [b] = lintOne(svc('    service.cilium.io/global: "yes"\n'), 'MCS903');
  assert.match(b.message, /service\.cilium\.io\/global "yes" is not "true" or "false"/);
  const [h] = lintOne(svc('    service.cilium.io/affinity: local\n'), 'MCS903');
  assert.deepEqual([h.line, h.character, h.severity], [6, 4, 4]);
  assert.match(h.message, /acts only on global services/);
});

test('MCS903 accepts valid values, and affinity on an exported Service', () => {
  assert.deepEqual(
    lintOne(
      svc('    service.cilium.io/global: "true"\n    service.cilium.io/affinity: local\n    service.cilium.io/shared: "false"\n'),
      'MCS903',
    ),
    [],
  );
  const exportText = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
  assert.deepEqual(
    diagnosticsOf(
      serviceWith({ 's.yaml': svc('    service.cilium.io/affinity: remote\n'), 'e.yaml': exportText }),
      's.yaml',
      'MCS903',
    ),
    [],
  );
});
