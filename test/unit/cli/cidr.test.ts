// `clusterset cidr` in-process with a stub discovery: argument handling, exit codes 0/1/2, and the exact
// text, yaml and json outputs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { runCidr } from '../../../cli/src/cidr';
import type { ClusterCidrReport, DiscoverOptions } from '../../../clusters/src/cidrs';
import { rememberSecrets } from '../../../clusters/src/redact';
import { sink } from './fixtures';

const EAST: ClusterCidrReport = {
  context: 'east',
  server: 'https://127.0.0.1:6443',
  clusterId: 'east',
  kubernetesVersion: 'v1.36.3',
  ok: true,
  podCIDRs: ['10.244.0.0/16'],
  serviceCIDRs: ['10.96.0.0/16'],
  globalCIDRs: [],
  ranges: [
    {
      cidr: '10.244.0.0/16',
      family: 4,
      kind: 'pod',
      source: 'kubeadm-config',
      from: 'ConfigMap kube-system/kubeadm-config networking.podSubnet',
      confidence: 'medium',
      chosen: true,
    },
    {
      cidr: '10.244.0.0/23',
      family: 4,
      kind: 'pod',
      source: 'Node',
      from: 'Node spec.podCIDRs (2 of 2)',
      confidence: 'medium',
      note: 'smallest prefix covering 2 node range(s); the cluster range may be larger',
      chosen: false,
    },
    {
      cidr: '10.96.0.0/16',
      family: 4,
      kind: 'service',
      source: 'ServiceCIDR',
      from: 'ServiceCIDR kubernetes spec.cidrs (networking.k8s.io/v1)',
      confidence: 'high',
      chosen: true,
    },
  ],
  warnings: [],
  sources: [],
  durationMs: 12,
};
const VIEWER: ClusterCidrReport = {
  context: 'east-viewer',
  server: 'https://127.0.0.1:6443',
  ok: false,
  fault: { kind: 'forbidden', message: 'forbidden: this context may not read any CIDR source' },
  podCIDRs: [],
  serviceCIDRs: [],
  globalCIDRs: [],
  ranges: [],
  warnings: [],
  sources: [],
  durationMs: 3,
};

const dir = mkdtempSync(join(tmpdir(), 'clusterset-cidr-cli-'));
const kubeconfig = join(dir, 'config');
writeFileSync(
  kubeconfig,
  'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:6443"}\nusers:\n- name: u\n  user: {token: abc}\ncontexts:\n- name: east\n  context: {cluster: c, user: u}\n- name: east-viewer\n  context: {cluster: c, user: u}\ncurrent-context: east\n',
);
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], reports: ClusterCidrReport[] = [EAST, VIEWER]) {
  const stdout = sink();
  const stderr = sink();
  const calls: { contexts: string[]; options: DiscoverOptions }[] = [];
  const code = await runCidr(args, stdout, stderr, async (contexts, options) => {
    calls.push({ contexts, options });
    return reports.filter((r) => contexts.includes(r.context));
  });
  return { code, stdout: stdout.text, stderr: stderr.text, calls };
}

test('every context of the kubeconfig by default; exit 1 when one failed; text table with the chosen ranges starred', async () => {
  const r = await run(['--kubeconfig', kubeconfig]);
  assert.equal(r.code, 1);
  assert.deepEqual(r.calls[0]?.contexts, ['east', 'east-viewer']);
  assert.deepEqual(r.calls[0]?.options, { allowExecAuth: true, timeoutMs: 15000, kubeconfigPath: kubeconfig });
  assert.equal(
    r.stdout,
    [
      'east  (https://127.0.0.1:6443, cluster id east, v1.36.3)',
      '    RANGE         KIND    CONFIDENCE SOURCE',
      '  * 10.244.0.0/16 pod     medium     ConfigMap kube-system/kubeadm-config networking.podSubnet',
      '    10.244.0.0/23 pod     medium     Node spec.podCIDRs (2 of 2) — smallest prefix covering 2 node range(s); the cluster range may be larger',
      '  * 10.96.0.0/16  service high       ServiceCIDR kubernetes spec.cidrs (networking.k8s.io/v1)',
      '  (* = chosen for the ClusterSet file)',
      '',
      'east-viewer  (https://127.0.0.1:6443)',
      '  FAILED [forbidden] forbidden: this context may not read any CIDR source',
      '',
      '2 cluster(s) read, 1 failed.',
      '',
    ].join('\n'),
  );
});

