// The runbook on real API servers (testbed): for every cause id a scenario that seeds exactly that fault by
// hand (no controller runs) and asserts the cause ids the doctor names; a healthy service with no cause;
// implementation-aware negatives (what is normal for Cilium or Submariner names no cause); an unreachable
// and a forbidden cluster, never mistaken for a missing import; the probe pod that can never be scheduled
// here, reported as skipped with why and deleted. Cluster-wide faults are seeded, asserted and undone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startClusterset, type Testbed } from '../../testbed/src/index.js';
import { diagnoseService, type DiagnoseOptions } from '../../clusters/src/runbook/diagnose.js';
import type { RunbookReport } from '../../clusters/src/runbook/run.js';
import { runDoctor } from '../../cli/src/doctor.js';
import * as f from './doctorFixtures.js';

let tb: Testbed;
let dir: string;
let originalCorefile: string;

const idsOf = (r: RunbookReport) => r.causes.map((c) => c.id).sort();
const clustersOf = (r: RunbookReport, id: string) => r.causes.find((c) => c.id === id)?.clusters ?? [];

async function doctor(namespace: string, name: string, o: Partial<DiagnoseOptions> = {}): Promise<RunbookReport> {
  return diagnoseService({
    service: { namespace, name },
    kubeconfig: tb.kubeconfigPath,
    contexts: ['east', 'west'],
    allowExecAuth: false,
    timeoutMs: 8000,
    ...o,
  });
}

/** Asserts the causes, printing the non-passing checks when they differ. */
function expectCauses(r: RunbookReport, expected: string[]): void {
  const why = r.checks
    .filter((c) => c.status !== 'pass')
    .map((c) => `  ${c.id} [${c.cluster ?? '-'}] ${c.status}: ${c.detail}`)
    .join('\n');
  assert.deepEqual(idsOf(r), [...expected].sort(), `causes of ${r.service}:\n${why}`);
}

const corefile = (body: string) => f.configMap('kube-system', 'coredns', { Corefile: body });
const STOCK_COREFILE =
  '.:53 {\n    errors\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n        pods insecure\n    }\n    forward . /etc/resolv.conf\n}\n';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clusterset-doctor-it-'));
  tb = await startClusterset({ clusters: ['east', 'west', 'central'], noCrds: ['central'] });
  for (const c of ['east', 'west']) await f.readyDeployment(tb, c, 'kube-system', 'mcs-api-controller');
  originalCorefile = JSON.parse(await f.kubectlOk(tb, 'west', ['-n', 'kube-system', 'get', 'configmap', 'coredns', '-o', 'json']))
    .data.Corefile as string;
  await f.healthyService(tb, 'east', ['west'], 'shop', 'web');
});

