// summarizeServices: the conformance-derived health model, implementation by implementation, on snapshots
// built from our own data contract.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { summarizeServices } from '../../../../clusters/src/inventory/health';
import type { ClustersetSnapshot, McsImplementation, ServiceSummary } from '../../../../clusters/src/inventory/snapshot';
import { cluster, exp, healthyTrio, imp, slice, snapshot, svc } from './builder';

const one = (s: ClustersetSnapshot, implementation?: McsImplementation): ServiceSummary => {
  const all = summarizeServices(s, implementation);
  assert.equal(all.length, 1, JSON.stringify(all.map((x) => x.name)));
  return all[0]!;
};
const verdict = (s: ServiceSummary) => ({ health: s.health, reasons: s.reasons });

/** east and west export cart; every cluster imports it; slices as given. */
const CART_SLICES = [slice('east', 'cart', 'west', 2), slice('west', 'cart', 'east', 2), slice('central', 'cart', 'east', 2)];

function cartPair(slices = [...CART_SLICES, slice('central', 'cart', 'west', 1)]) {
  const clusters = ['east', 'west', 'central'].map((n) => cluster(n));
  return snapshot({
    clusters,
    exports: [exp('east', 'cart'), exp('west', 'cart')],
    imports: clusters.map((c) => imp(c.name, 'cart', { statusClusters: ['east', 'west'] })),
    slices,
  });
}

describe('healthy and degraded endpoints', () => {
  test('exported from east, imported everywhere with an IP, ready endpoints from east in every other consumer', () => {
    const s = one(healthyTrio());
    assert.deepEqual(verdict(s), { health: 'healthy', reasons: [] });
    assert.deepEqual(s.exportedFrom, ['east']);
    assert.deepEqual(s.importedIn, ['east', 'west', 'central']);
    assert.deepEqual(s.endpoints, { east: 2 });
    assert.deepEqual(
      s.perCluster?.map((c) => [c.cluster, !!c.export, !!c.import, c.endpoints.map((e) => `${e.source}:${e.ready}/${e.total}`)]),
      [
        ['east', true, true, []],
        ['west', false, true, ['east:2/2']],
        ['central', false, true, ['east:2/2']],
      ],
    );
  });

  test('endpoints missing from one source cluster in one consumer: degraded, and that consumer’s count is 0', () => {
    assert.deepEqual(verdict(one(cartPair())), { health: 'healthy', reasons: [] });
    const s = one(cartPair(CART_SLICES));
    assert.deepEqual(verdict(s), { health: 'degraded', reasons: ['no EndpointSlice from west in central'] });
    assert.deepEqual(s.endpoints, { west: 0, east: 2 });
  });

  test('a slice whose endpoints are all unready is named with its counts', () => {
    const s = one(cartPair([...CART_SLICES, slice('central', 'cart', 'west', 0, 3)]));
    assert.deepEqual(verdict(s), { health: 'degraded', reasons: ['0 of 3 endpoints from west are ready in central'] });
  });

  test('no consumer with a ready endpoint from another cluster: broken', () => {
    const t = healthyTrio();
    t.endpointSlices = [slice('west', 'web', 'east', 0, 2), slice('central', 'web', 'east', 0, 1)];
    const s = one(t);
    assert.equal(s.health, 'broken');
    assert.deepEqual(s.reasons, [
      'no consumer has a ready endpoint from another cluster',
      '0 of 2 endpoints from east are ready in west',
      '0 of 1 endpoints from east are ready in central',
    ]);
  });

  test('the source-cluster label carries the cluster id; endpoints are keyed by member name', () => {
    const t = healthyTrio();
    t.clusters[0] = { ...t.clusters[0]!, clusterId: 'e4b1-uid' };
    t.endpointSlices = [slice('west', 'web', 'e4b1-uid', 2), slice('central', 'web', 'e4b1-uid', 3)];
    const s = one(t);
    assert.deepEqual(verdict(s), { health: 'healthy', reasons: [] });
    assert.deepEqual(s.endpoints, { east: 2 });
  });
});

