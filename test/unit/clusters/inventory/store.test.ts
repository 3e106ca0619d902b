// ClusterStore.replaceShared: a list shared by identical contexts fills each member's store with the states a
// conversion of its own would give (only ref.cluster differs), and the snapshot is the same as with separate
// conversions. Property-tested over arbitrary JSON lists, so the copy can never drift from the conversion.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ClusterStore, snapshotOf, type ResourceId } from '../../../../clusters/src/inventory/store';

const IDS: ResourceId[] = ['exports', 'imports', 'endpointSlices', 'services', 'namespaces', 'clusterProperties'];
const member = (name: string) => new ClusterStore({ name, context: `${name}-context` });

const item = fc.record(
  {
    metadata: fc.record(
      {
        name: fc.constantFrom('web', 'db', 'cart', 'a-b', 'a.b'),
        namespace: fc.constantFrom('shop', 'kube-system', 'Shop'),
        labels: fc.dictionary(
          fc.constantFrom('multicluster.kubernetes.io/source-cluster', 'multicluster.kubernetes.io/service-name', 'x'),
          fc.oneof(fc.string(), fc.integer()),
        ),
        annotations: fc.dictionary(fc.constantFrom('service.cilium.io/global', 'other'), fc.oneof(fc.string(), fc.boolean())),
      },
      { requiredKeys: ['name'] },
    ),
    spec: fc.record({
      type: fc.constantFrom('ClusterSetIP', 'Headless', 'ClusterIP'),
      clusterIP: fc.constantFrom('None', '10.0.0.1'),
      ips: fc.array(fc.oneof(fc.ipV4(), fc.integer())),
      ports: fc.array(fc.record({ port: fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.string()), name: fc.string() })),
      value: fc.string(),
    }),
    status: fc.record({
      conditions: fc.array(fc.record({ type: fc.constantFrom('Valid', 'Ready'), status: fc.constantFrom('True', 'False', 'x') })),
      clusters: fc.array(fc.record({ cluster: fc.string() })),
    }),
    endpoints: fc.array(fc.record({ conditions: fc.record({ ready: fc.boolean() }) })),
  },
  { requiredKeys: ['metadata'] },
);

test('members filled from one shared list equal members that converted it themselves', () => {
  fc.assert(
    fc.property(fc.constantFrom(...IDS), fc.array(item, { maxLength: 12 }), (id, items) => {
      const shared = [member('east'), member('east-2'), member('east-3')];
      for (const s of shared) s.replaceShared(id, items);
      const alone = [member('east'), member('east-2'), member('east-3')];
      // Each its own copy of the list: nothing of the first conversion can be reused.
      for (const s of alone) s.replace(id, structuredClone(items));
      const at = '2026-12-01T00:00:00.000Z';
      assert.deepEqual(snapshotOf(shared, at), snapshotOf(alone, at));
    }),
    { numRuns: 300 },
  );
});

test('a copied state is its member’s own: the cluster names differ and changing one store leaves the other', () => {
  const items = [{ metadata: { name: 'web', namespace: 'shop' }, status: { conditions: [{ type: 'Valid', status: 'True' }] } }];
  const a = member('east');
  const b = member('east-2');
  a.replaceShared('exports', items);
  b.replaceShared('exports', items);
  assert.equal(a.exports.get('shop/web')?.ref.cluster, 'east');
  assert.equal(b.exports.get('shop/web')?.ref.cluster, 'east-2');
  a.remove('exports', items[0]);
  assert.equal(a.exports.size, 0);
  assert.equal(b.exports.size, 1);
});

test('a list shared under another resource or MCS version is converted afresh', () => {
  const items = [{ metadata: { name: 'web', namespace: 'shop' } }];
  const alpha = member('east');
  alpha.replaceShared('exports', items);
  const beta = member('west');
  beta.served = { mcs: ['multicluster.x-k8s.io/v1beta1'], read: 'multicluster.x-k8s.io/v1beta1' };
  beta.replaceShared('exports', items);
  assert.equal(alpha.exports.get('shop/web')?.ref.apiVersion, 'multicluster.x-k8s.io/v1alpha1');
  assert.equal(beta.exports.get('shop/web')?.ref.apiVersion, 'multicluster.x-k8s.io/v1beta1');
  const imports = member('central');
  imports.replaceShared('imports', items);
  assert.equal(imports.imports.get('shop/web')?.ref.kind, 'ServiceImport');
  assert.equal(imports.exports.size, 0);
});
