// Real API servers (testbed): listing, RBAC, missing CRDs, watch and version round-trips of the MCS kinds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api, CustomObjectsApi, Watch } from '@kubernetes/client-node';
import { startClusterset, type Testbed } from '../../testbed/src/index.js';

const MCS = 'multicluster.x-k8s.io';
let tb: Testbed;

function code(e: unknown): number | undefined {
  const c = (e as { code?: unknown }).code;
  return typeof c === 'number' ? c : undefined;
}

async function rejectsWith(p: Promise<unknown>, status: number): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.equal(code(e), status, `expected HTTP ${status}, got ${String(code(e))}: ${(e as Error).message}`);
    return true;
  });
}

const custom = (context: string) => tb.kubeConfig(context).makeApiClient(CustomObjectsApi);

before(
  async () => {
    // First run on a fresh machine builds the binaries here (see docs/testbed.md), hence the long timeout.
    tb = await startClusterset({ clusters: ['east', 'west', 'central'], noCrds: ['central'] });
    await tb.seed({
      east: `
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec:
  ports: [{name: http, port: 80, protocol: TCP}]
---
apiVersion: ${MCS}/v1alpha1
kind: ServiceExport
metadata: {name: cart, namespace: shop}
`,
      west: [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
        { apiVersion: `${MCS}/v1beta1`, kind: 'ServiceExport', metadata: { name: 'cart', namespace: 'shop' } },
      ],
    });
  },
  { timeout: 45 * 60_000 },
);

after(async () => {
  await tb?.stop();
});

describe('clusters and contexts', () => {
  test('kubeconfig has an admin, viewer and reader context per cluster on distinct TLS ports', () => {
    const kc = tb.kubeConfig('east');
    const names = kc
      .getContexts()
      .map((c) => c.name)
      .sort();
    assert.deepEqual(names, [
      'central',
      'central-reader',
      'central-viewer',
      'east',
      'east-reader',
      'east-viewer',
      'west',
      'west-reader',
      'west-viewer',
    ]);
    const servers = new Set(tb.clusters.map((c) => c.server));
    assert.equal(servers.size, 3);
    for (const s of servers) assert.match(s, /^https:\/\/127\.0\.0\.1:\d+$/);
  });

  test('ClusterProperties name each cluster, and coredns serves clusterset.local', async () => {
    for (const name of ['east', 'west']) {
      const cp = (await custom(name).getClusterCustomObject({
        group: 'about.k8s.io',
        version: 'v1beta1',
        plural: 'clusterproperties',
        name: 'cluster.clusterset.k8s.io',
      })) as { spec: { value: string } };
      assert.equal(cp.spec.value, name);
      const set = (await custom(name).getClusterCustomObject({
        group: 'about.k8s.io',
        version: 'v1alpha1',
        plural: 'clusterproperties',
        name: 'clusterset.k8s.io',
      })) as { spec: { value: string } };
      assert.equal(set.spec.value, 'testbed');
      const cm = await tb
        .kubeConfig(name)
        .makeApiClient(CoreV1Api)
        .readNamespacedConfigMap({ name: 'coredns', namespace: 'kube-system' });
      assert.match(cm.data?.Corefile ?? '', /multicluster clusterset\.local/);
    }
    const plain = await tb
      .kubeConfig('central')
      .makeApiClient(CoreV1Api)
      .readNamespacedConfigMap({ name: 'coredns', namespace: 'kube-system' });
    assert.doesNotMatch(plain.data?.Corefile ?? '', /clusterset\.local/);
  });
});

