import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith, uriOf } from '../../../../helpers/lint';

const app = `apiVersion: apps/v1
kind: Deployment
metadata: {name: checkout, namespace: shop}
spec:
  template:
    spec:
      containers:
      - name: app
        env:
        - name: PAYMENTS_URL
          value: "http://payments.billing.svc.cluster.local"
`;
const exportText =
  'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: payments, namespace: billing}\n';
const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: payments, namespace: billing}\nspec: {ports: [{port: 80}]}\n';

test('MCS806 flags cluster.local for a service exported only by another cluster, with a fix', () => {
  const s = serviceWith({ 'clusters/east/app.yaml': app, 'clusters/west/payments.yaml': `${service}---\n${exportText}` });
  const d = s.validate(uriOf('clusters/east/app.yaml')).diagnostics.filter((x) => x.code === 'MCS806');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, { start: { line: 10, character: 25 }, end: { line: 10, character: 59 } });
  assert.equal(d[0].severity, 2);
  assert.match(
    d[0].message,
    /payments\.billing\.svc\.cluster\.local has no Service in cluster east.*west exports billing\/payments/,
  );
  assert.equal(d[0].relatedInformation?.[0].location.uri, uriOf('clusters/west/payments.yaml'));
  const fix = s
    .codeActions(uriOf('clusters/east/app.yaml'), d[0].range, d)
    .find((a) => a.title === 'Use the clusterset.local name');
  assert.deepEqual(fix?.edit?.changes?.[uriOf('clusters/east/app.yaml')], [
    { range: { start: { line: 10, character: 46 }, end: { line: 10, character: 59 } }, newText: 'clusterset.local' },
  ]);
});

test('MCS806 is quiet when the service also exists locally, is not exported, or there are no cluster folders', () => {
  assert.deepEqual(
    diagnosticsOf(
      serviceWith({
        'clusters/east/app.yaml': app,
        'clusters/east/payments.yaml': service,
        'clusters/west/payments.yaml': exportText,
      }),
      'clusters/east/app.yaml',
      'MCS806',
    ),
    [],
  );
  assert.deepEqual(
    diagnosticsOf(
      serviceWith({ 'clusters/east/app.yaml': app, 'clusters/west/payments.yaml': service }),
      'clusters/east/app.yaml',
      'MCS806',
    ),
    [],
  );
  assert.deepEqual(diagnosticsOf(serviceWith({ 'app.yaml': app, 'payments.yaml': exportText }), 'app.yaml', 'MCS806'), []);
});