describe('exports', () => {
  test('no Service behind the only export: broken, however complete the imports look', () => {
    const t = healthyTrio();
    t.exports = [exp('east', 'web', {}, null)];
    assert.deepEqual(verdict(one(t)), { health: 'broken', reasons: ['no Service shop/web in east behind its ServiceExport'] });
  });

  test('an ExternalName Service, or Valid=False on every export: broken with the controller’s reason', () => {
    const t = healthyTrio();
    t.exports = [exp('east', 'web', {}, svc('east', 'web', { type: 'ExternalName' }))];
    assert.deepEqual(one(t).reasons, ['the Service in east is ExternalName, which cannot be exported']);
    t.exports = [
      exp('east', 'web', {
        conditions: [{ type: 'Valid', status: 'False', reason: 'NamespaceNotGlobal', message: 'ns not global' }],
      }),
    ];
    assert.deepEqual(verdict(one(t)), {
      health: 'broken',
      reasons: ['ServiceExport in east is not valid (NamespaceNotGlobal: ns not global)'],
    });
  });

  test('one of two exports invalid, or a Conflict reported: degraded', () => {
    const t = cartPair();
    t.exports[1] = exp('west', 'cart', { conditions: [{ type: 'Valid', status: 'False', reason: 'InvalidServiceType' }] });
    // west no longer contributes: its endpoints are not expected anywhere.
    t.endpointSlices = [slice('west', 'cart', 'east', 2), slice('central', 'cart', 'east', 2)];
    assert.deepEqual(verdict(one(t)), {
      health: 'degraded',
      reasons: ['ServiceExport in west is not valid (InvalidServiceType)'],
    });
    const c = cartPair();
    c.exports[1] = exp('west', 'cart', {
      conditions: [
        { type: 'Valid', status: 'True' },
        { type: 'Conflict', status: 'True', reason: 'PortConflict' },
      ],
    });
    assert.deepEqual(verdict(one(c)), {
      health: 'degraded',
      reasons: ['conflict reported on the export in west (PortConflict)'],
    });
  });

  test('Cilium, Submariner and GKE always write status: an export without conditions was never reconciled', () => {
    const t = healthyTrio('submariner');
    t.exports = [exp('east', 'web', { conditions: [] })];
    assert.deepEqual(one(t).reasons, [
      'the export in east has no status conditions: the submariner controller has not processed it',
    ]);
    const g = healthyTrio();
    g.exports = [exp('east', 'web', { conditions: [] })];
    assert.deepEqual(one(g).reasons, [], 'a generic controller may not write status');
  });
});

describe('imports', () => {
  test('a cluster that has the namespace but no import: degraded; one without the namespace is not expected', () => {
    const t = healthyTrio();
    t.imports = t.imports.filter((i) => i.ref.cluster !== 'central');
    t.endpointSlices = t.endpointSlices.filter((x) => x.ref.cluster !== 'central');
    assert.deepEqual(one(t).reasons, ['no ServiceImport in central, which has namespace shop']);
    t.clusters[2] = cluster('central', { namespaces: ['default'] });
    assert.deepEqual(verdict(one(t)), { health: 'healthy', reasons: [] });
  });

  test('no import anywhere: broken once past the pending window, degraded while young', () => {
    const t = healthyTrio();
    t.imports = [];
    t.endpointSlices = [];
    assert.deepEqual(verdict(one(t)), {
      health: 'broken',
      reasons: ['no ServiceImport in any cluster (expected in east, west, central): is the MCS controller running?'],
    });
    t.exports = [exp('east', 'web', { creationTimestamp: '2026-11-30T11:59:50Z' })];
    assert.deepEqual(verdict(one(t)), { health: 'degraded', reasons: ['pending: exported 10 s ago, no ServiceImport yet'] });
  });

  test('imported but exported nowhere: a stale import — broken, or degraded when a cluster could not be read', () => {
    const t = snapshot({ clusters: [cluster('east'), cluster('west')], imports: [imp('west', 'old')] });
    assert.deepEqual(verdict(one(t)), {
      health: 'broken',
      reasons: ['imported in west but exported from no cluster: a stale import'],
    });
    t.clusters.push(cluster('north', { reachable: false, fault: { kind: 'unreachable', message: 'cannot connect' } }));
    assert.deepEqual(verdict(one(t)), {
      health: 'degraded',
      reasons: [
        'imported in west but exported from no cluster that answered: a stale import',
        'unknown in north: not read (unreachable)',
      ],
    });
  });

  test('type, ports and status.clusters must match the exports', () => {
    const t = healthyTrio();
    t.exports = [exp('east', 'web', {}, svc('east', 'web', { headless: true, clusterIP: 'None' }))];
    assert.ok(one(t).reasons.includes('the import in west is ClusterSetIP, but the oldest export (east) is Headless'));
    const p = healthyTrio();
    p.exports = [
      exp(
        'east',
        'web',
        {},
        svc('east', 'web', {
          ports: [
            { port: 80, protocol: 'TCP' },
            { port: 8443, protocol: 'TCP' },
          ],
        }),
      ),
    ];
    assert.deepEqual(
      one(p).reasons,
      ['east', 'west', 'central'].map((c) => `the import in ${c} lacks port 8443/TCP that east exports`),
    );
    const s = healthyTrio();
    s.imports[1] = imp('west', 'web', { statusClusters: ['east', 'central'] });
    assert.deepEqual(one(s).reasons, [
      'the import in west lists central in status.clusters, but central no longer exports it (stale)',
    ]);
  });

  test('a ClusterSetIP import without an IP: degraded there, broken when no import has one', () => {
    const t = healthyTrio();
    t.imports[2] = imp('central', 'web', { ips: [] });
    assert.deepEqual(verdict(one(t)), {
      health: 'degraded',
      reasons: ['no clusterset IP on the import in central: web.shop.svc.clusterset.local has no address there'],
    });
    t.imports = t.imports.map((i) => ({ ...i, ips: [] }));
    assert.equal(one(t).health, 'broken');
    assert.equal(one(t).reasons[0], 'no import has a clusterset IP: nothing resolves to the service');
  });
});

