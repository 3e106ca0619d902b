// The inventory against real API servers (testbed), one-shot: a seeded clusterset with a healthy, a degraded
// (endpoints missing from one source cluster) and two broken services, a cluster without the MCS CRDs; and
// contexts that fail each their own way — no RBAC (403), a reader role (partial), a closed port, a wrong CA,
// a silent server, a failing credential plugin — each a clear state on its cluster while the rest is read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { parse } from 'yaml';
import { startClusterset, type Testbed } from '../../testbed/src/index.js';
import { readInventory } from '../../clusters/src/inventory/read.js';
import { summarizeServices } from '../../clusters/src/inventory/health.js';
import type { ClusterState, ClustersetSnapshot, ServiceSummary } from '../../clusters/src/inventory/snapshot.js';
import {
  VALID,
  applyStatus,
  caData,
  closedPort,
  exportStatus,
  extendKubeconfig,
  importStatus,
  mcsSlice,
  ns,
  service,
  serviceExport,
  serviceImport,
  silentServer,
} from './inventoryFixtures.js';

let tb: Testbed;
let dir: string;
let kubeconfig: string;
let silent: { port: number; close(): void };
let main: ClustersetSnapshot;
let faults: ClustersetSnapshot;
let faultsMs = 0;
let services: ServiceSummary[];

const objects = (...o: object[]) => o as KubernetesObject[];
const IP = { web: '10.99.0.10', cart: '10.99.0.11', legacy: '10.99.0.12' };

before(
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'clusterset-inventory-it-'));
    tb = await startClusterset({ clusters: ['east', 'west', 'central', 'bare'], noCrds: ['bare'] });
    const imports = (c: string) => [
      serviceImport('shop', 'web', [IP.web]),
      serviceImport('shop', 'cart', [IP.cart]),
      ...(c === 'central' ? [serviceImport('shop', 'legacy', [IP.legacy])] : []),
    ];
    await tb.seed({
      east: objects(
        ns('shop'),
        ns('billing'),
        service('shop', 'web'),
        service('shop', 'cart'),
        serviceExport('shop', 'web'),
        serviceExport('shop', 'cart'),
        // Exported, but there is no Service billing/payments: broken.
        serviceExport('billing', 'payments'),
        ...imports('east'),
        mcsSlice('shop', 'cart', 'west', [true, true]),
      ),
      west: objects(
        ns('shop'),
        service('shop', 'cart'),
        serviceExport('shop', 'cart'),
        ...imports('west'),
        mcsSlice('shop', 'web', 'east', [true, true]),
        mcsSlice('shop', 'cart', 'east', [true, false]),
      ),
      // central gets web and cart from east only: cart's endpoints from west never arrived (degraded).
      central: objects(
        ns('shop'),
        ...imports('central'),
        mcsSlice('shop', 'web', 'east', [true, true]),
        mcsSlice('shop', 'cart', 'east', [true, true]),
      ),
      bare: objects(ns('other')),
    });
    for (const c of ['east', 'west']) await applyStatus(tb, c, exportStatus('shop', 'cart', VALID));
    await applyStatus(tb, 'east', exportStatus('shop', 'web', VALID));
    await applyStatus(tb, 'east', {
      ...exportStatus('billing', 'payments', [
        {
          type: 'Valid',
          status: 'False',
          reason: 'NoService',
          message: 'Service billing/payments not found',
          lastTransitionTime: '2026-11-30T10:00:00Z',
        },
      ]),
    });
    for (const c of ['east', 'west', 'central']) {
      await applyStatus(tb, c, importStatus('shop', 'web', ['east']));
      await applyStatus(tb, c, importStatus('shop', 'cart', ['east', 'west']));
    }

    silent = await silentServer();
    const westCa = caData(tb, 'west');
    const failing = `process.stderr.write("login required: run the cloud CLI first\\n"); process.exit(1)`;
    kubeconfig = extendKubeconfig(tb, dir, {
      clusters: [
        { name: 'closed', cluster: { server: `https://127.0.0.1:${await closedPort()}`, 'certificate-authority-data': westCa } },
        { name: 'wrong-ca', cluster: { server: tb.cluster('east').server, 'certificate-authority-data': westCa } },
        { name: 'silent', cluster: { server: `https://127.0.0.1:${silent.port}`, 'certificate-authority-data': westCa } },
      ],
      users: [
        {
          name: 'plugin',
          user: {
            exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: process.execPath, args: ['-e', failing] },
          },
        },
      ],
      contexts: [
        ...['closed', 'wrong-ca', 'silent'].map((n) => ({ name: n, context: { cluster: n, user: 'testbed-admin' } })),
        { name: 'east-plugin', context: { cluster: 'east', user: 'plugin' } },
      ],
    });

    const members = (names: string[]) => names.map((n) => ({ name: n, context: n }));
    main = await readInventory({ path: kubeconfig }, members(['east', 'west', 'central', 'bare']), { timeoutMs: 5000 });
    services = summarizeServices(main);
    const t0 = Date.now();
    faults = await readInventory(
      { path: kubeconfig },
      members(['east-viewer', 'east-reader', 'closed', 'wrong-ca', 'silent', 'east-plugin', 'west']),
      { timeoutMs: 3000, allowExec: true },
    );
    faultsMs = Date.now() - t0;
  },
  { timeout: 45 * 60_000 },
);

