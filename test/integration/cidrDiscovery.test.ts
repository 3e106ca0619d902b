// CIDR discovery against real API servers (testbed): seeded Nodes, kubeadm-config, an extra ServiceCIDR, a
// Submariner Cluster CRD + object, a controller-manager Pod; RBAC 403s, a cluster without CRDs, a closed
// port, a wrong CA and a silent server — each reported per cluster while the others complete.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import { startClusterset, type Testbed } from '../../testbed/src/index.js';
import { discoverCidrs, type ClusterCidrReport } from '../../clusters/src/cidrs.js';
import { discoveredClusters } from '../../clusters/src/cidrReport.js';
import { updateClusterSetText } from '../../clusters/src/clusterSetUpdate.js';

let tb: Testbed;
let dir: string;
let kubeconfig: string;
let silent: Server;
let reports: Map<string, ClusterCidrReport>;
let elapsedMs = 0;

const objects = (...o: object[]) => o as KubernetesObject[];
const node = (name: string, podCIDRs: string[]) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  spec: { podCIDR: podCIDRs[0], podCIDRs },
});

const SUBMARINER_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'clusters.submariner.io' },
  spec: {
    group: 'submariner.io',
    names: { kind: 'Cluster', listKind: 'ClusterList', plural: 'clusters', singular: 'cluster' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      },
    ],
  },
};

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** The testbed's kubeconfig plus contexts that must fail: closed port, wrong CA, a server that never answers. */
function writeKubeconfig(silentPort: number, closed: number): string {
  const kc = parse(readFileSync(tb.kubeconfigPath, 'utf8')) as {
    clusters: { name: string; cluster: Record<string, string> }[];
    contexts: { name: string; context: Record<string, string> }[];
  };
  const east = kc.clusters.find((c) => c.name === 'east')?.cluster ?? {};
  const westCa = kc.clusters.find((c) => c.name === 'west')?.cluster['certificate-authority-data'] ?? '';
  kc.clusters.push(
    { name: 'closed', cluster: { server: `https://127.0.0.1:${closed}`, 'certificate-authority-data': westCa } },
    { name: 'wrong-ca', cluster: { ...east, 'certificate-authority-data': westCa } },
    { name: 'silent', cluster: { server: `https://127.0.0.1:${silentPort}`, 'certificate-authority-data': westCa } },
  );
  for (const n of ['closed', 'wrong-ca', 'silent']) kc.contexts.push({ name: n, context: { cluster: n, user: 'testbed-admin' } });
  const file = join(dir, 'kubeconfig');
  writeFileSync(file, stringify(kc), { mode: 0o600 });
  return file;
}

