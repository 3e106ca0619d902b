// Implementation probes of the one-shot read only where the object can exist: a namespace the cluster's
// Namespace list does not have holds no Deployment. Our own ClusterAccess interface is faked (a table of
// answers per path); what the Kubernetes API answers is the integration tests' business.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterAccess } from '../../../../clusters/src/access';
import type { Result } from '../../../../clusters/src/faults';
import { detectImplementation } from '../../../../clusters/src/inventory/discovery';
import { applyClusterRead, fetchClusterRead } from '../../../../clusters/src/inventory/cluster';
import { ClusterStore } from '../../../../clusters/src/inventory/store';

const MCS = 'multicluster.x-k8s.io/v1beta1';
const APIS = { groups: [{ name: 'multicluster.x-k8s.io', versions: [{ version: 'v1beta1' }] }] };
const FORBIDDEN: Result<never> = { ok: false, fault: { kind: 'forbidden', message: 'forbidden: no' } };
const NOT_FOUND: Result<never> = { ok: false, fault: { kind: 'notFound', message: 'not found' } };

/** A fake access answering from `answers` by path (without list parameters); records every path asked. */
function fakeAccess(answers: Record<string, Result<unknown>>): { access: ClusterAccess; asked: string[] } {
  const asked: string[] = [];
  const answer = (path: string): Result<unknown> => {
    const bare = path.split('?')[0] ?? path;
    asked.push(bare);
    return answers[bare] ?? NOT_FOUND;
  };
  const access: ClusterAccess = {
    context: 'c',
    server: 'https://c.example:6443',
    getJson: <T>(path: string) => Promise.resolve(answer(path) as Result<T>),
    listAll: <T>(path: string) => {
      const r = answer(path);
      return Promise.resolve(
        r.ok ? { ok: true as const, value: { items: (r.value as { items: T[] }).items, truncated: false } } : r,
      );
    },
    watch: () => Promise.resolve({ ok: true }),
  };
  return { access, asked };
}

const namespaces = (...names: string[]) => ({
  ok: true as const,
  value: { items: names.map((name) => ({ metadata: { name } })) },
});
const probesOf = (asked: string[]) => asked.filter((p) => p.includes('/deployments/') || p.includes('/configmaps/')).sort();

const ALL_PROBES = [
  '/api/v1/namespaces/kube-system/configmaps/cilium-config',
  '/apis/apps/v1/namespaces/cloud-map-mcs-system/deployments/cloud-map-mcs-controller-manager',
  '/apis/apps/v1/namespaces/gke-mcs/deployments/gke-mcs-importer',
  '/apis/apps/v1/namespaces/istio-system/deployments/istiod',
  '/apis/apps/v1/namespaces/kube-system/deployments/cilium-operator',
  '/apis/apps/v1/namespaces/submariner-operator/deployments/submariner-lighthouse-agent',
];

test('without a namespace list every implementation is probed; with one only those whose namespace exists', async () => {
  const all = fakeAccess({});
  await detectImplementation(all.access);
  assert.deepEqual(probesOf(all.asked), ALL_PROBES);
  const some = fakeAccess({});
  const d = await detectImplementation(some.access, new Set(['default', 'kube-system', 'istio-system']));
  assert.deepEqual(probesOf(some.asked), [
    '/api/v1/namespaces/kube-system/configmaps/cilium-config',
    '/apis/apps/v1/namespaces/istio-system/deployments/istiod',
    '/apis/apps/v1/namespaces/kube-system/deployments/cilium-operator',
  ]);
  assert.equal(d.implementation, 'generic');
});

test('a Submariner cluster is recognised with its namespace listed, and probed nowhere else', async () => {
  const { access, asked } = fakeAccess({
    '/apis': { ok: true, value: APIS },
    '/api/v1/namespaces': namespaces('kube-system', 'submariner-operator'),
    '/apis/apps/v1/namespaces/submariner-operator/deployments/submariner-lighthouse-agent': {
      ok: true,
      value: { spec: { replicas: 1 }, status: { readyReplicas: 1 } },
    },
    [`/apis/${MCS}/serviceexports`]: { ok: true, value: { items: [{ metadata: { name: 'web', namespace: 'shop' } }] } },
    [`/apis/${MCS}/serviceimports`]: { ok: true, value: { items: [] } },
    '/apis/discovery.k8s.io/v1/endpointslices': { ok: true, value: { items: [] } },
    '/api/v1/services': { ok: true, value: { items: [] } },
  });
  const store = new ClusterStore({ name: 'east', context: 'east' });
  applyClusterRead(store, await fetchClusterRead(access));
  assert.equal(store.fault, undefined);
  assert.equal(store.implementation, 'submariner');
  assert.equal(store.controllerReady, true);
  assert.deepEqual([...store.namespaces].sort(), ['kube-system', 'submariner-operator']);
  assert.equal(store.exports.size, 1);
  assert.equal(probesOf(asked).length, 3, probesOf(asked).join('\n'));
  assert.equal(asked.filter((p) => p === '/api/v1/namespaces').length, 1, 'the Namespace list is read once');
});

test('a refused Namespace list: every probe is made, and the refusal stays a partial read of Namespaces', async () => {
  const { access, asked } = fakeAccess({
    '/apis': { ok: true, value: APIS },
    '/api/v1/namespaces': FORBIDDEN,
    [`/apis/${MCS}/serviceexports`]: { ok: true, value: { items: [] } },
    [`/apis/${MCS}/serviceimports`]: { ok: true, value: { items: [] } },
  });
  const store = new ClusterStore({ name: 'east', context: 'east' });
  applyClusterRead(store, await fetchClusterRead(access));
  assert.deepEqual(probesOf(asked), ALL_PROBES);
  assert.equal(store.fault, undefined);
  assert.equal(store.resourceFaults.get('namespaces')?.fault.kind, 'forbidden');
});

test('a cluster whose discovery fails keeps only that fault (nothing listed is applied)', async () => {
  const { access } = fakeAccess({
    '/apis': { ok: false, fault: { kind: 'unauthorized', message: 'unauthorized' } },
    '/api/v1/namespaces': namespaces('kube-system'),
  });
  const store = new ClusterStore({ name: 'east', context: 'east' });
  applyClusterRead(store, await fetchClusterRead(access));
  assert.equal(store.fault?.kind, 'unauthorized');
  assert.equal(store.namespaces.size, 0);
  assert.equal(store.read.size, 0);
});
