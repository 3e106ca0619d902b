import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const HEAD =
  'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\nspec:\n  type: ClusterSetIP\n';
const at = (d: ReturnType<typeof lintOne>) => d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]);

test('MCS412 flags a reused port name on the second name', () => {
  const d = lintOne(`${HEAD}  ports: [{name: http, port: 80}, {name: http, port: 8080}]\n`, 'MCS412');
  assert.deepEqual(at(d), [[5, 41, 5, 45, 1]]);
  assert.match(d[0].message, /spec\.ports\[1\] reuses the name "http" of spec\.ports\[0\]/);
});

test('MCS412 flags a repeated (protocol, port), with TCP as the default protocol', () => {
  const d = lintOne(
    `${HEAD}  ports:\n  - {name: a, port: 80}\n  - {name: b, port: 80, protocol: TCP}\n  - {name: c, port: 80, protocol: UDP}\n`,
    'MCS412',
  );
  assert.deepEqual(at(d), [[7, 20, 7, 22, 1]]);
  assert.match(d[0].message, /spec\.ports\[1\] repeats TCP port 80 of spec\.ports\[0\]/);
});

test('MCS412 requires a name on every port when there are several', () => {
  const d = lintOne(`${HEAD}  ports:\n  - port: 80\n  - name: metrics\n    port: 9090\n`, 'MCS412');
  assert.deepEqual(at(d), [[6, 4, 6, 8, 1]]);
  assert.match(d[0].message, /spec\.ports\[0\] has no name but the import has 2 ports/);
});

test('MCS412 accepts one unnamed port and distinct named ports', () => {
  assert.deepEqual(lintOne(`${HEAD}  ports: [{port: 80}]\n`, 'MCS412'), []);
  assert.deepEqual(
    lintOne(`${HEAD}  ports: [{name: dns, port: 53, protocol: UDP}, {name: dns-tcp, port: 53, protocol: TCP}]\n`, 'MCS412'),
    [],
  );
});
