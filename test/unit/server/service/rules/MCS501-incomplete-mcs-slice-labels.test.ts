import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const head = 'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: web-east\n  namespace: shop\n  labels:\n';

test('MCS501 flags an MCS slice missing source-cluster and managed-by, on the service-name key', () => {
  const d = lintOne(`${head}    multicluster.kubernetes.io/service-name: web\naddressType: IPv4\n`, 'MCS501');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [6, 4, 6, 43, 1]);
  assert.match(
    d[0].message,
    /missing labels multicluster\.kubernetes\.io\/source-cluster, endpointslice\.kubernetes\.io\/managed-by/,
  );
});

test('MCS501 flags a slice with source-cluster but no service-name', () => {
  const d = lintOne(
    `${head}    multicluster.kubernetes.io/source-cluster: east\n    endpointslice.kubernetes.io/managed-by: my-mcs\n`,
    'MCS501',
  );
  assert.equal(d.length, 1);
  assert.equal(d[0].line, 6);
  assert.match(d[0].message, /missing label multicluster\.kubernetes\.io\/service-name: .*belongs to no ServiceImport/);
});

test('MCS501 accepts complete MCS slices and plain slices', () => {
  const full = `${head}    multicluster.kubernetes.io/service-name: web\n    multicluster.kubernetes.io/source-cluster: east\n    endpointslice.kubernetes.io/managed-by: lighthouse-agent.submariner.io\n`;
  assert.deepEqual(lintOne(full, 'MCS501'), []);
  assert.deepEqual(lintOne(`${head}    kubernetes.io/service-name: web\n`, 'MCS501'), []);
});