describe('listing ServiceExports in every context', () => {
  test('client-node: admin and reader list, viewer gets 403, a cluster without CRDs gives 404', async () => {
    for (const name of ['east', 'west']) {
      for (const ctx of [name, `${name}-reader`]) {
        const list = (await custom(ctx).listNamespacedCustomObject({
          group: MCS,
          version: 'v1alpha1',
          namespace: 'shop',
          plural: 'serviceexports',
        })) as {
          items: { metadata: { name: string } }[];
          metadata: { resourceVersion?: string };
        };
        assert.deepEqual(
          list.items.map((i) => i.metadata.name),
          ['cart'],
          `context ${ctx}`,
        );
        assert.ok(list.metadata.resourceVersion, 'lists carry a resourceVersion');
      }
      await rejectsWith(
        custom(`${name}-viewer`).listNamespacedCustomObject({
          group: MCS,
          version: 'v1alpha1',
          namespace: 'shop',
          plural: 'serviceexports',
        }),
        403,
      );
      await rejectsWith(
        custom(`${name}-viewer`).listClusterCustomObject({ group: MCS, version: 'v1beta1', plural: 'serviceimports' }),
        403,
      );
    }
    await rejectsWith(
      custom('central').listClusterCustomObject({ group: MCS, version: 'v1alpha1', plural: 'serviceexports' }),
      404,
    );
    await rejectsWith(
      custom('central-reader').listClusterCustomObject({ group: MCS, version: 'v1beta1', plural: 'serviceexports' }),
      404,
    );
  });

  test('the reader may read but not write', async () => {
    await rejectsWith(
      custom('east-reader').createNamespacedCustomObject({
        group: MCS,
        version: 'v1alpha1',
        namespace: 'shop',
        plural: 'serviceexports',
        body: { apiVersion: `${MCS}/v1alpha1`, kind: 'ServiceExport', metadata: { name: 'nope', namespace: 'shop' } },
      }),
      403,
    );
  });

  test('kubectl: lists with short names, Forbidden for the viewer, unknown resource without CRDs', async () => {
    for (const ctx of ['east', 'west', 'east-reader', 'west-reader']) {
      const r = await tb.kubectl(ctx, ['get', 'svcex', '-n', 'shop', '-o', 'name']);
      assert.equal(r.code, 0, `${ctx}: ${r.stderr}`);
      assert.equal(r.stdout.trim(), `serviceexport.${MCS}/cart`);
    }
    const all = await tb.kubectl('east', ['get', 'serviceexports', '-A', '-o', 'json']);
    assert.equal(all.code, 0, all.stderr);
    assert.equal((JSON.parse(all.stdout) as { items: unknown[] }).items.length, 1);

    const denied = await tb.kubectl('west-viewer', ['get', 'serviceexports', '-n', 'shop']);
    assert.notEqual(denied.code, 0);
    assert.match(denied.stderr, /Forbidden/);
    assert.match(denied.stderr, /"viewer" cannot list resource "serviceexports"/);

    const missing = await tb.kubectl('central', ['get', 'serviceexports', '-A']);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /the server doesn't have a resource type "serviceexports"/);
  });
});

