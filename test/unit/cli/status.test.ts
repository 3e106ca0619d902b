// `clusterset status` in-process with a stub inventory reader (our own interface): scope from --context and
// --clusterset, exit codes 0/1/2, the exact text table and the JSON contract.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runStatus } from '../../../cli/src/status';
import type { readInventory } from '../../../clusters/src/inventory/read';
import type { ClusterMember } from '../../../clusters/src/scope';
import { cluster, healthyTrio } from '../clusters/inventory/builder';
import { sink } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'clusterset-status-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const kubeconfig = join(dir, 'kubeconfig');
writeFileSync(
  kubeconfig,
  `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1'}}]
users: [{name: u, user: {token: secret-token-not-printed}}]
contexts:
${['kind-east', 'west', 'central', 'spare'].map((n) => `- {name: ${n}, context: {cluster: c, user: u}}`).join('\n')}
current-context: west
`,
);
const clusterset = join(dir, 'prod.clusterset.yaml');
writeFileSync(
  clusterset,
  `apiVersion: clusterset.dev/v1alpha1
kind: ClusterSet
metadata: {name: prod}
spec:
  implementation: submariner
  clusters:
  - {name: east, context: kind-east}
  - {name: west, context: west}
  - {name: central, context: central}
`,
);

/** A reader that answers with the healthy trio, renamed to the members asked for, and records the call. */
function stub(mutate: (s: ReturnType<typeof healthyTrio>) => void = () => undefined) {
  const calls: { members: ClusterMember[]; timeoutMs?: number; allowExec?: boolean }[] = [];
  const read: typeof readInventory = async (_kc, members, options) => {
    calls.push({ members, timeoutMs: options?.timeoutMs, allowExec: options?.allowExec });
    const s = healthyTrio();
    s.clusters = s.clusters.map((c, i) => ({ ...c, context: members[i]?.context ?? c.context }));
    mutate(s);
    return s;
  };
  return { read, calls };
}

async function status(args: string[], read = stub().read) {
  const out = sink();
  const err = sink();
  const code = await runStatus(['--kubeconfig', kubeconfig, ...args], out, err, read);
  return { code, out: out.text, err: err.text };
}

test('members from the ClusterSet file, names kept; all healthy: exit 0 and a readable table', async () => {
  const s = stub();
  const r = await status(['--clusterset', clusterset, '--timeout', '3', '--no-exec-auth'], s.read);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(s.calls, [
    {
      members: [
        { name: 'east', context: 'kind-east' },
        { name: 'west', context: 'west' },
        { name: 'central', context: 'central' },
      ],
      timeoutMs: 3000,
      allowExec: false,
    },
  ]);
  assert.equal(
    r.out,
    [
      'CLUSTER  CONTEXT    STATE  IMPLEMENTATION  CONTROLLER  MCS API           CLUSTER ID',
      'east     kind-east  ok     generic         -           v1alpha1,v1beta1  east',
      'west     west       ok     generic         -           v1alpha1,v1beta1  west',
      'central  central    ok     generic         -           v1alpha1,v1beta1  central',
      '',
      'SERVICE   HEALTH   EXPORTED FROM  IMPORTED IN        READY ENDPOINTS BY SOURCE',
      'shop/web  healthy  east           east,west,central  east=2',
      '',
      '3/3 clusters answered; services: 1 healthy, 0 degraded, 0 broken',
      '',
    ].join('\n'),
  );
});

test('a failed cluster or an unhealthy service: exit 1, the fault and the reasons printed under the tables', async () => {
  const r = await status(
    ['--context', 'west', '--context', 'central', '--context', 'kind-east'],
    stub((s) => {
      s.clusters[2] = cluster('central', {
        reachable: false,
        fault: { kind: 'timeout', message: 'no answer from https://x within 3 s' },
      });
      s.endpointSlices = s.endpointSlices.filter((x) => x.ref.cluster !== 'west');
    }).read,
  );
  assert.equal(r.code, 1);
  assert.match(r.out, /\ncentral\s+central\s+timeout\s+generic/);
  assert.match(r.out, /\n {2}central: timeout: no answer from https:\/\/x within 3 s\n/);
  assert.match(r.out, /\n {2}shop\/web: unknown in central: not read \(timeout\)\n/);
  assert.match(r.out, /\n2\/3 clusters answered/);
  assert.ok(!r.out.includes('secret-token-not-printed'));
});

test('--format json: the contract, in a stable key order', async () => {
  const r = await status(['--format', 'json', '--context', 'west'], stub().read);
  assert.equal(r.code, 0);
  const j = JSON.parse(r.out) as { clusters: object[]; services: object[] };
  assert.deepEqual(j.clusters[0], {
    name: 'east',
    context: 'west',
    reachable: true,
    error: null,
    errorKind: null,
    implementation: 'generic',
    controllerReady: null,
    crdVersions: ['multicluster.x-k8s.io/v1alpha1', 'multicluster.x-k8s.io/v1beta1'],
    clusterId: 'east',
    partial: [],
  });
  assert.deepEqual(j.services, [
    {
      namespace: 'shop',
      name: 'web',
      exportedFrom: ['east'],
      importedIn: ['east', 'west', 'central'],
      endpoints: { east: 2 },
      health: 'healthy',
      reasons: [],
    },
  ]);
});

test('usage errors exit 2 before any cluster is contacted', async () => {
  const s = stub();
  const cases: [string[], RegExp][] = [
    [['--format', 'yaml'], /--format must be one of text, json/],
    [['--timeout', '0'], /--timeout must be a number of seconds/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--context', 'nope'], /no context "nope" in /],
    [['--clusterset', join(dir, 'missing.yaml')], /cannot read --clusterset .*ENOENT/],
    [['--clusterset', kubeconfig], /has no kind: ClusterSet document/],
  ];
  for (const [args, message] of cases) {
    const r = await status(args, s.read);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
  }
  const none = sink();
  assert.equal(await runStatus(['--kubeconfig', join(dir, 'nothing')], sink(), none, s.read), 2);
  assert.match(none.text, /no kubeconfig found/);
  assert.equal(s.calls.length, 0);
});

test('--help prints the options and exits 0', async () => {
  const r = await status(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /--clusterset FILE/);
});
