import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const NO_IPS = `${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}]}\n`;

test('MCS409 hints that a ClusterSetIP import without ips has no DNS answer yet', () => {
  const d = lintOne(NO_IPS, 'MCS409');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]),
    [[3, 13, 3, 25, 4]],
  );
  assert.match(d[0].message, /has no spec\.ips: until a VIP exists, web\.shop\.svc\.clusterset\.local has no A\/AAAA answer/);
  assert.match(lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}], ips: []}\n`, 'MCS409')[0].message, /no spec\.ips/);
});

test('MCS409 explains the Submariner use-clusterset-ip switch in that profile', () => {
  assert.match(
    lintOne(NO_IPS, 'MCS409', { implementation: 'submariner' })[0].message,
    /lighthouse\.submariner\.io\/use-clusterset-ip/,
  );
});

test('MCS409 is quiet with ips, for Headless imports and in fixtures', () => {
  assert.deepEqual(lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}], ips: [10.0.0.1]}\n`, 'MCS409'), []);
  assert.deepEqual(lintOne(`${HEAD}spec: {type: Headless, ports: [{port: 80}]}\n`, 'MCS409'), []);
  assert.deepEqual(diagnosticsOf(serviceWith({ 'fixtures/web.yaml': NO_IPS }), 'fixtures/web.yaml', 'MCS409'), []);
});
