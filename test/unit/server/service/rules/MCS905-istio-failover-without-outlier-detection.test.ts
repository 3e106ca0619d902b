import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const dr = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: web, namespace: shop}
spec:
  host: web.shop.svc.clusterset.local
  trafficPolicy:
    loadBalancer:
      localityLbSetting:
        enabled: true
        failover: [{from: eu-west1, to: eu-west4}]
`;

test('MCS905 flags failover without outlierDetection, with a fix inserting it', () => {
  const d = lintOne(dr, 'MCS905');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [7, 6, 7, 23, 2]);
  assert.match(d[0].message, /Locality failover for web\.shop\.svc\.clusterset\.local has no outlierDetection/);
  const s = serviceWith({ 'dr.yaml': dr });
  const diags = s.validate(uriOf('dr.yaml')).diagnostics.filter((x) => x.code === 'MCS905');
  const fix = s.codeActions(uriOf('dr.yaml'), diags[0].range, diags).find((a) => a.title === 'Add outlierDetection');
  assert.deepEqual(fix?.edit?.changes?.[uriOf('dr.yaml')], [
    {
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } },
      newText: '    outlierDetection:\n      consecutive5xxErrors: 5\n      interval: 10s\n      baseEjectionTime: 30s\n',
    },
  ]);
});

test('MCS905 accepts outlierDetection, disabled locality LB and no failover', () => {
  assert.deepEqual(lintOne(`${dr}    outlierDetection: {consecutive5xxErrors: 5}\n`, 'MCS905'), []);
  assert.deepEqual(lintOne(dr.replace('enabled: true', 'enabled: false'), 'MCS905'), []);
  assert.deepEqual(lintOne(dr.replace('        failover: [{from: eu-west1, to: eu-west4}]\n', ''), 'MCS905'), []);
});
