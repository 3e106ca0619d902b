import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const at = (d: ReturnType<typeof lintOne>) => d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]);

test('MCS402 flags a spec without type and ports on the spec key', () => {
  const d = lintOne(`${HEAD}spec: {ips: [10.42.0.10]}\n`, 'MCS402');
  assert.deepEqual(at(d), [[3, 0, 3, 4, 1]]);
  assert.match(
    d[0].message,
    /ServiceImport shop\/web has no spec\.type or spec\.ports: the CRD requires both .* API server rejects/,
  );
});

test('MCS402 names only the missing field', () => {
  const d = lintOne(`${HEAD}spec:\n  type: ClusterSetIP\n`, 'MCS402');
  assert.deepEqual(at(d), [[3, 0, 3, 4, 1]]);
  assert.match(d[0].message, /has no spec\.ports:/);
  assert.match(lintOne(`${HEAD}spec:\n  ports: [{port: 80}]\n  type:\n`, 'MCS402')[0].message, /has no spec\.type:/);
});

test('MCS402 flags a missing or empty spec', () => {
  const none = lintOne(HEAD, 'MCS402');
  assert.deepEqual(at(none), [[1, 0, 1, 4, 1]]);
  assert.match(none[0].message, /has no spec:/);
  const empty = lintOne(`${HEAD}spec:\n`, 'MCS402');
  assert.deepEqual(at(empty), [[3, 0, 3, 4, 1]]);
  assert.match(empty[0].message, /has an empty spec:/);
});

test('MCS402 flags a spec or ports of the wrong shape', () => {
  assert.match(lintOne(`${HEAD}spec: [1, 2]\n`, 'MCS402')[0].message, /has a spec that is a list, not a mapping/);
  const d = lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: {port: 80}}\n`, 'MCS402');
  assert.deepEqual(at(d), [[3, 34, 3, 44, 1]]);
  assert.match(d[0].message, /spec\.ports is a mapping, not a list/);
});

test('MCS402 flags a ports entry without port', () => {
  const d = lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{name: http}]}\n`, 'MCS402');
  assert.deepEqual(at(d), [[3, 35, 3, 47, 1]]);
  assert.match(d[0].message, /spec\.ports\[0\] has no port number: port is required/);
});

test('MCS402 accepts a complete spec, even with an empty ports list (MCS417 covers that)', () => {
  assert.deepEqual(lintOne(`${HEAD}spec: {type: Headless, ports: [{port: 5432}]}\n`, 'MCS402'), []);
  assert.deepEqual(lintOne(`${HEAD}spec: {type: Headless, ports: []}\n`, 'MCS402'), []);
});
