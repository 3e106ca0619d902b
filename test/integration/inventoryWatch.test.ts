// The live inventory against real API servers: list + watch picks up a new export and a deleted import
// without polling; a member behind an HTTP front whose connections are cut shows "stale since", then resumes;
// a watch answered with 410 Gone relists (and so sees what changed meanwhile); pause ends every watch and
// resume catches up; a silent member does not hold back the others' first snapshot.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { startClusterset, type Testbed } from '../../testbed/src/index.js';
import { watchInventory, type InventoryWatch } from '../../clusters/src/inventory/watch.js';
import type { ClusterState, ClustersetSnapshot } from '../../clusters/src/inventory/snapshot.js';
import {
  MCS,
  apiFront,
  caData,
  currentVersion,
  eventually,
  extendKubeconfig,
  ns,
  remove,
  service,
  serviceExport,
  serviceImport,
  silentServer,
  type ApiFront,
} from './inventoryFixtures.js';

let tb: Testbed;
let dir: string;
let front: ApiFront;
let silent: { port: number; close(): void };
let kubeconfig: string;
let live: InventoryWatch;
let latest: ClustersetSnapshot | undefined;
const history: ClustersetSnapshot[] = [];

const objects = (...o: object[]) => o as KubernetesObject[];
const clusterOf = (s: ClustersetSnapshot, name: string): ClusterState | undefined => s.clusters.find((c) => c.name === name);
const exportsIn = (s: ClustersetSnapshot, cluster: string) =>
  s.exports.filter((e) => e.ref.cluster === cluster).map((e) => `${e.ref.namespace}/${e.ref.name}`);
const importsIn = (s: ClustersetSnapshot, cluster: string) =>
  s.imports.filter((e) => e.ref.cluster === cluster).map((e) => `${e.ref.namespace}/${e.ref.name}`);
const path = (kind: 'serviceexports' | 'serviceimports', name: string) => `/apis/${MCS}/namespaces/shop/${kind}/${name}`;

const exportsWatch = /^\/apis\/multicluster\.x-k8s\.io\/v1beta1\/serviceexports\?watch=1/;
const exportsList = /^\/apis\/multicluster\.x-k8s\.io\/v1beta1\/serviceexports\?limit=500/;

/**
 * West's ServiceExport `name` is deleted while west is cut off, then compacted away: a ServiceExport watch from
 * any resourceVersion before the delete is answered 410 Gone (`as` an ERROR event in the stream, as the watch
 * cache answers, or as the HTTP status of the watch request), so only a relist can show the delete; a watch
 * resumed from the old resourceVersion never would.
 */
async function deletedWhileCompacted(name: string, as: 'event' | 'status'): Promise<void> {
  // West must be past its first read, its ServiceExport reflector watching from a resourceVersion (the earlier
  // tests leave it so; alone, this waits for it): a cut during the first read retries the whole read, whose
  // fresh list needs no 410.
  await eventually(
    () => latest,
    (s) => exportsIn(s, 'west').includes(`shop/${name}`) && front.requests.some((r) => exportsWatch.test(r)),
    30_000,
    `west watching its ServiceExports, shop/${name} among them`,
  );
  front.refusing = true;
  front.cut();
  await remove(tb, 'west', path('serviceexports', name));
  const mark = front.requests.length;
  const before = await currentVersion(tb, 'west', `/apis/${MCS}/namespaces/shop/serviceexports`);
  front.compacted = { path: exportsWatch, before, as };
  front.refusing = false;
  await eventually(
    () => latest,
    (s) => !exportsIn(s, 'west').includes(`shop/${name}`),
    15_000,
    `shop/${name} gone after relist`,
  );
  const after = front.requests.slice(mark).join('\n');
  const gone = front.goneAt.find((i) => i >= mark);
  assert.ok(gone !== undefined, `no ServiceExport watch answered 410 Gone:\n${after}`);
  const relist = front.requests.findIndex((r, i) => i > gone && exportsList.test(r));
  assert.ok(relist > gone, `no relist of serviceexports after 410:\n${after}`);
  front.compacted = undefined;
  await eventually(
    () => latest,
    (s) => !clusterOf(s, 'west')?.staleSince,
    15_000,
    'west live after the relist',
  );
}

before(
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'clusterset-inventory-watch-'));
    tb = await startClusterset({ clusters: ['east', 'west'] });
    await tb.seed({
      east: objects(
        ns('shop'),
        service('shop', 'web'),
        serviceExport('shop', 'web'),
        serviceImport('shop', 'old', ['10.99.0.20']),
      ),
      west: objects(ns('shop'), service('shop', 'cart'), serviceExport('shop', 'cart')),
    });
    front = await apiFront(tb, 'west');
    silent = await silentServer();
    kubeconfig = extendKubeconfig(tb, dir, {
      clusters: [
        { name: 'west-front', cluster: { server: front.url } },
        {
          name: 'silent',
          cluster: { server: `https://127.0.0.1:${silent.port}`, 'certificate-authority-data': caData(tb, 'east') },
        },
      ],
      contexts: [
        { name: 'west-front', context: { cluster: 'west-front', user: 'testbed-admin' } },
        { name: 'silent', context: { cluster: 'silent', user: 'testbed-admin' } },
      ],
    });
    live = watchInventory(
      { path: kubeconfig },
      [
        { name: 'east', context: 'east' },
        { name: 'west', context: 'west-front' },
        { name: 'silent', context: 'silent' },
      ],
      { timeoutMs: 8000, timing: { backoffStartMs: 200, backoffMaxMs: 1000 } },
      (s) => {
        latest = s;
        history.push(s);
      },
    );
  },
  { timeout: 45 * 60_000 },
);