after(async () => {
  await tb?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('healthy', () => {
  test('an exported, imported, reachable service has no cause (exit 0, JSON contract)', async () => {
    const r = await doctor('shop', 'web');
    expectCauses(r, []);
    assert.equal(r.healthy, true);
    assert.ok(!r.checks.some((c) => c.status === 'fail'));
    const out: string[] = [];
    const code = await runDoctor(
      [
        '--service',
        'shop/web',
        '--kubeconfig',
        tb.kubeconfigPath,
        '--context',
        'east',
        '--context',
        'west',
        '--format',
        'json',
        '--no-exec-auth',
      ],
      { write: (s: string) => out.push(s) },
      { write: () => true },
    );
    assert.equal(code, 0);
    const json = JSON.parse(out.join('')) as { service: string; checks: Record<string, unknown>[]; causes: unknown[] };
    assert.equal(json.service, 'shop/web');
    assert.deepEqual(json.causes, []);
    for (const c of json.checks) {
      for (const k of ['id', 'title', 'cluster', 'status', 'detail', 'fix']) assert.ok(k in c, `check lacks ${k}`);
      assert.ok(['pass', 'warn', 'fail', 'skip'].includes(String(c.status)));
    }
    assert.ok(json.checks.some((c) => c.id === 'dns' && c.cluster === 'west' && c.status === 'pass'));
  });
});

describe('a scenario per cause', () => {
  test('cidr-overlap: the ClusterSet file gives west a pod range inside east’s', async () => {
    const text = stringify({
      apiVersion: 'clusterset.dev/v1alpha1',
      kind: 'ClusterSet',
      metadata: { name: 'testbed' },
      spec: {
        clusters: [
          { name: 'east', context: 'east', podCIDRs: ['10.10.0.0/16'] },
          { name: 'west', context: 'west', podCIDRs: ['10.10.128.0/17'] },
        ],
      },
    });
    const r = await doctor('shop', 'web', { clusterSetText: text, contexts: [] });
    expectCauses(r, ['cidr-overlap']);
    assert.deepEqual(clustersOf(r, 'cidr-overlap'), ['east', 'west']);
  });

  test('crds-missing: central serves no MCS API', async () => {
    await f.healthyService(tb, 'east', [], 'crd', 'app');
    await tb.apply('central', f.ns('crd'));
    const r = await doctor('crd', 'app', { contexts: ['east', 'central'] });
    expectCauses(r, ['crds-missing']);
    assert.deepEqual(clustersOf(r, 'crds-missing'), ['central']);
  });

  test('controller-missing: no controller Deployment anywhere', async () => {
    await f.healthyService(tb, 'east', ['west'], 'ctl', 'app');
    for (const c of ['east', 'west'])
      await f.kubectlOk(tb, c, ['-n', 'kube-system', 'delete', 'deployment', 'mcs-api-controller']);
    try {
      const r = await doctor('ctl', 'app');
      expectCauses(r, ['controller-missing']);
      assert.deepEqual(clustersOf(r, 'controller-missing'), ['east', 'west']);
    } finally {
      for (const c of ['east', 'west']) await f.readyDeployment(tb, c, 'kube-system', 'mcs-api-controller');
    }
  });

  test('controller-not-ready: west’s controller has 0/1 ready', async () => {
    await f.healthyService(tb, 'east', ['west'], 'ctl', 'app');
    await f.readyDeployment(tb, 'west', 'kube-system', 'mcs-api-controller', 0);
    try {
      const r = await doctor('ctl', 'app');
      expectCauses(r, ['controller-not-ready']);
      assert.deepEqual(clustersOf(r, 'controller-not-ready'), ['west']);
    } finally {
      await f.readyDeployment(tb, 'west', 'kube-system', 'mcs-api-controller');
    }
  });

  const clusterId = (value: string) => ({
    apiVersion: 'about.k8s.io/v1alpha1',
    kind: 'ClusterProperty',
    metadata: { name: 'cluster.clusterset.k8s.io' },
    spec: { value },
  });

  test('cluster-id-invalid: west’s ClusterProperty is not a DNS label', async () => {
    await tb.apply('west', clusterId('West_1'));
    try {
      expectCauses(await doctor('shop', 'web'), ['cluster-id-invalid']);
    } finally {
      await tb.apply('west', clusterId('west'));
    }
  });

  test('cluster-id-duplicate: west claims east’s id', async () => {
    await tb.apply('west', clusterId('east'));
    try {
      const r = await doctor('shop', 'web');
      expectCauses(r, ['cluster-id-duplicate']);
      assert.deepEqual(clustersOf(r, 'cluster-id-duplicate'), ['east', 'west']);
    } finally {
      await tb.apply('west', clusterId('west'));
    }
  });

  test('service-missing: east exports a name without a Service', async () => {
    await tb.apply('east', f.ns('ghost'));
    await f.exported(tb, 'east', 'ghost', 'app', {
      conditions: [f.condition('Valid', 'False', 'NoService', 'Service ghost/app not found')],
    });
    await tb.apply('west', f.ns('ghost'));
    const r = await doctor('ghost', 'app');
    expectCauses(r, ['service-missing']);
    assert.deepEqual(clustersOf(r, 'service-missing'), ['east']);
  });

  test('service-missing: nothing exports the service at all', async () => {
    expectCauses(await doctor('shop', 'nothing'), ['service-missing']);
  });

  test('export-invalid: an ExternalName Service is exported', async () => {
    await tb.apply('east', [f.ns('ext'), f.service('ext', 'app', { type: 'ExternalName' })]);
    await f.exported(tb, 'east', 'ext', 'app', {
      conditions: [f.condition('Valid', 'False', 'InvalidServiceType', 'ExternalName cannot be exported')],
    });
    await tb.apply('west', f.ns('ext'));
    expectCauses(await doctor('ext', 'app'), ['export-invalid']);
  });

  test('export-conflict: east and west export different ports', async () => {
    const conflict = {
      conditions: [
        f.condition('Valid', 'True', 'Valid'),
        f.condition('Ready', 'True', 'Exported'),
        f.condition('Conflict', 'True', 'PortConflict', 'port 81 differs from the oldest export (east)'),
      ],
    };
    await tb.apply('east', [f.ns('conf'), f.service('conf', 'app', { ports: [80] }), f.localSlice('conf', 'app', true)]);
    await tb.apply('west', [f.ns('conf'), f.service('conf', 'app', { ports: [81] }), f.localSlice('conf', 'app', true)]);
    for (const c of ['east', 'west']) await f.exported(tb, c, 'conf', 'app', conflict);
    const r = await doctor('conf', 'app');
    expectCauses(r, ['export-conflict']);
    assert.deepEqual(clustersOf(r, 'export-conflict'), ['east', 'west']);
  });

  test('export-not-ready: the export was never reconciled (no status) while a controller runs', async () => {
    await tb.apply('east', [f.ns('pend'), f.service('pend', 'app'), f.localSlice('pend', 'app', true)]);
    await f.exported(tb, 'east', 'pend', 'app', null);
    await tb.apply('west', f.ns('pend'));
    const r = await doctor('pend', 'app');
    expectCauses(r, ['export-not-ready']);
    assert.match(r.checks.find((c) => c.id === 'export-status')?.detail ?? '', /no status at all/);
  });

  test('export-not-ready: Ready=False Failed with the controller’s message as evidence', async () => {
    await tb.apply('east', [f.ns('fail'), f.service('fail', 'app'), f.localSlice('fail', 'app', true)]);
    await f.exported(tb, 'east', 'fail', 'app', {
      conditions: [f.condition('Valid', 'True', 'Valid'), f.condition('Ready', 'False', 'Failed', 'broker unreachable')],
    });
    await tb.apply('west', f.ns('fail'));
    const r = await doctor('fail', 'app');
    expectCauses(r, ['export-not-ready']);
    const ev = r.checks.find((c) => c.id === 'export-status')?.evidence?.[0];
    assert.equal(ev?.field, 'status.conditions[type=Ready]');
    assert.match(ev?.excerpt ?? '', /broker unreachable/);
  });

  test('namespace-missing: west has no namespace solo', async () => {
    await f.healthyService(tb, 'east', [], 'solo', 'app');
    const r = await doctor('solo', 'app');
    expectCauses(r, ['namespace-missing']);
    assert.deepEqual(clustersOf(r, 'namespace-missing'), ['west']);
  });

  test('import-missing: west has the namespace but no ServiceImport', async () => {
    await f.healthyService(tb, 'east', [], 'noimp', 'app');
    await tb.apply('west', f.ns('noimp'));
    const r = await doctor('noimp', 'app');
    expectCauses(r, ['import-missing']);
    assert.deepEqual(clustersOf(r, 'import-missing'), ['west']);
  });

  test('no-clusterset-ip: the ClusterSetIP imports have no IP (generic profile)', async () => {
    await f.healthyService(tb, 'east', ['west'], 'noip', 'app');
    for (const c of ['east', 'west']) await tb.apply(c, f.serviceImport('noip', 'app', { ips: [] }));
    expectCauses(await doctor('noip', 'app'), ['no-clusterset-ip']);
  });

  test('no-endpoints: the exporter’s pods are not ready, and so is the slice in west', async () => {
    await f.healthyService(tb, 'east', ['west'], 'down', 'app');
    await tb.apply('east', f.localSlice('down', 'app', false));
    await tb.apply('west', f.mcsSlice('down', 'app', 'east', false));
    const r = await doctor('down', 'app');
    expectCauses(r, ['no-endpoints']);
    assert.deepEqual(clustersOf(r, 'no-endpoints'), ['east', 'west']);
  });

  test('dns-not-configured: west’s Corefile does not serve clusterset.local', async () => {
    await tb.apply('west', corefile(STOCK_COREFILE));
    try {
      const r = await doctor('shop', 'web');
      expectCauses(r, ['dns-not-configured']);
      assert.deepEqual(clustersOf(r, 'dns-not-configured'), ['west']);
    } finally {
      await tb.apply('west', corefile(originalCorefile));
    }
  });

  const withPods = (extra: object = {}) =>
    stringify({
      apiVersion: 'clusterset.dev/v1alpha1',
      kind: 'ClusterSet',
      metadata: { name: 'testbed' },
      spec: {
        ...extra,
        clusters: [
          { name: 'east', context: 'east', podCIDRs: ['10.10.0.0/16'] },
          { name: 'west', context: 'west', podCIDRs: ['10.20.0.0/16'] },
        ],
      },
    });
  const policy = (from: object[]) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'only-local', namespace: 'np' },
    spec: { podSelector: { matchLabels: { app: 'app' } }, policyTypes: ['Ingress'], ingress: [{ from }] },
  });

  test('networkpolicy-blocks: a policy admits only pods of its own cluster', async () => {
    await f.healthyService(tb, 'east', ['west'], 'np', 'app');
    await tb.apply('east', policy([{ podSelector: {} }]));
    const r = await doctor('np', 'app', { clusterSetText: withPods(), contexts: [] });
    expectCauses(r, ['networkpolicy-blocks']);
    assert.deepEqual(clustersOf(r, 'networkpolicy-blocks'), ['east']);
  });

  test('negative: the same policy with an ipBlock covering west’s pod range names no cause', async () => {
    await tb.apply('east', policy([{ podSelector: {} }, { ipBlock: { cidr: '10.20.0.0/16' } }]));
    expectCauses(await doctor('np', 'app', { clusterSetText: withPods(), contexts: [] }), []);
  });

  test('cluster-unreachable: a member whose API server is gone, never called a missing import', async () => {
    const kc = parse(readFileSync(tb.kubeconfigPath, 'utf8')) as {
      clusters: { name: string; cluster: Record<string, string> }[];
      contexts: { name: string; context: Record<string, string> }[];
    };
    const s = createServer();
    await new Promise<void>((res) => s.listen(0, '127.0.0.1', res));
    const port = (s.address() as { port: number }).port;
    await new Promise((res) => s.close(res));
    const ca = kc.clusters[0]?.cluster['certificate-authority-data'] ?? '';
    kc.clusters.push({ name: 'gone', cluster: { server: `https://127.0.0.1:${port}`, 'certificate-authority-data': ca } });
    kc.contexts.push({ name: 'gone', context: { cluster: 'gone', user: 'testbed-admin' } });
    const file = join(dir, 'kubeconfig-gone');
    writeFileSync(file, stringify(kc), { mode: 0o600 });
    const r = await doctor('shop', 'web', { kubeconfig: file, contexts: ['east', 'gone'] });
    expectCauses(r, ['cluster-unreachable']);
    assert.deepEqual(clustersOf(r, 'cluster-unreachable'), ['gone']);
    assert.ok(r.checks.filter((c) => c.cluster === 'gone' && c.id !== 'reach').every((c) => c.status === 'skip'));
  });

  test('access-denied: a member read with a context that may read nothing', async () => {
    const r = await doctor('shop', 'web', { contexts: ['east', 'west-viewer'] });
    expectCauses(r, ['access-denied']);
    assert.deepEqual(clustersOf(r, 'access-denied'), ['west-viewer']);
  });

  test('access-denied: a reader role that may not read Deployments says so, and nothing is called missing', async () => {
    const r = await doctor('shop', 'web', { contexts: ['east-reader', 'west-reader'] });
    expectCauses(r, ['access-denied']);
    const controller = r.checks.filter((c) => c.id === 'controller');
    assert.ok(controller.every((c) => c.status === 'skip' && /forbidden/.test(c.detail)));
  });
});

