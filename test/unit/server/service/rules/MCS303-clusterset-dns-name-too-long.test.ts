import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith, uriOf } from '../../../../helpers/lint';

const NS = 'payments-ledger-production-eu-west-primary-region';
const SVC_NAME = 'ledger-database-headless-service-for-cross-cluster-access';
const STS_NAME = 'ledger-database-replica-set-for-payments-production';
const files = (clusterId: string) => ({
  'clusters/eu/sts.yaml': `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: ${STS_NAME}, namespace: ${NS}}\nspec: {serviceName: ${SVC_NAME}, replicas: 12}\n`,
  'clusters/eu/svc.yaml': `apiVersion: v1\nkind: Service\nmetadata: {name: ${SVC_NAME}, namespace: ${NS}}\nspec: {clusterIP: None, ports: [{name: pg, port: 5432}]}\n---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: ${SVC_NAME}, namespace: ${NS}}\n`,
  'clusters/eu/id.yaml': `apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata: {name: cluster.clusterset.k8s.io}\nspec: {value: ${clusterId}}\n`,
});

test('MCS303 flags a per-endpoint name over 253 characters using the ClusterProperty cluster id', () => {
  const s = serviceWith(files('payments-production-primary-cluster-in-europe-west-region-01.registry-a'));
  const d = diagnosticsOf(s, 'clusters/eu/svc.yaml', 'MCS303');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.severity]),
    [[2, 17, 2]],
  );
  assert.match(
    d[0].message,
    new RegExp(
      `name ${STS_NAME}-11\\.payments-production-primary-cluster-in-europe-west-region-01\\.registry-a\\.${SVC_NAME}\\.${NS}\\.svc\\.clusterset\\.local is not a valid DNS name: it has 2\\d\\d characters \\(at most 253\\)`,
    ),
  );
  s.setFile(uriOf('clusters/eu/id.yaml'), files('eu')['clusters/eu/id.yaml'], 2);
  assert.deepEqual(diagnosticsOf(s, 'clusters/eu/svc.yaml', 'MCS303'), []);
});

test('MCS303 flags a cluster id label over 63 characters', () => {
  const s = serviceWith(files(`${'c'.repeat(64)}.x`));
  assert.match(
    diagnosticsOf(s, 'clusters/eu/svc.yaml', 'MCS303')[0].message,
    /the label "c{64}" has 64 characters \(at most 63\)/,
  );
});