after(async () => {
  live?.stop();
  silent?.close();
  await front?.close();
  await tb?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('live inventory', () => {
  test('the first snapshots show east and west while the silent member is still pending, then its timeout', async () => {
    await eventually(
      () => latest,
      (s) => exportsIn(s, 'east').length === 1 && exportsIn(s, 'west').length === 1,
      30_000,
      'east and west read',
    );
    const first = history.find((s) => exportsIn(s, 'east').length === 1 && exportsIn(s, 'west').length === 1);
    assert.ok(first);
    // Rendered before the silent member's 8 s deadline ran out: nothing waited on it.
    assert.equal(clusterOf(first, 'silent')?.fault, undefined);
    await eventually(
      () => latest,
      (s) => clusterOf(s, 'silent')?.fault?.kind === 'timeout',
      30_000,
      'silent times out',
    );
  });

  test('a ServiceExport created in east appears, an import deleted in east disappears (watch, not a relist)', async () => {
    const listsBefore = front.requests.length;
    await tb.apply('east', objects(service('shop', 'api'), serviceExport('shop', 'api')));
    const s = await eventually(
      () => latest,
      (x) => exportsIn(x, 'east').includes('shop/api'),
      10_000,
      'new export',
    );
    assert.equal(s.exports.find((e) => e.ref.name === 'api')?.service?.type, 'ClusterIP');
    await remove(tb, 'east', path('serviceimports', 'old'));
    await eventually(
      () => latest,
      (x) => !importsIn(x, 'east').includes('shop/old'),
      10_000,
      'deleted import',
    );
    // West's front saw no new list meanwhile: changes arrive on the open watches.
    assert.equal(
      front.requests.slice(listsBefore).filter((r) => !r.includes('watch=1')).length,
      0,
      front.requests.slice(listsBefore).join('\n'),
    );
  });

  test('cut connections: west shows stale since …, keeps its data, and resumes from its resourceVersion', async () => {
    front.refusing = true;
    front.cut();
    const stale = await eventually(
      () => latest,
      (s) => !!clusterOf(s, 'west')?.staleSince,
      10_000,
      'west stale',
    );
    assert.deepEqual(exportsIn(stale, 'west'), ['shop/cart']);
    assert.match(clusterOf(stale, 'west')?.staleReason?.kind ?? '', /unreachable/);
    await tb.apply('west', objects(service('shop', 'late'), serviceExport('shop', 'late')));
    const mark = front.requests.length;
    front.refusing = false;
    const back = await eventually(
      () => latest,
      (s) => !clusterOf(s, 'west')?.staleSince && exportsIn(s, 'west').includes('shop/late'),
      15_000,
      'west live again with the export made while cut',
    );
    assert.equal(clusterOf(back, 'west')?.fault, undefined);
    const after = front.requests.slice(mark);
    assert.ok(
      after.some(
        (r) => r.startsWith(`/apis/multicluster.x-k8s.io/v1beta1/serviceexports?`) && /watch=1.*resourceVersion=\d+/.test(r),
      ),
      after.join('\n'),
    );
  });

  test('410 Gone on the watch: relist, and the store reflects what changed in between', async () => {
    await deletedWhileCompacted('cart', 'event');
  });

  test("410 Gone as the watch request's HTTP status: relist the same way", async () => {
    await tb.apply('west', objects(service('shop', 'expired'), serviceExport('shop', 'expired')));
    await deletedWhileCompacted('expired', 'status');
  });

  test('pause ends every watch (no open watch at the API server), resume catches up', async () => {
    await eventually(
      () => front.openWatches(),
      (n) => n > 0,
      10_000,
      'watches open',
    );
    live.pause();
    await eventually(
      () => front.openWatches(),
      (n) => n === 0,
      10_000,
      'no watch open while paused',
    );
    await eventually(
      () => latest,
      (s) => clusterOf(s, 'west')?.paused === true,
      5000,
      'west says paused',
    );
    await tb.apply('west', objects(service('shop', 'during-pause'), serviceExport('shop', 'during-pause')));
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(!exportsIn(latest!, 'west').includes('shop/during-pause'), 'a paused inventory does not change');
    assert.equal(front.openWatches(), 0);
    live.resume();
    await eventually(
      () => latest,
      (s) => exportsIn(s, 'west').includes('shop/during-pause'),
      15_000,
      'caught up after resume',
    );
    assert.equal(clusterOf(latest!, 'west')?.paused, undefined);
  });

  test('refresh relists every member and resolves when all answered', async () => {
    const mark = front.requests.length;
    await live.refresh();
    const after = front.requests.slice(mark);
    assert.ok(after.includes('/apis'), after.join('\n'));
    assert.ok(after.some((r) => r.startsWith('/apis/multicluster.x-k8s.io/v1beta1/serviceimports?limit=500')));
    assert.deepEqual(exportsIn(latest!, 'west').sort(), ['shop/during-pause', 'shop/late']);
  });
});