describe('implementation-aware', () => {
  before(async () => {
    for (const [c, id] of [
      ['east', 1],
      ['west', 2],
    ] as const) {
      await tb.apply(c, f.CILIUM_CONFIG(c, id));
      await f.readyDeployment(tb, c, 'kube-system', 'cilium-operator');
    }
    await f.healthyService(tb, 'east', [], 'cil', 'app');
    await tb.apply('west', [f.ns('cil'), f.serviceImport('cil', 'app')]);
  });
  after(async () => {
    for (const c of ['east', 'west']) {
      await f.kubectlOk(tb, c, ['-n', 'kube-system', 'delete', 'configmap', 'cilium-config']);
      await f.kubectlOk(tb, c, ['-n', 'kube-system', 'delete', 'deployment', 'cilium-operator']);
    }
  });

  test('Cilium: a ClusterSetIP import without remote EndpointSlices is normal (no cause)', async () => {
    const r = await doctor('cil', 'app', { implementation: 'cilium' });
    expectCauses(r, []);
    assert.match(
      r.checks.find((c) => c.id === 'endpoints' && c.cluster === 'west')?.detail ?? '',
      /Cilium syncs them only for headless/,
    );
  });

  test('the same import without remote slices is no-endpoints for the generic profile', async () => {
    const r = await doctor('cil', 'app', { implementation: 'generic' });
    assert.ok(idsOf(r).includes('no-endpoints'), `expected no-endpoints: ${idsOf(r).join(', ')}`);
  });

  test('namespace-not-global: west annotates cil clustermesh.cilium.io/global=false', async () => {
    await tb.apply('west', f.ns('cil', { 'clustermesh.cilium.io/global': 'false' }));
    try {
      const r = await doctor('cil', 'app', { implementation: 'cilium' });
      expectCauses(r, ['namespace-not-global']);
      assert.deepEqual(clustersOf(r, 'namespace-not-global'), ['west']);
    } finally {
      await tb.apply('west', f.ns('cil', { 'clustermesh.cilium.io/global': 'true' }));
    }
  });

  test('path-unencrypted: the ClusterSet file asks for WireGuard, cilium-config has it off', async () => {
    const text = withPodsCilium({ implementation: 'cilium', connectivity: { encryption: 'wireguard' } });
    const r = await doctor('cil', 'app', { clusterSetText: text, contexts: [] });
    expectCauses(r, ['path-unencrypted']);
    assert.deepEqual(clustersOf(r, 'path-unencrypted'), ['east', 'west']);
  });

  test('Cilium ≥ 1.19 policy-default-local-cluster makes a selector-only policy block remote callers', async () => {
    const np = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'same-app', namespace: 'cil' },
      spec: {
        podSelector: { matchLabels: { app: 'app' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }] }],
      },
    };
    await tb.apply('east', np);
    try {
      expectCauses(await doctor('cil', 'app', { implementation: 'cilium' }), []);
      await tb.apply('east', f.CILIUM_CONFIG('east', 1, { 'policy-default-local-cluster': 'true' }));
      const r = await doctor('cil', 'app', { implementation: 'cilium' });
      expectCauses(r, ['networkpolicy-blocks']);
      assert.match(r.checks.find((c) => c.id === 'path' && c.cluster === 'east')?.detail ?? '', /policy-default-local-cluster/);
    } finally {
      await f.kubectlOk(tb, 'east', ['-n', 'cil', 'delete', 'networkpolicy', 'same-app']);
      await tb.apply('east', f.CILIUM_CONFIG('east', 1));
    }
  });

  function withPodsCilium(extra: object): string {
    return stringify({
      apiVersion: 'clusterset.dev/v1alpha1',
      kind: 'ClusterSet',
      metadata: { name: 'testbed' },
      spec: {
        ...extra,
        clusters: [
          { name: 'east', context: 'east', podCIDRs: ['10.10.0.0/16'] },
          { name: 'west', context: 'west', podCIDRs: ['10.20.0.0/16'] },
        ],
      },
    });
  }
});

