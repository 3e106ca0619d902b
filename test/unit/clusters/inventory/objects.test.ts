// API objects → compact states: what is kept, what is dropped, and that any JSON is accepted without throwing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { toEndpointSlice, toExport, toImport, toService } from '../../../../clusters/src/inventory/objects';
import { servedVersions } from '../../../../clusters/src/inventory/discovery';

test('a ServiceExport keeps its conditions and only the MCS annotations', () => {
  const e = toExport(
    {
      metadata: {
        name: 'web',
        namespace: 'shop',
        creationTimestamp: '2026-11-30T10:00:00Z',
        annotations: {
          'lighthouse.submariner.io/use-clusterset-ip': 'true',
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
        },
      },
      status: { conditions: [{ type: 'Valid', status: 'True', reason: 'Valid' }, { type: 'Ready', status: 'Maybe' }, 'junk'] },
    },
    'east',
    'multicluster.x-k8s.io/v1beta1',
  );
  assert.deepEqual(e, {
    ref: { cluster: 'east', apiVersion: 'multicluster.x-k8s.io/v1beta1', kind: 'ServiceExport', namespace: 'shop', name: 'web' },
    creationTimestamp: '2026-11-30T10:00:00Z',
    conditions: [{ type: 'Valid', status: 'True', reason: 'Valid' }],
    annotations: { 'lighthouse.submariner.io/use-clusterset-ip': 'true' },
  });
});

test('a ServiceImport: type, ips, ports (protocol defaults to TCP), status.clusters', () => {
  const i = toImport(
    {
      metadata: { name: 'web', namespace: 'shop' },
      spec: { type: 'ClusterSetIP', ips: ['10.99.0.1', 7], ports: [{ port: 80 }, { port: 'x' }], ipFamilies: ['IPv4'] },
      status: { clusters: [{ cluster: 'east' }, {}, { cluster: 'west' }] },
    },
    'central',
    'multicluster.x-k8s.io/v1alpha1',
  );
  assert.deepEqual(
    [i?.type, i?.ips, i?.ports, i?.statusClusters, i?.ipFamilies],
    ['ClusterSetIP', ['10.99.0.1'], [{ port: 80, protocol: 'TCP' }], ['east', 'west'], ['IPv4']],
  );
});

test('an EndpointSlice counts ready endpoints (a missing ready condition means ready) and reads the MCS labels', () => {
  const s = toEndpointSlice(
    {
      metadata: {
        name: 'web-east',
        namespace: 'shop',
        labels: {
          'multicluster.kubernetes.io/service-name': 'web',
          'multicluster.kubernetes.io/source-cluster': 'east',
          'endpointslice.kubernetes.io/managed-by': 'lighthouse-agent.submariner.io',
        },
      },
      addressType: 'IPv6',
      endpoints: [{ conditions: { ready: true } }, { conditions: {} }, { conditions: { ready: false } }, {}],
    },
    'west',
  );
  assert.deepEqual(
    [s?.serviceName, s?.sourceCluster, s?.managedBy, s?.addressType, s?.ready, s?.total],
    ['web', 'east', 'lighthouse-agent.submariner.io', 'IPv6', 3, 4],
  );
});

test('a headless Service is marked; objects without a name are dropped', () => {
  assert.equal(toService({ metadata: { name: 'db', namespace: 'shop' }, spec: { clusterIP: 'None' } }, 'east')?.headless, true);
  assert.equal(toService({ metadata: {} }, 'east'), undefined);
  assert.equal(toExport(null, 'east', 'v'), undefined);
});

test('served MCS versions per cluster from /apis, v1beta1 preferred for reading, GKE’s group recognised', () => {
  assert.deepEqual(
    servedVersions({
      groups: [
        { name: 'multicluster.x-k8s.io', versions: [{ version: 'v1beta1' }, { version: 'v1alpha1' }] },
        { name: 'about.k8s.io', versions: [{ version: 'v1alpha1' }] },
      ],
    }),
    {
      mcs: ['multicluster.x-k8s.io/v1alpha1', 'multicluster.x-k8s.io/v1beta1'],
      read: 'multicluster.x-k8s.io/v1beta1',
      about: 'v1alpha1',
    },
  );
  assert.deepEqual(servedVersions({ groups: [{ name: 'net.gke.io', versions: [{ version: 'v1' }] }] }), {
    mcs: ['net.gke.io/v1'],
    read: 'net.gke.io/v1',
  });
  assert.deepEqual(servedVersions({}), { mcs: [] });
});

test('any JSON goes in without throwing', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (v) => {
      toExport(v, 'c', 'v');
      toImport({ metadata: { name: 'x' }, spec: v, status: v }, 'c', 'v');
      toEndpointSlice({ metadata: { name: 'x', labels: v }, endpoints: v }, 'c');
      toService({ metadata: { name: 'x', annotations: v }, spec: v }, 'c');
      servedVersions(v as never);
    }),
  );
});
