import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

test('MCS107 hints that metadata labels and annotations are not exported', () => {
  const d = lintOne(
    'apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceExport\nmetadata:\n  name: web\n  labels: {team: payments}\n  annotations:\n    owner: alice\n    kubectl.kubernetes.io/last-applied-configuration: "{}"\n',
    'MCS107',
  );
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endCharacter, x.severity]),
    [
      [4, 2, 8, 4],
      [5, 2, 13, 4],
    ],
  );
  assert.match(
    d[0].message,
    /metadata\.labels \(team\) stay on this ServiceExport: they are never copied to the ServiceImport\. .*spec\.exportedLabels/,
  );
  assert.match(d[1].message, /metadata\.annotations \(owner\)/);
});

test('MCS107 is quiet when exportedLabels is set or only tooling annotations exist', () => {
  assert.deepEqual(
    lintOne(
      'kind: ServiceExport\nmetadata:\n  name: web\n  labels: {team: payments}\nspec:\n  exportedLabels: {team: payments}\n',
      'MCS107',
    ),
    [],
  );
  assert.deepEqual(
    lintOne('kind: ServiceExport\nmetadata:\n  name: web\n  annotations: {clusterset.dev/disable: MCS101}\n', 'MCS107'),
    [],
  );
});
