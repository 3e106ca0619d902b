import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';
import { appProtocolProblem } from '../../../../../server/src/service/rules/MCS414-invalid-app-protocol';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const withApp = (a: string) => `${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80, appProtocol: ${a}}]}\n`;

test('MCS414 is an error for an appProtocol with a space in the prefix (the derived Service is refused)', () => {
  const d = lintOne(withApp('"my company/proto"'), 'MCS414');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]),
    [[3, 59, 3, 77, 1]],
  );
  assert.match(d[0].message, /appProtocol "my company\/proto" is not valid: the prefix "my company" is not a DNS subdomain/);
});

test('MCS414 table: what is and is not an appProtocol', () => {
  for (const ok of [
    'http',
    'https',
    'grpc',
    'h2c',
    'kubernetes.io/h2c',
    'kubernetes.io/ws',
    'kubernetes.io/wss',
    'example.com/my-proto',
    'mysql',
  ])
    assert.equal(appProtocolProblem(ok), undefined, ok);
  for (const [bad, why] of [
    ['kubernetes.io/grpc', /reserved/],
    ['Example.com/x', /not a DNS subdomain/],
    ['/x', /not a DNS subdomain/],
    ['example.com/', /not a valid name/],
    ['-http', /not a valid name/],
    ['a'.repeat(64), /not a valid name/],
  ] as const) {
    assert.match(appProtocolProblem(bad) ?? '', why, bad);
  }
});

test('MCS414 accepts valid values and no appProtocol', () => {
  assert.deepEqual(lintOne(withApp('kubernetes.io/h2c'), 'MCS414'), []);
  assert.deepEqual(lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}]}\n`, 'MCS414'), []);
});
