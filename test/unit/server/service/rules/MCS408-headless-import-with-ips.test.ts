import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: db, namespace: data}\n';

test('MCS408 warns on ips of a Headless import, on the ips key', () => {
  const d = lintOne(`${HEAD}spec:\n  type: Headless\n  ports: [{name: pg, port: 5432}]\n  ips: [10.0.0.5]\n`, 'MCS408');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]),
    [[6, 2, 6, 5, 2]],
  );
  assert.match(d[0].message, /ServiceImport data\/db is Headless but lists spec\.ips: headless imports get no clusterset IP/);
  assert.match(d[0].message, /Remove spec\.ips, or use type ClusterSetIP/);
});

test('MCS408 accepts Headless without ips and ClusterSetIP with ips', () => {
  assert.deepEqual(lintOne(`${HEAD}spec: {type: Headless, ports: [{port: 5432}]}\n`, 'MCS408'), []);
  assert.deepEqual(lintOne(`${HEAD}spec: {type: Headless, ports: [{port: 5432}], ips: []}\n`, 'MCS408'), []);
  assert.deepEqual(lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 5432}], ips: [10.0.0.5]}\n`, 'MCS408'), []);
});
