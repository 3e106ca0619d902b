import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const EXPORT = '---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: db, namespace: data}\n';
const svc = (ports: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: data}\nspec:\n  clusterIP: None\n  ports:\n${ports}`;

test('MCS301 hints that a single unnamed port of an exported Service gets no SRV record', () => {
  const d = lintOne(svc('  - port: 5432\n') + EXPORT, 'MCS301');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endCharacter, x.severity]),
    [[6, 10, 14, 4]],
  );
  assert.match(
    d[0].message,
    /has no name, so clusterset DNS publishes no SRV record \(_<name>\._tcp\.db\.data\.svc\.clusterset\.local\)/,
  );
});

test('MCS301 flags unnamed, duplicate and invalid names among several ports as errors', () => {
  const d = lintOne(
    svc('  - {name: pg, port: 5432}\n  - {port: 9187}\n  - {name: pg, port: 5433}\n  - {name: Metrics_1, port: 9000}\n') + EXPORT,
    'MCS301',
  );
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.severity]),
    [
      [7, 11, 1],
      [8, 11, 1],
      [9, 11, 1],
    ],
  );
  assert.match(d[0].message, /Port 9187\/TCP has no name, but Service db has 4 ports: the API server rejects/);
  assert.match(d[1].message, /"pg" is used twice/);
  assert.match(d[2].message, /"Metrics_1" is not a DNS label/);
});

test('MCS301 looks only at exported Services', () => {
  assert.deepEqual(lintOne(svc('  - port: 5432\n  - port: 5433\n'), 'MCS301'), []);
  assert.deepEqual(lintOne(svc('  - {name: pg, port: 5432}\n  - {name: metrics, port: 9187}\n') + EXPORT, 'MCS301'), []);
});
