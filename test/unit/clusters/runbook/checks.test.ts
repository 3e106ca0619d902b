// Every check on snapshots (and typed read results): the healthy clusterset passes, one broken thing names
// its cause in the right cluster, and what is normal for an implementation names none.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClusterCidrReport } from '../../../../clusters/src/cidrs';
import { reach } from '../../../../clusters/src/runbook/checks/00-reach';
import { cidrs } from '../../../../clusters/src/runbook/checks/01-cidrs';
import { crds } from '../../../../clusters/src/runbook/checks/02-crds';
import { controller } from '../../../../clusters/src/runbook/checks/03-controller';
import { clusterIds } from '../../../../clusters/src/runbook/checks/04-cluster-ids';
import { service } from '../../../../clusters/src/runbook/checks/05-service';
import { exportStatus } from '../../../../clusters/src/runbook/checks/06-export-status';
import { namespace } from '../../../../clusters/src/runbook/checks/07-namespace';
import { importCheck } from '../../../../clusters/src/runbook/checks/08-import';
import { endpoints } from '../../../../clusters/src/runbook/checks/09-endpoints';
import { probe } from '../../../../clusters/src/runbook/checks/12-probe';
import type { Prober } from '../../../../clusters/src/runbook/check';
import { byCluster, causesOf, cluster, exportIn, healthySnapshot, importIn, NOW, runCheck, sliceIn } from './fixtures';

const live = (podCIDRs: string[], serviceCIDRs: string[], globalCIDRs: string[] = []): ClusterCidrReport => ({
  context: 'x',
  ok: true,
  podCIDRs,
  serviceCIDRs,
  globalCIDRs,
  ranges: [],
  warnings: [],
  sources: [],
  durationMs: 1,
});

describe('0 reach', () => {
  test('unreachable is cluster-unreachable, 401/403 is access-denied, a denied side resource only warns', async () => {
    const s = healthySnapshot();
    s.clusters = [
      cluster('east', { reachable: false, fault: { kind: 'unreachable', message: 'cannot connect (ECONNREFUSED)' } }),
      cluster('west', { fault: { kind: 'forbidden', message: 'forbidden: cannot list serviceexports' } }),
    ];
    const o = await runCheck(reach, s);
    assert.deepEqual(byCluster(o, 'east')?.causes, ['cluster-unreachable']);
    assert.deepEqual(byCluster(o, 'west')?.causes, ['access-denied']);
    s.clusters = [
      cluster('east'),
      cluster('west', {
        partial: [{ resource: 'implementation detection', fault: { kind: 'forbidden', message: 'forbidden' } }],
      }),
    ];
    const w = byCluster(await runCheck(reach, s), 'west');
    assert.equal(w?.status, 'warn');
    assert.equal(w?.causes, undefined);
  });
});

describe('1 cidrs', () => {
  test('live pod ranges that overlap across clusters fail in both clusters', async () => {
    const o = await runCheck(cidrs, healthySnapshot(), {
      east: live(['10.10.0.0/16'], ['10.96.0.0/16']),
      west: live(['10.10.128.0/17'], ['10.97.0.0/16']),
    });
    assert.deepEqual(causesOf(o), ['cidr-overlap']);
    assert.equal(byCluster(o, 'east')?.status, 'fail');
    assert.match(
      byCluster(o, 'west')?.detail ?? '',
      /pod range 10\.10\.128\.0\/17 of west overlaps pod range 10\.10\.0\.0\/16 of east/,
    );
  });
  test('Globalnet translates pod overlaps (warn), but overlapping global slices fail', async () => {
    const ok = await runCheck(cidrs, healthySnapshot(), {
      east: live(['10.10.0.0/16'], [], ['242.0.0.0/16']),
      west: live(['10.10.0.0/16'], [], ['242.1.0.0/16']),
    });
    assert.deepEqual(causesOf(ok), []);
    assert.equal(byCluster(ok, 'east')?.status, 'warn');
    const bad = await runCheck(cidrs, healthySnapshot(), {
      east: live([], [], ['242.0.0.0/16']),
      west: live([], [], ['242.0.0.0/17']),
    });
    assert.deepEqual(causesOf(bad), ['cidr-overlap']);
  });
  test('Cilium: overlapping service ranges only warn; pods still fail', async () => {
    const o = await runCheck(
      cidrs,
      healthySnapshot(),
      { east: live(['10.1.0.0/16'], ['10.96.0.0/16']), west: live(['10.2.0.0/16'], ['10.96.0.0/16']) },
      { implementation: 'cilium' },
    );
    assert.deepEqual(causesOf(o), []);
    assert.equal(byCluster(o, 'east')?.status, 'warn');
  });
  test('the ClusterSet file ranges are checked too, and a file that disagrees with the cluster warns', async () => {
    const clusterSet = {
      clusters: [
        { name: 'east', podCIDRs: ['10.10.0.0/16'], serviceCIDRs: [] },
        { name: 'west', podCIDRs: ['10.20.0.0/16'], serviceCIDRs: [] },
      ],
      services: [],
    };
    const o = await runCheck(cidrs, healthySnapshot(), { east: live(['10.30.0.0/16'], []) }, { clusterSet });
    assert.match(byCluster(o, 'east')?.detail ?? '', /do not match what the cluster uses/);
    assert.equal(byCluster(o, 'west')?.status, 'pass');
  });
});