describe('watch and versions', () => {
  test('a watch from a list resourceVersion sees a ServiceImport being created', async () => {
    const list = (await custom('west-reader').listNamespacedCustomObject({
      group: MCS,
      version: 'v1beta1',
      namespace: 'shop',
      plural: 'serviceimports',
    })) as {
      items: unknown[];
      metadata: { resourceVersion: string };
    };
    assert.equal(list.items.length, 0);
    const seen: { type: string; name: string; rv: string }[] = [];
    let ctl: AbortController | undefined;
    const added = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ADDED event in 15 s; saw ${JSON.stringify(seen)}`)), 15_000);
      void new Watch(tb.kubeConfig('west-reader'))
        .watch(
          `/apis/${MCS}/v1beta1/namespaces/shop/serviceimports`,
          { resourceVersion: list.metadata.resourceVersion, allowWatchBookmarks: true },
          (type, obj: { metadata: { name: string; resourceVersion: string } }) => {
            seen.push({ type, name: obj.metadata.name, rv: obj.metadata.resourceVersion });
            if (type === 'ADDED' && obj.metadata.name === 'cart') {
              clearTimeout(timer);
              resolve();
            }
          },
          (err: unknown) => {
            if (err && !(err instanceof Error && err.name === 'AbortError'))
              reject(err instanceof Error ? err : new Error(String(err)));
          },
        )
        .then((c) => (ctl = c), reject);
    });
    // Give the watch a moment to be established before the create (it starts from the list's RV anyway).
    await new Promise((r) => setTimeout(r, 300));
    const [created] = await tb.apply('west', {
      apiVersion: `${MCS}/v1alpha1`,
      kind: 'ServiceImport',
      metadata: { name: 'cart', namespace: 'shop' },
      spec: { type: 'ClusterSetIP', ports: [{ name: 'http', port: 80, protocol: 'TCP' }], ips: ['10.200.0.10'] },
    } as never);
    try {
      await added;
    } finally {
      ctl?.abort();
    }
    const ev = seen.find((e) => e.type === 'ADDED' && e.name === 'cart');
    assert.ok(ev);
    assert.equal(ev.rv, created?.metadata?.resourceVersion);
    assert.ok(BigInt(ev.rv) > BigInt(list.metadata.resourceVersion), 'event RV is newer than the list RV');
  });

  test('v1beta1 objects read back as v1alpha1 and the other way round', async () => {
    const api = custom('east');
    await api.createNamespacedCustomObject({
      group: MCS,
      version: 'v1beta1',
      namespace: 'shop',
      plural: 'serviceimports',
      body: {
        apiVersion: `${MCS}/v1beta1`,
        kind: 'ServiceImport',
        metadata: { name: 'beta-made', namespace: 'shop' },
        spec: { type: 'Headless', ports: [{ name: 'grpc', port: 9090, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' }] },
      },
    });
    const asAlpha = (await api.getNamespacedCustomObject({
      group: MCS,
      version: 'v1alpha1',
      namespace: 'shop',
      plural: 'serviceimports',
      name: 'beta-made',
    })) as {
      apiVersion: string;
      spec: { type: string; ports: { port: number; appProtocol?: string }[] };
    };
    assert.equal(asAlpha.apiVersion, `${MCS}/v1alpha1`);
    assert.equal(asAlpha.spec.type, 'Headless');
    assert.deepEqual(
      asAlpha.spec.ports.map((p) => [p.port, p.appProtocol]),
      [[9090, 'kubernetes.io/h2c']],
    );

    await api.createNamespacedCustomObject({
      group: MCS,
      version: 'v1alpha1',
      namespace: 'shop',
      plural: 'serviceexports',
      body: {
        apiVersion: `${MCS}/v1alpha1`,
        kind: 'ServiceExport',
        metadata: { name: 'alpha-made', namespace: 'shop' },
        spec: { exportedLabels: { tier: 'gold' } },
      },
    });
    const asBeta = (await api.getNamespacedCustomObject({
      group: MCS,
      version: 'v1beta1',
      namespace: 'shop',
      plural: 'serviceexports',
      name: 'alpha-made',
    })) as {
      apiVersion: string;
      spec: { exportedLabels: Record<string, string> };
    };
    assert.equal(asBeta.apiVersion, `${MCS}/v1beta1`);
    assert.deepEqual(asBeta.spec.exportedLabels, { tier: 'gold' });

    // The CRD reports what the server stored: the testbed's default storage version.
    const crd = await tb.kubectl('east', ['get', 'crd', `serviceexports.${MCS}`, '-o', 'jsonpath={.status.storedVersions}']);
    assert.equal(crd.code, 0, crd.stderr);
    assert.deepEqual(JSON.parse(crd.stdout), ['v1alpha1']);
  });

  test('the CRD schema rejects what it should (enum on spec.type) and accepts what it does not check', async () => {
    const api = custom('east');
    await rejectsWith(
      api.createNamespacedCustomObject({
        group: MCS,
        version: 'v1beta1',
        namespace: 'shop',
        plural: 'serviceimports',
        body: {
          apiVersion: `${MCS}/v1beta1`,
          kind: 'ServiceImport',
          metadata: { name: 'bad', namespace: 'shop' },
          spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
        },
      }),
      422,
    );
    // No format/range checks in the CRD (mcs-facts §3): the language server has to catch these.
    await api.createNamespacedCustomObject({
      group: MCS,
      version: 'v1beta1',
      namespace: 'shop',
      plural: 'serviceimports',
      body: {
        apiVersion: `${MCS}/v1beta1`,
        kind: 'ServiceImport',
        metadata: { name: 'odd', namespace: 'shop' },
        spec: { type: 'ClusterSetIP', ports: [{ port: 0, protocol: 'HTTP' }], ips: ['not-an-ip'] },
      },
    });
  });
});