async function waitServed(context: string, path: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await tb.kubectl(context, ['get', '--raw', path]);
    if (r.code === 0) return;
    if (Date.now() > deadline) throw new Error(`${path} not served: ${r.stderr}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

before(
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'clusterset-cidr-it-'));
    // First run on a fresh machine builds the binaries here (see the testbed docs), hence the long timeout.
    tb = await startClusterset({ clusters: ['east', 'west'], noCrds: ['west'] });
    await tb.seed({
      east: objects(
        node('east-1', ['10.244.0.0/24', 'fd00:10:244::/64']),
        node('east-2', ['10.244.1.0/24', 'fd00:10:244:1::/64']),
        node('east-3', ['10.244.2.0/24', 'fd00:10:244:2::/64']),
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'kubeadm-config', namespace: 'kube-system' },
          data: {
            ClusterConfiguration:
              'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  dnsDomain: cluster.local\n  podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.96.0.0/16\n',
          },
        },
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'ServiceCIDR',
          metadata: { name: 'extra' },
          spec: { cidrs: ['10.200.0.0/24'] },
        },
        SUBMARINER_CRD,
      ),
      west: objects({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'kube-controller-manager-cp1',
          namespace: 'kube-system',
          labels: { component: 'kube-controller-manager', tier: 'control-plane' },
        },
        spec: {
          containers: [
            {
              name: 'kube-controller-manager',
              image: 'registry.k8s.io/kube-controller-manager:v1.36.3',
              command: [
                'kube-controller-manager',
                '--allocate-node-cidrs=true',
                '--cluster-cidr=10.245.0.0/16',
                '--service-cluster-ip-range=10.97.0.0/16',
              ],
            },
          ],
        },
      }),
    });
    await waitServed('east', '/apis/submariner.io/v1/clusters');
    await tb.apply(
      'east',
      objects(
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'submariner-operator' } },
        {
          apiVersion: 'submariner.io/v1',
          kind: 'Cluster',
          metadata: { name: 'east', namespace: 'submariner-operator' },
          spec: {
            cluster_id: 'east',
            cluster_cidr: ['10.244.0.0/16'],
            service_cidr: ['10.96.0.0/16'],
            global_cidr: ['242.0.0.0/16'],
          },
        },
      ),
    );
    // Accepts TCP connections and never says a word: the TLS handshake itself must time out.
    silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    kubeconfig = writeKubeconfig((silent.address() as { port: number }).port, await closedPort());
    const contexts = ['east', 'west', 'east-viewer', 'east-reader', 'closed', 'wrong-ca', 'silent'];
    const t0 = Date.now();
    const list = await discoverCidrs(contexts, {
      kubeconfigPath: kubeconfig,
      allowExecAuth: false,
      timeoutMs: 3000,
      concurrency: 7,
    });
    elapsedMs = Date.now() - t0;
    reports = new Map(list.map((r) => [r.context, r]));
  },
  { timeout: 45 * 60_000 },
);

after(async () => {
  silent?.close();
  await tb?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (context: string): ClusterCidrReport => {
  const r = reports.get(context);
  assert.ok(r, `no report for ${context}`);
  return r;
};
const lines = (r: ClusterCidrReport) =>
  r.ranges.map((g) => `${g.chosen ? '*' : ' '} ${g.kind} ${g.cidr} ${g.confidence} ${g.from}`);

describe('admin contexts', () => {
  test('east: ServiceCIDR objects, Submariner Cluster, kubeadm-config and aggregated Node ranges, each with its source', () => {
    const r = get('east');
    assert.equal(r.ok, true);
    assert.equal(r.clusterId, 'east');
    assert.equal(r.kubernetesVersion, 'v1.36.3');
    assert.deepEqual(r.serviceCIDRs, ['10.96.0.0/16', '10.200.0.0/24']);
    assert.deepEqual(r.podCIDRs, ['10.244.0.0/16', 'fd00:10:244::/62']);
    assert.deepEqual(r.globalCIDRs, ['242.0.0.0/16']);
    assert.deepEqual(lines(r), [
      '* global 242.0.0.0/16 high Cluster submariner-operator/east spec.global_cidr',
      '* pod 10.244.0.0/16 high Cluster submariner-operator/east spec.cluster_cidr',
      '  pod 10.244.0.0/16 medium ConfigMap kube-system/kubeadm-config networking.podSubnet',
      '  pod 10.244.0.0/22 medium Node spec.podCIDRs (3 of 3)',
      '* pod fd00:10:244::/62 medium Node spec.podCIDRs (3 of 3)',
      '* service 10.96.0.0/16 high ServiceCIDR kubernetes spec.cidrs (networking.k8s.io/v1)',
      '* service 10.200.0.0/24 high ServiceCIDR extra spec.cidrs (networking.k8s.io/v1)',
      '  service 10.96.0.0/16 high Cluster submariner-operator/east spec.service_cidr',
      '  service 10.96.0.0/16 medium ConfigMap kube-system/kubeadm-config networking.serviceSubnet',
    ]);
    assert.deepEqual(r.warnings, []);
    assert.equal(r.sources.find((s) => s.source === 'CalicoIPPool')?.status, 'absent');
  });

  test('west (no CRDs): controller-manager flags and the bootstrap ServiceCIDR; absent CRDs are not faults', () => {
    const r = get('west');
    assert.equal(r.ok, true);
    assert.equal(r.clusterId, undefined);
    assert.deepEqual(r.podCIDRs, ['10.245.0.0/16']);
    assert.deepEqual(r.serviceCIDRs, ['10.97.0.0/16']);
    assert.deepEqual(lines(r), [
      '* pod 10.245.0.0/16 high Pod kube-system/kube-controller-manager-cp1 --cluster-cidr',
      '* service 10.97.0.0/16 high ServiceCIDR kubernetes spec.cidrs (networking.k8s.io/v1)',
      '  service 10.97.0.0/16 high Pod kube-system/kube-controller-manager-cp1 --service-cluster-ip-range',
    ]);
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(
      r.sources.filter((s) => s.status === 'fault'),
      [],
    );
    for (const s of ['ClusterProperty', 'Submariner', 'CiliumNode', 'CalicoIPPool'])
      assert.equal(r.sources.find((x) => x.source === s)?.status, 'absent', s);
  });
});

describe('faults, each confined to its cluster', () => {
  test('viewer (no RBAC at all): forbidden, with the API server’s reason', () => {
    const r = get('east-viewer');
    assert.equal(r.ok, false);
    assert.equal(r.fault?.kind, 'forbidden');
    assert.match(
      r.fault?.message ?? '',
      /^forbidden: this context may not read any CIDR source .*User "viewer" cannot list resource "nodes"/,
    );
    assert.deepEqual(r.ranges, []);
  });

  test('reader (nodes and configmaps only): answers from what it may read, names what was forbidden', () => {
    const r = get('east-reader');
    assert.equal(r.ok, true);
    assert.equal(r.clusterId, 'east');
    assert.deepEqual(r.podCIDRs, ['10.244.0.0/16', 'fd00:10:244::/62']);
    assert.deepEqual(r.serviceCIDRs, ['10.96.0.0/16']);
    assert.ok(
      r.warnings.some((w) => /^ServiceCIDR not read: forbidden: .*User "reader" cannot list resource "servicecidrs"/.test(w)),
      r.warnings.join('\n'),
    );
    assert.equal(r.sources.find((s) => s.source === 'ServiceCIDR')?.fault?.kind, 'forbidden');
  });

  test('closed loopback port: unreachable; wrong CA: tls; silent server: timeout — and the rest completed', () => {
    assert.equal(get('closed').fault?.kind, 'unreachable');
    assert.match(get('closed').fault?.message ?? '', /ECONNREFUSED/);
    assert.equal(get('wrong-ca').fault?.kind, 'tls');
    assert.match(get('wrong-ca').fault?.message ?? '', /certificate-authority/);
    assert.equal(get('silent').fault?.kind, 'timeout');
    assert.match(get('silent').fault?.message ?? '', /within 3 s/);
    // The silent cluster's deadline bounds the whole run; nothing waited on another cluster.
    assert.ok(elapsedMs < 15_000, `discovery took ${elapsedMs} ms`);
  });

  test('no message carries a token or certificate from the kubeconfig', () => {
    const kc = parse(readFileSync(kubeconfig, 'utf8')) as {
      users: { user: { token: string } }[];
      clusters: { cluster: Record<string, string> }[];
    };
    const text = JSON.stringify([...reports.values()]);
    for (const u of kc.users) assert.ok(!text.includes(u.user.token));
    for (const c of kc.clusters) assert.ok(!text.includes(c.cluster['certificate-authority-data'] ?? '-'));
  });
});

describe('outputs', () => {
  test('a new ClusterSet file from the clusters that answered', () => {
    const update = updateClusterSetText(undefined, discoveredClusters(['east', 'west'].map(get)), { clustersetName: 'testbed' });
    assert.ok(update.ok);
    assert.equal(
      update.text,
      [
        '# Written by "Clusterset: Discover CIDRs from clusters"; review implementation and names.',
        'apiVersion: clusterset.dev/v1alpha1',
        'kind: ClusterSet',
        'metadata:',
        '  name: testbed',
        'spec:',
        '  implementation: generic',
        '  clusters:',
        '  - name: east',
        '    context: east',
        '    podCIDRs: [10.244.0.0/16, fd00:10:244::/62] # discovered: Submariner (high), Node (medium)',
        '    serviceCIDRs: [10.96.0.0/16, 10.200.0.0/24] # discovered: ServiceCIDR (high)',
        '    globalCIDR: 242.0.0.0/16',
        '  - name: west',
        '    context: west',
        '    podCIDRs: [10.245.0.0/16] # discovered: kube-controller-manager (high)',
        '    serviceCIDRs: [10.97.0.0/16] # discovered: ServiceCIDR (high)',
        '',
      ].join('\n'),
    );
  });

  test('clusterset cidr (CLI process): JSON for scripts, exit 1 because a context failed', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'cli/src/main.ts',
        'cidr',
        '--kubeconfig',
        kubeconfig,
        '--context',
        'west',
        '--context',
        'closed',
        '--format',
        'json',
        '--timeout',
        '5',
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { version: number; clusters: ClusterCidrReport[] };
    assert.equal(out.version, 1);
    assert.deepEqual(
      out.clusters.map((c) => [c.context, c.ok, c.fault?.kind ?? '', c.podCIDRs.join(',')]),
      [
        ['west', true, '', '10.245.0.0/16'],
        ['closed', false, 'unreachable', ''],
      ],
    );
  });
});