describe('Submariner', () => {
  const LIGHTHOUSE = `clusterset.local:53 {\n    forward . 10.96.0.77\n}\n`;
  before(async () => {
    for (const c of ['east', 'west']) {
      await f.readyDeployment(tb, c, 'submariner-operator', 'submariner-lighthouse-agent');
      await tb.apply(c, corefile(`${LIGHTHOUSE}${originalCorefile}`));
    }
    await f.healthyService(tb, 'east', ['west'], 'sub', 'app');
    for (const c of ['east', 'west']) await tb.apply(c, f.serviceImport('sub', 'app', { ips: [] }));
  });
  after(async () => {
    for (const c of ['east', 'west']) {
      await f.kubectlOk(tb, c, ['-n', 'submariner-operator', 'delete', 'deployment', 'submariner-lighthouse-agent']);
      await tb.apply(c, corefile(originalCorefile));
    }
  });

  test('no clusterset IP is normal for Submariner (no cause), and the Lighthouse forward stanza serves DNS', async () => {
    const r = await doctor('sub', 'app', { implementation: 'submariner' });
    expectCauses(r, []);
    assert.match(r.checks.find((c) => c.id === 'dns' && c.cluster === 'west')?.detail ?? '', /forwards to 10\.96\.0\.77/);
  });

  test('without the Lighthouse stanza Submariner’s DNS is not configured', async () => {
    await tb.apply('west', corefile(originalCorefile));
    try {
      expectCauses(await doctor('sub', 'app', { implementation: 'submariner' }), ['dns-not-configured']);
    } finally {
      await tb.apply('west', corefile(`${LIGHTHOUSE}${originalCorefile}`));
    }
  });
});