describe('implementation-aware', () => {
  test('Cilium: a ClusterSetIP import without MCS EndpointSlices is normal; a headless one needs them', () => {
    const t = healthyTrio('cilium');
    t.endpointSlices = [];
    assert.deepEqual(verdict(one(t)), { health: 'healthy', reasons: [] });
    t.exports = [exp('east', 'web', {}, svc('east', 'web', { headless: true, clusterIP: 'None' }))];
    t.imports = t.imports.map((i) => ({ ...i, type: 'Headless', ips: [] }));
    const s = one(t);
    assert.equal(s.health, 'broken');
    assert.deepEqual(s.reasons, [
      'no consumer has a ready endpoint from another cluster',
      'no EndpointSlice from east in west',
      'no EndpointSlice from east in central',
    ]);
  });

  test('Cilium with endpoint sync on (cilium-config or the Service annotation) expects slices for ClusterSetIP too', () => {
    const t = healthyTrio('cilium');
    t.endpointSlices = [slice('west', 'web', 'east', 2)];
    t.clusters = t.clusters.map((c) => (c.name === 'central' ? { ...c, endpointSliceSync: true } : c));
    // Degraded, not broken: Cilium's datapath balances a ClusterSetIP import without them.
    assert.deepEqual(verdict(one(t)), { health: 'degraded', reasons: ['no EndpointSlice from east in central'] });
    const a = healthyTrio('cilium');
    a.endpointSlices = [];
    a.exports = [
      exp('east', 'web', {}, svc('east', 'web', { annotations: { 'service.cilium.io/global-sync-endpoint-slices': 'true' } })),
    ];
    assert.deepEqual(verdict(one(a)), {
      health: 'degraded',
      reasons: ['no EndpointSlice from east in west', 'no EndpointSlice from east in central'],
    });
  });

  test('Submariner: no clusterset IP unless the export asks for one', () => {
    const t = healthyTrio('submariner');
    t.imports = t.imports.map((i) => ({ ...i, ips: [] }));
    assert.deepEqual(verdict(one(t)), { health: 'healthy', reasons: [] });
    t.exports = [exp('east', 'web', { annotations: { 'lighthouse.submariner.io/use-clusterset-ip': 'true' } })];
    assert.equal(one(t).health, 'broken');
  });

  test('GKE and Istio publish no MCS EndpointSlices: none expected', () => {
    for (const impl of ['gke', 'istio'] as const) {
      const t = healthyTrio(impl);
      t.endpointSlices = [];
      assert.deepEqual(verdict(one(t)), { health: 'healthy', reasons: [] }, impl);
    }
  });

  test('the declared implementation fills in where detection found none; what was detected wins', () => {
    const t = healthyTrio('generic');
    t.imports = t.imports.map((i) => ({ ...i, ips: [] }));
    assert.equal(one(t).health, 'broken');
    assert.equal(one(t, 'submariner').health, 'healthy');
    const g = healthyTrio('cilium');
    g.imports = g.imports.map((i) => ({ ...i, ips: [] }));
    assert.equal(one(g, 'submariner').health, 'broken', 'detected Cilium wants a clusterset IP');
  });

  test('a controller that is not ready degrades the services of its cluster', () => {
    const t = healthyTrio('cilium');
    t.clusters[1] = { ...t.clusters[1]!, controllerReady: false, controller: 'Deployment kube-system/cilium-operator 0/1 ready' };
    assert.deepEqual(one(t).reasons, ['controller in west not ready (Deployment kube-system/cilium-operator 0/1 ready)']);
  });
});

test('services are listed by namespace/name, each exported or imported one once', () => {
  const t = healthyTrio();
  t.exports.push(exp('west', 'api'));
  t.imports.push(imp('west', 'api'), imp('east', 'api'));
  assert.deepEqual(
    summarizeServices(t).map((s) => `${s.namespace}/${s.name}`),
    ['shop/api', 'shop/web'],
  );
});