describe('2 crds', () => {
  test('nothing served is crds-missing; v1beta1 alone is crds-missing except for Cilium, which wants v1beta1', async () => {
    const o = await runCheck(crds, healthySnapshot(), { east: { mcs: [], gke: [] }, west: { mcs: ['v1beta1'], gke: [] } });
    assert.deepEqual(byCluster(o, 'east')?.causes, ['crds-missing']);
    assert.match(byCluster(o, 'west')?.detail ?? '', /not v1alpha1/);
    const c = await runCheck(
      crds,
      healthySnapshot(),
      { east: { mcs: ['v1alpha1'], gke: [] }, west: { mcs: ['v1beta1'], gke: [] } },
      { implementation: 'cilium' },
    );
    assert.equal(byCluster(c, 'east')?.status, 'warn');
    assert.equal(byCluster(c, 'west')?.status, 'pass');
  });
  test('GKE needs net.gke.io', async () => {
    const o = await runCheck(
      crds,
      healthySnapshot(),
      { east: { mcs: [], gke: ['v1'] }, west: { mcs: ['v1alpha1'], gke: [] } },
      { implementation: 'gke' },
    );
    assert.equal(byCluster(o, 'east')?.status, 'pass');
    assert.deepEqual(byCluster(o, 'west')?.causes, ['crds-missing']);
  });
});

describe('3 controller', () => {
  const found = (name: string, ns: string, ready: number, impl: string) => ({
    w: { impl, namespace: ns, name },
    d: { spec: { replicas: 1 }, status: { readyReplicas: ready } },
  });
  test('missing, not ready, and Cilium with MCS support off', async () => {
    const o = await runCheck(controller, healthySnapshot(), {
      east: { deployments: [], ciliumConfig: null },
      west: { deployments: [found('mcs-api-controller', 'kube-system', 0, 'generic')], ciliumConfig: null },
    });
    assert.deepEqual(byCluster(o, 'east')?.causes, ['controller-missing']);
    assert.deepEqual(byCluster(o, 'west')?.causes, ['controller-not-ready']);
    const c = await runCheck(
      controller,
      healthySnapshot(),
      {
        east: {
          deployments: [found('cilium-operator', 'kube-system', 1, 'cilium')],
          ciliumConfig: { 'clustermesh-enable-mcs-api': 'false' },
        },
      },
      { implementation: 'cilium' },
    );
    assert.deepEqual(byCluster(c, 'east')?.causes, ['controller-missing']);
    assert.match(byCluster(c, 'east')?.detail ?? '', /clustermesh-enable-mcs-api/);
  });
  test('istiod alone is no MCS controller', async () => {
    const o = await runCheck(
      controller,
      healthySnapshot(),
      { east: { deployments: [found('istiod', 'istio-system', 1, 'istio')], ciliumConfig: null } },
      { implementation: 'istio' },
    );
    assert.deepEqual(byCluster(o, 'east')?.causes, ['controller-missing']);
    assert.match(byCluster(o, 'east')?.detail ?? '', /istiod runs/);
  });
});

