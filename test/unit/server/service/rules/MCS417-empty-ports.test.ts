import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';

test('MCS417 is an error for an empty ports list (the derived Service is refused)', () => {
  const d = lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: []}\n`, 'MCS417');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]),
    [[3, 34, 3, 36, 1]],
  );
  assert.match(
    d[0].message,
    /ServiceImport shop\/web has an empty spec\.ports list: the API server accepts it, but the import exposes no port/,
  );
});

test('MCS417 accepts a non-empty list and leaves a missing list to MCS402', () => {
  assert.deepEqual(lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}]}\n`, 'MCS417'), []);
  assert.deepEqual(lintOne(`${HEAD}spec: {type: ClusterSetIP}\n`, 'MCS417'), []);
});
