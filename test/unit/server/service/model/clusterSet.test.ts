import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterAt, clusterLabel, readClusterSet } from '../../../../../server/src/service/model/clusterSet';
import { parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';

const text = `apiVersion: clusterset.dev/v1alpha1
kind: ClusterSet
metadata: {name: prod}
spec:
  implementation: submariner
  overlap: {mode: globalnet, globalnetCIDR: 242.0.0.0/8}
  cilium: {ipv4NativeRoutingCIDR: 10.0.0.0/8}
  clusters:
  - name: east
    podCIDRs: [10.10.0.0/16, "fd00:10::/56"]
    serviceCIDRs: 10.96.0.0/16
    globalCIDR: 242.1.0.0/16
  - just a string
  - {podCIDRs: [10.20.0.0/16]}
  services:
  - {name: web, namespace: shop, exportedFrom: [east], consumers: [west, central]}
`;

test('readClusterSet: clusters, CIDR fields with paths and roles, services, overlap and cilium fields', () => {
  const m = readClusterSet(parseDocumentText(text).root);
  assert.equal(m.name, 'prod');
  assert.deepEqual(m.implementation, { value: 'submariner', path: ['spec', 'implementation'] });
  assert.deepEqual(m.overlapMode?.value, 'globalnet');
  assert.deepEqual(m.globalnetCIDR, { value: '242.0.0.0/8', path: ['spec', 'overlap', 'globalnetCIDR'] });
  assert.deepEqual(m.nativeRoutingCIDRs, [{ value: '10.0.0.0/8', path: ['spec', 'cilium', 'ipv4NativeRoutingCIDR'] }]);
  assert.deepEqual(
    m.clusters.map((c) => c.index),
    [0, 2],
    'a non-mapping item is skipped, positions are kept',
  );
  assert.deepEqual(
    m.clusters[0].cidrs.map((f) => [f.role, f.text, f.path.join('.')]),
    [
      ['podCIDRs', '10.10.0.0/16', 'spec.clusters.0.podCIDRs.0'],
      ['podCIDRs', 'fd00:10::/56', 'spec.clusters.0.podCIDRs.1'],
      ['serviceCIDRs', '10.96.0.0/16', 'spec.clusters.0.serviceCIDRs'],
      ['globalCIDR', '242.1.0.0/16', 'spec.clusters.0.globalCIDR'],
    ],
  );
  assert.equal(m.clusters[1].name, undefined);
  assert.equal(clusterLabel(clusterAt(m, 2), 2), 'clusters[2]');
  assert.equal(clusterLabel(clusterAt(m, 0), 0), 'east');
  assert.deepEqual(
    m.services[0].clusterRefs.map((r) => [r.field, r.value, r.path.join('.')]),
    [
      ['exportedFrom', 'east', 'spec.services.0.exportedFrom.0'],
      ['consumers', 'west', 'spec.services.0.consumers.0'],
      ['consumers', 'central', 'spec.services.0.consumers.1'],
    ],
  );
});

test('readClusterSet tolerates a missing spec', () => {
  const m = readClusterSet(parseDocumentText('apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\n').root);
  assert.deepEqual([m.clusters, m.services, m.nativeRoutingCIDRs, m.implementation], [[], [], [], undefined]);
});