describe('4 cluster ids', () => {
  test('an invalid id, a duplicate, a clusterset id that differs', async () => {
    const s = healthySnapshot();
    s.clusters = [cluster('east', { clusterId: 'East_1' }), cluster('west')];
    assert.deepEqual(causesOf(await runCheck(clusterIds, s)), ['cluster-id-invalid']);
    s.clusters = [cluster('east', { clusterId: 'one' }), cluster('west', { clusterId: 'one' })];
    const d = await runCheck(clusterIds, s);
    assert.deepEqual(byCluster(d, 'west')?.causes, ['cluster-id-duplicate']);
    s.clusters = [cluster('east'), cluster('west', { clustersetId: 'staging' })];
    const m = await runCheck(clusterIds, s, {}, { clusterSet: { name: 'prod', clusters: [], services: [] } });
    assert.match(byCluster(m, 'west')?.detail ?? '', /"staging", but the clusterset is "prod"/);
  });
  test('Cilium: id 0 / name default is not configured; duplicate numeric ids', async () => {
    const s = healthySnapshot();
    s.clusters = [cluster('east', { clusterId: undefined }), cluster('west', { clusterId: undefined })];
    const o = await runCheck(
      clusterIds,
      s,
      {
        east: { cilium: { 'cluster-name': 'default', 'cluster-id': '0' } },
        west: { cilium: { 'cluster-name': 'west', 'cluster-id': '0' } },
      },
      { implementation: 'cilium' },
    );
    assert.match(byCluster(o, 'east')?.detail ?? '', /not configured for ClusterMesh/);
    const dup = await runCheck(
      clusterIds,
      s,
      {
        east: { cilium: { 'cluster-name': 'east', 'cluster-id': '3' } },
        west: { cilium: { 'cluster-name': 'west', 'cluster-id': '3' } },
      },
      { implementation: 'cilium' },
    );
    assert.deepEqual(causesOf(dup), ['cluster-id-duplicate']);
  });
});

describe('5 service and 6 export status', () => {
  test('no Service, ExternalName, NodePort for Submariner', async () => {
    const s = healthySnapshot();
    s.exports = [exportIn('east', { service: null })];
    assert.deepEqual(causesOf(await runCheck(service, s)), ['service-missing']);
    s.exports = [exportIn('east', { service: { ...exportIn('east').service!, type: 'ExternalName' } })];
    assert.deepEqual(causesOf(await runCheck(service, s)), ['export-invalid']);
    s.exports = [exportIn('east', { service: { ...exportIn('east').service!, type: 'NodePort' } })];
    assert.deepEqual(causesOf(await runCheck(service, s)), []);
    assert.deepEqual(causesOf(await runCheck(service, s, {}, { implementation: 'submariner' })), ['export-invalid']);
    s.exports = [];
    assert.match(byCluster(await runCheck(service, s), null)?.detail ?? '', /nothing exports it/);
  });
  const cond = (type: string, status: 'True' | 'False' | 'Unknown', reason: string, at = '2026-12-01T09:00:00Z') => ({
    type,
    status,
    reason,
    lastTransitionTime: at,
  });
  test('never reconciled, NamespaceNotGlobal, Conflict, Ready False, a young Pending only warns, AWS sets none', async () => {
    const s = healthySnapshot();
    const with_ = (conditions: ReturnType<typeof cond>[]) => {
      s.exports = [exportIn('east', { conditions })];
      return runCheck(exportStatus, s);
    };
    assert.deepEqual(causesOf(await with_([])), ['export-not-ready']);
    assert.deepEqual(causesOf(await with_([cond('Valid', 'False', 'NamespaceNotGlobal')])), ['namespace-not-global']);
    assert.deepEqual(causesOf(await with_([cond('Valid', 'True', 'Valid'), cond('Conflict', 'True', 'PortConflict')])), [
      'export-conflict',
    ]);
    assert.deepEqual(causesOf(await with_([cond('Valid', 'True', 'Valid'), cond('Ready', 'False', 'Failed')])), [
      'export-not-ready',
    ]);
    const young = await with_([
      cond('Valid', 'True', 'Valid'),
      cond('Ready', 'False', 'Pending', new Date(NOW.getTime() - 10_000).toISOString()),
    ]);
    assert.equal(young[0]?.status, 'warn');
    s.exports = [exportIn('east', { conditions: [] })];
    assert.equal((await runCheck(exportStatus, s, {}, { implementation: 'aws' }))[0]?.status, 'pass');
  });
});

describe('7 namespace', () => {
  test('missing; Cilium annotation false; Cilium default-global false without annotation', async () => {
    const o = await runCheck(namespace, healthySnapshot(), {
      east: { namespace: {}, cilium: null },
      west: { namespace: null, cilium: null },
    });
    assert.deepEqual(byCluster(o, 'west')?.causes, ['namespace-missing']);
    assert.equal(byCluster(o, 'east')?.status, 'pass');
    const annotated = { namespace: { metadata: { annotations: { 'clustermesh.cilium.io/global': 'false' } } }, cilium: {} };
    const c = await runCheck(
      namespace,
      healthySnapshot(),
      { east: { namespace: {}, cilium: {} }, west: annotated },
      { implementation: 'cilium' },
    );
    assert.deepEqual(causesOf(c), ['namespace-not-global']);
    const d = await runCheck(
      namespace,
      healthySnapshot(),
      { east: { namespace: {}, cilium: { 'clustermesh-default-global-namespace': 'false' } } },
      { implementation: 'cilium' },
    );
    assert.deepEqual(byCluster(d, 'east')?.causes, ['namespace-not-global']);
  });
});