describe('probe (check 12)', () => {
  test('the pod can never be scheduled here: skipped with why, and always deleted', async () => {
    const asked: string[] = [];
    const r = await doctor('shop', 'web', {
      probe: true,
      probeWaitMs: 2500,
      confirmProbe: (pods) => {
        asked.push(...pods);
        return true;
      },
    });
    assert.equal(asked.length, 2);
    assert.match(asked[0] ?? '', /^Pod shop\/clusterset-probe-[0-9a-f]{6} \(image busybox:1\.36\) in east, deleted afterwards$/);
    expectCauses(r, []);
    const probes = r.checks.filter((c) => c.id === 'probe');
    assert.deepEqual(probes.map((c) => c.cluster).sort(), ['east', 'west']);
    for (const p of probes) {
      assert.equal(p.status, 'skip');
      assert.match(p.detail, /not scheduled within 3 s/);
      assert.match(p.detail, /deleted/);
      assert.doesNotMatch(p.detail, /NOT be confirmed/);
    }
    for (const c of ['east', 'west']) {
      const left = await f.kubectlOk(tb, c, ['-n', 'shop', 'get', 'pods', '-l', 'clusterset.dev/probe=true', '-o', 'name']);
      assert.equal(left.trim(), '', `probe pods left in ${c}: ${left}`);
    }
  });

  test('declined confirmation creates nothing', async () => {
    const r = await doctor('shop', 'web', { probe: true, confirmProbe: () => false });
    assert.match(r.checks.find((c) => c.id === 'probe')?.detail ?? '', /not requested/);
  });
});