test('--context (repeatable), --timeout and --no-exec-auth reach discovery; exit 0 when all answered', async () => {
  const r = await run(['--kubeconfig', kubeconfig, '--context', 'east', '--timeout', '2.5', '--no-exec-auth']);
  assert.equal(r.code, 0);
  assert.deepEqual(r.calls[0], {
    contexts: ['east'],
    options: { allowExecAuth: false, timeoutMs: 2500, kubeconfigPath: kubeconfig },
  });
});

test('--format yaml: a ClusterSet spec.clusters fragment, failed clusters as comments', async () => {
  const r = await run(['--kubeconfig', kubeconfig, '--format', 'yaml']);
  assert.equal(r.code, 1);
  assert.equal(
    r.stdout,
    '# ClusterSet spec.clusters fragment from `clusterset cidr`; paste under spec: in your ClusterSet file.\nclusters:\n- name: east\n  context: east\n  podCIDRs: [10.244.0.0/16]\n  serviceCIDRs: [10.96.0.0/16]\n# east-viewer: not read — forbidden: forbidden: this context may not read any CIDR source\n',
  );
  assert.deepEqual(parse(r.stdout), {
    clusters: [{ name: 'east', context: 'east', podCIDRs: ['10.244.0.0/16'], serviceCIDRs: ['10.96.0.0/16'] }],
  });
});

test('--format json: versioned envelope with the reports as they are', async () => {
  const r = await run(['--kubeconfig', kubeconfig, '--format', 'json']);
  assert.deepEqual(JSON.parse(r.stdout), { version: 1, clusters: [EAST, VIEWER] });
});

test('usage errors exit 2 with a message; --help exits 0', async () => {
  for (const [args, message] of [
    [['--format', 'xml'], /--format must be one of text, json, yaml \(got "xml"\)/],
    [['--timeout', '0'], /--timeout must be a number of seconds between 0 and 600/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--kubeconfig', join(dir, 'missing')], /no kubeconfig found/],
  ] as const) {
    const r = await run([...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.calls.length, 0);
  }
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: clusterset cidr \[options\]/);
});

test('every printed message loses the credentials the process knows, in text, json and yaml', async () => {
  // A secret learnt after the report's messages were made (a plugin's token), and a warning quoting
  // cluster data with a token-like run: neither may be printed, whatever the format.
  const issued = 'late-issued-Token-Q7xZ2mK9pL';
  rememberSecrets([issued]);
  const leaky: ClusterCidrReport = {
    ...VIEWER,
    fault: { kind: 'execPlugin', message: `exec plugin "get-token" exited with status 1: ${issued}` },
    warnings: ['kubeadm-config quotes ya29.a0AfH6SMBx3kQ9Zq1rT7uV2wY5dEfGhIjKlMnOpQrS somewhere'],
    sources: [{ source: 'Node', status: 'fault', fault: { kind: 'forbidden', message: `forbidden: ${issued}` } }],
  };
  for (const format of ['text', 'json', 'yaml']) {
    const out = sink();
    const code = await runCidr(['--context', 'east-viewer', '--format', format], out, sink(), async () => [leaky]);
    assert.equal(code, 1);
    assert.ok(!out.text.includes(issued), `${format}: ${out.text}`);
    assert.ok(!out.text.includes('ya29.a0AfH6SMB'), `${format}: ${out.text}`);
    assert.match(out.text, /exited with status 1: \[redacted\]/);
  }
});