describe('8 import', () => {
  test('missing import; ClusterSetIP without IP; normal for Submariner; type mismatch warns', async () => {
    const s = healthySnapshot();
    s.imports = [importIn('east')];
    assert.deepEqual(byCluster(await runCheck(importCheck, s), 'west')?.causes, ['import-missing']);
    s.imports = [importIn('east'), importIn('west', { ips: [] })];
    assert.deepEqual(causesOf(await runCheck(importCheck, s)), ['no-clusterset-ip']);
    const sub = await runCheck(importCheck, s, {}, { implementation: 'submariner' });
    assert.deepEqual(causesOf(sub), []);
    assert.match(byCluster(sub, 'west')?.detail ?? '', /normal for Submariner/);
    s.imports = [importIn('east'), importIn('west', { type: 'Headless', ips: [] })];
    assert.equal(byCluster(await runCheck(importCheck, s), 'west')?.status, 'warn');
  });
  test('consumers come from the ClusterSet file (plus the exporters)', async () => {
    const s = healthySnapshot();
    s.imports = [importIn('east')];
    const clusterSet = {
      clusters: [],
      services: [{ name: 'web', namespace: 'shop', exportedFrom: ['east'], consumers: ['east'] }],
    };
    const o = await runCheck(importCheck, s, {}, { clusterSet });
    assert.deepEqual(
      o.map((x) => x.cluster),
      ['east'],
    );
  });
});

describe('9 endpoints', () => {
  test('no ready local endpoints; no slice from the exporter; Cilium ClusterSetIP needs none, Cilium headless does', async () => {
    assert.deepEqual(causesOf(await runCheck(endpoints, healthySnapshot(), { east: { slices: 1, ready: 0 } })), ['no-endpoints']);
    const s = healthySnapshot();
    s.endpointSlices = [];
    assert.deepEqual(byCluster(await runCheck(endpoints, s, { east: { slices: 1, ready: 2 } }), 'west')?.causes, [
      'no-endpoints',
    ]);
    assert.deepEqual(causesOf(await runCheck(endpoints, s, { east: { slices: 1, ready: 2 } }, { implementation: 'cilium' })), []);
    s.imports = [importIn('east', { type: 'Headless', ips: [] }), importIn('west', { type: 'Headless', ips: [] })];
    assert.deepEqual(causesOf(await runCheck(endpoints, s, {}, { implementation: 'cilium' })), ['no-endpoints']);
    s.endpointSlices = [sliceIn('west', 'east', 0)];
    assert.match(byCluster(await runCheck(endpoints, s), 'west')?.detail ?? '', /no ready endpoints/);
  });
  test('a forbidden endpointslice read is access-denied, not no-endpoints', async () => {
    const s = healthySnapshot();
    s.endpointSlices = [];
    s.clusters = [
      cluster('east'),
      cluster('west', {
        partial: [
          { resource: 'EndpointSlices with the MCS service-name label', fault: { kind: 'forbidden', message: 'forbidden' } },
        ],
      }),
    ];
    assert.deepEqual(byCluster(await runCheck(endpoints, s), 'west')?.causes, ['access-denied']);
  });
});

describe('12 probe', () => {
  test('without a prober it is not run; with one, results map to pass / skip-with-why / dns-not-configured', async () => {
    assert.match((await runCheck(probe, healthySnapshot()))[0]?.detail ?? '', /not requested/);
    const prober: Prober = {
      describe: () => 'Pod',
      probe: async (c) =>
        c === 'east'
          ? { kind: 'ok', pod: 'p1', output: 'CONNECTED', deleted: true }
          : { kind: 'not-run', pod: 'p2', why: 'the pod was not scheduled within 12 s', deleted: true },
    };
    const o = await runCheck(probe, healthySnapshot(), {}, { prober });
    assert.equal(byCluster(o, 'east')?.status, 'pass');
    assert.equal(byCluster(o, 'west')?.status, 'skip');
    assert.match(byCluster(o, 'west')?.detail ?? '', /not scheduled within 12 s; pod p2 deleted/);
    const nx: Prober = {
      describe: () => '',
      probe: async () => ({ kind: 'failed', pod: 'p', output: "nslookup: can't resolve 'web.shop'", deleted: false }),
    };
    const f = await runCheck(probe, healthySnapshot(), {}, { prober: nx });
    assert.deepEqual(causesOf(f), ['dns-not-configured']);
    assert.match(f[0]?.detail ?? '', /could NOT be confirmed deleted/);
  });
});
