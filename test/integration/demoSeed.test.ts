// The demo clusterset of `npm start` and the e2e tree scenarios (scripts/demo-seed.mjs) on the real testbed:
// every object it seeds is accepted by the API server, and the inventory reads it as the demo promises — a
// healthy, a degraded and a broken service. Without `withController` (the e2e testbed) no controller is
// found; with it (what `npm start` seeds, applied over the first seed here) each cluster reads as Cilium with
// its operator ready.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startClusterset, type Testbed } from '../../testbed/src/index.js';
import { readInventory } from '../../clusters/src/inventory/read.js';
import { summarizeServices } from '../../clusters/src/inventory/health.js';
import type { ClustersetSnapshot } from '../../clusters/src/inventory/snapshot.js';
import { seedDemo } from '../../scripts/demo-seed.mjs';

const CLUSTERS = ['east', 'west', 'central'];
let tb: Testbed;

before(async () => {
  tb = await startClusterset({ clusters: CLUSTERS, log: () => undefined });
});

after(async () => {
  await tb?.stop();
});

const read = (): Promise<ClustersetSnapshot> =>
  readInventory(
    { path: tb.kubeconfigPath },
    CLUSTERS.map((name) => ({ name, context: name })),
    { timeoutMs: 30_000 },
  );

const byName = (s: ClustersetSnapshot) => Object.fromEntries(summarizeServices(s).map((x) => [`${x.namespace}/${x.name}`, x]));

test('the e2e seed: accepted, the three services, and no controller found in any cluster', async () => {
  await seedDemo(tb);
  const s = await read();
  for (const c of s.clusters) {
    assert.equal(c.fault, undefined, `${c.name}: ${c.fault?.message}`);
    assert.equal(c.implementation, 'generic', c.name);
    assert.equal(c.controllerReady, undefined, c.name);
  }
  assert.deepEqual(Object.keys(byName(s)).sort(), ['billing/payments', 'shop/cart', 'shop/web']);
});

test("npm start's seed: Cilium ready everywhere; web healthy, cart degraded by the slice central lacks, payments broken", async () => {
  await seedDemo(tb, { withController: true });
  const s = await read();
  for (const c of s.clusters) {
    assert.equal(c.fault, undefined, `${c.name}: ${c.fault?.message}`);
    assert.equal(c.implementation, 'cilium', c.name);
    assert.equal(c.controllerReady, true, c.name);
    assert.equal(c.clusterId, c.name);
  }
  const health = byName(s);
  assert.equal(health['shop/web']?.health, 'healthy', JSON.stringify(health['shop/web']?.reasons));
  assert.equal(health['shop/cart']?.health, 'degraded');
  assert.deepEqual(health['shop/cart']?.reasons, ['no EndpointSlice from west in central']);
  assert.equal(health['billing/payments']?.health, 'broken');
});