after(async () => {
  silent?.close();
  await tb?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cluster = (s: ClustersetSnapshot, name: string): ClusterState => {
  const c = s.clusters.find((x) => x.name === name);
  assert.ok(c, `no cluster ${name}`);
  return c;
};
const svc = (name: string): ServiceSummary => {
  const s = services.find((x) => `${x.namespace}/${x.name}` === name);
  assert.ok(s, `no service ${name} in ${services.map((x) => x.name).join(', ')}`);
  return s;
};

describe('a seeded clusterset', () => {
  test('each cluster: served MCS versions discovered per cluster, cluster id from its ClusterProperty, no fault', () => {
    for (const name of ['east', 'west', 'central']) {
      const c = cluster(main, name);
      assert.equal(c.fault, undefined, `${name}: ${JSON.stringify(c.fault)}`);
      assert.equal(c.reachable, true);
      assert.deepEqual(c.crdVersions, ['multicluster.x-k8s.io/v1alpha1', 'multicluster.x-k8s.io/v1beta1']);
      assert.equal(c.readVersion, 'multicluster.x-k8s.io/v1beta1');
      assert.equal(c.clusterId, name);
      assert.equal(c.clustersetId, 'testbed');
      assert.equal(c.implementation, 'generic');
      assert.match(c.controller ?? '', /no known MCS controller/);
      assert.ok(c.namespaces?.includes('shop'));
    }
  });

  test('a cluster without the CRDs: a crdMissing state, reachable, no versions', () => {
    const c = cluster(main, 'bare');
    assert.equal(c.reachable, true);
    assert.equal(c.fault?.kind, 'crdMissing');
    assert.match(c.fault?.message ?? '', /no MCS API served/);
    assert.deepEqual(c.crdVersions, []);
  });

  test('exports with conditions and their Services; imports with type, ips, ports, status.clusters; slices per source', () => {
    const cart = main.exports.filter((e) => e.ref.name === 'cart').map((e) => e.ref.cluster);
    assert.deepEqual(cart, ['east', 'west']);
    const webExport = main.exports.find((e) => e.ref.name === 'web');
    assert.deepEqual(
      webExport?.conditions.map((c) => `${c.type}=${c.status}/${c.reason}`),
      ['Valid=True/Valid', 'Ready=True/Exported', 'Conflict=False/NoConflicts'],
    );
    assert.equal(webExport?.service?.type, 'ClusterIP');
    assert.deepEqual(webExport?.service?.ports, [{ name: 'http', port: 80, protocol: 'TCP' }]);
    assert.equal(main.exports.find((e) => e.ref.name === 'payments')?.service, null);
    const imp = main.imports.find((i) => i.ref.cluster === 'central' && i.ref.name === 'cart');
    assert.deepEqual(
      { type: imp?.type, ips: imp?.ips, ports: imp?.ports, statusClusters: imp?.statusClusters },
      {
        type: 'ClusterSetIP',
        ips: [IP.cart],
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
        statusClusters: ['east', 'west'],
      },
    );
    const slice = main.endpointSlices.find((s) => s.ref.cluster === 'west' && s.serviceName === 'cart');
    assert.deepEqual(
      { source: slice?.sourceCluster, ready: slice?.ready, total: slice?.total, managedBy: slice?.managedBy },
      { source: 'east', ready: 1, total: 2, managedBy: 'mcs-controller.clusterset.test' },
    );
  });

  test('health: web healthy, cart degraded (no endpoints from west in central), payments and legacy broken', () => {
    assert.deepEqual(
      services.map((s) => [`${s.namespace}/${s.name}`, s.health]),
      [
        ['billing/payments', 'broken'],
        ['shop/cart', 'degraded'],
        ['shop/legacy', 'broken'],
        ['shop/web', 'healthy'],
      ],
    );
    assert.deepEqual(svc('shop/web').reasons, []);
    assert.deepEqual(svc('shop/web').exportedFrom, ['east']);
    assert.deepEqual(svc('shop/web').importedIn, ['east', 'west', 'central']);
    assert.deepEqual(svc('shop/web').endpoints, { east: 2 });
    assert.deepEqual(svc('shop/cart').reasons, ['no EndpointSlice from west in central']);
    assert.deepEqual(svc('shop/cart').endpoints, { west: 0, east: 1 });
    assert.deepEqual(svc('billing/payments').reasons, ['no Service billing/payments in east behind its ServiceExport']);
    assert.match(svc('shop/legacy').reasons.join('\n'), /imported in central but exported from no cluster: a stale import/);
  });
});

describe('faults stay in their cluster', () => {
  test('viewer without RBAC: forbidden, with the API server’s words', () => {
    const c = cluster(faults, 'east-viewer');
    assert.equal(c.reachable, true);
    assert.equal(c.fault?.kind, 'forbidden');
    assert.match(
      c.fault?.message ?? '',
      /may not read ServiceExports or ServiceImports .*User "viewer" cannot list resource "serviceexports"/,
    );
  });

  test('reader role: everything MCS read, implementation detection named as what it could not see', () => {
    const c = cluster(faults, 'east-reader');
    assert.equal(c.fault, undefined);
    assert.equal(c.clusterId, 'east');
    assert.deepEqual(
      c.partial?.map((p) => [p.resource, p.fault.kind]),
      [['implementation detection', 'forbidden']],
    );
    assert.match(c.partial?.[0]?.fault.message ?? '', /User "reader" cannot get resource "deployments"/);
    assert.match(c.controller ?? '', /not determined/);
    assert.equal(faults.exports.filter((e) => e.ref.cluster === 'east-reader').length, 3);
  });

  test('closed port unreachable, wrong CA tls, silent server timeout, failing plugin execPlugin; west read meanwhile', () => {
    assert.equal(cluster(faults, 'closed').fault?.kind, 'unreachable');
    assert.equal(cluster(faults, 'closed').reachable, false);
    assert.match(cluster(faults, 'closed').fault?.message ?? '', /ECONNREFUSED/);
    assert.equal(cluster(faults, 'wrong-ca').fault?.kind, 'tls');
    assert.equal(cluster(faults, 'silent').fault?.kind, 'timeout');
    assert.match(cluster(faults, 'silent').fault?.message ?? '', /within 3 s/);
    const plugin = cluster(faults, 'east-plugin');
    assert.equal(plugin.fault?.kind, 'execPlugin');
    assert.match(plugin.fault?.message ?? '', /exited with status 1: login required: run the cloud CLI first/);
    assert.equal(cluster(faults, 'west').fault, undefined);
    assert.equal(faults.exports.filter((e) => e.ref.cluster === 'west').length, 1);
    // Bounded by the silent cluster's own 3 s deadline, not by the sum of the faults.
    assert.ok(faultsMs < 20_000, `read took ${faultsMs} ms`);
  });

  test('services judged with unknown clusters say so instead of calling objects missing', () => {
    const cart = summarizeServices(faults).find((s) => s.name === 'cart');
    assert.ok(cart?.reasons.some((r) => r === 'unknown in silent: not read (timeout)'));
  });

  test('no message carries a token or certificate from the kubeconfig', () => {
    const kc = parse(readFileSync(kubeconfig, 'utf8')) as {
      users: { user: { token?: string } }[];
      clusters: { cluster: Record<string, string> }[];
    };
    const text = JSON.stringify([main, faults]);
    for (const u of kc.users) if (u.user.token) assert.ok(!text.includes(u.user.token));
    for (const c of kc.clusters) assert.ok(!text.includes(c.cluster['certificate-authority-data'] ?? '-'));
  });
});

describe('clusterset status (CLI process)', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'cli/src/main.ts', 'status', '--kubeconfig', kubeconfig, ...args], {
      encoding: 'utf8',
      timeout: 120_000,
    });

  test('JSON contract from a ClusterSet file’s members; exit 1 (a cluster failed, services not healthy)', () => {
    const file = join(dir, 'prod.clusterset.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: clusterset.dev/v1alpha1',
        'kind: ClusterSet',
        'metadata: {name: prod}',
        'spec:',
        '  clusters:',
        '  - {name: east, context: east}',
        '  - {name: west, context: west}',
        '  - {name: central, context: central}',
        '  - {name: gone, context: closed}',
        '',
      ].join('\n'),
    );
    const r = run(['--clusterset', file, '--format', 'json', '--timeout', '5']);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { clusters: Record<string, unknown>[]; services: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(out), ['clusters', 'services']);
    assert.deepEqual(
      out.clusters.map((c) => [c.name, c.context, c.reachable, c.errorKind, c.clusterId]),
      [
        ['east', 'east', true, null, 'east'],
        ['west', 'west', true, null, 'west'],
        ['central', 'central', true, null, 'central'],
        ['gone', 'closed', false, 'unreachable', null],
      ],
    );
    assert.deepEqual(Object.keys(out.clusters[0] ?? {}), [
      'name',
      'context',
      'reachable',
      'error',
      'errorKind',
      'implementation',
      'controllerReady',
      'crdVersions',
      'clusterId',
      'partial',
    ]);
    const cart = out.services.find((s) => s.name === 'cart');
    assert.deepEqual(cart, {
      namespace: 'shop',
      name: 'cart',
      exportedFrom: ['east', 'west'],
      importedIn: ['east', 'west', 'central'],
      endpoints: { west: 0, east: 1 },
      health: 'degraded',
      reasons: ['no EndpointSlice from west in central', 'unknown in gone: not read (unreachable)'],
    });
  });

  test('text table: clusters with their state, services with health and reasons; unknown --context is a usage error', () => {
    const r = run(['--context', 'east', '--context', 'east-viewer']);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0] ?? '', /^CLUSTER\s+CONTEXT\s+STATE\s+IMPLEMENTATION\s+CONTROLLER\s+MCS API\s+CLUSTER ID$/);
    assert.match(lines[1] ?? '', /^east\s+east\s+ok\s+generic\s+-\s+v1alpha1,v1beta1\s+east$/);
    assert.match(lines[2] ?? '', /^east-viewer\s+east-viewer\s+forbidden\s+generic\s+-\s+v1alpha1,v1beta1\s+-$/);
    assert.match(r.stdout, /\n {2}east-viewer: forbidden: this context may not read/);
    assert.match(r.stdout, /\nshop\/web\s+\S+\s+east\s+east\s/);
    assert.match(r.stdout, /\n1\/2 clusters answered; services: /);
    const bad = run(['--context', 'nope']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /no context "nope"/);
  });
});
