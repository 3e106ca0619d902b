// `clusterset doctor` argument handling and exit codes, with the engine replaced by a fake report (our own
// interface): usage errors exit 2 before anything is read, causes exit 1, healthy exits 0, and each format
// renders the same report.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runDoctor } from '../../../cli/src/doctor';
import type { DiagnoseOptions } from '../../../clusters/src/runbook/diagnose';
import { runRunbook, type RunbookReport } from '../../../clusters/src/runbook/run';
import { reach } from '../../../clusters/src/runbook/checks/00-reach';
import { service } from '../../../clusters/src/runbook/checks/05-service';
import { importCheck } from '../../../clusters/src/runbook/checks/08-import';
import { healthySnapshot, MEMBERS } from '../clusters/runbook/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'doctor-cli-'));
const kubeconfig = join(dir, 'kubeconfig');
writeFileSync(
  kubeconfig,
  'apiVersion: v1\nkind: Config\nclusters:\n- name: east\n  cluster: {server: "https://127.0.0.1:1"}\ncontexts:\n- name: east\n  context: {cluster: east, user: u}\nusers:\n- name: u\n  user: {token: not-a-secret}\ncurrent-context: east\n',
);

function capture() {
  const chunks: string[] = [];
  return { out: { write: (s: string) => chunks.push(s) }, text: () => chunks.join('') };
}

async function reportWith(broken: boolean): Promise<RunbookReport> {
  const snap = healthySnapshot();
  if (broken) snap.imports = snap.imports.filter((i) => i.ref.cluster !== 'west');
  // Only the checks that need no reads beyond the snapshot (the others would skip: nothing is read here).
  return runRunbook(
    { service: { namespace: 'shop', name: 'web' }, members: MEMBERS, snapshot: snap },
    { checks: [reach, service, importCheck] },
  );
}

test('usage errors exit 2 and read nothing', async () => {
  let called = false;
  const fake = async () => {
    called = true;
    return reportWith(false);
  };
  for (const args of [
    [],
    ['--service', 'web'],
    ['--service', 'Shop/Web'],
    ['--service', 'shop/web', '--format', 'yaml'],
    ['--service', 'shop/web', '--implementation', 'linkerd'],
    ['--service', 'shop/web', '--timeout', '0'],
    ['--service', 'shop/web', '--clusterset', join(dir, 'missing.yaml')],
    ['--service', 'shop/web', '--kubeconfig', join(dir, 'nope')],
    ['--service', 'shop/web', '--bogus'],
  ]) {
    const err = capture();
    assert.equal(await runDoctor(args, capture().out, err.out, fake), 2, args.join(' '));
    assert.match(err.text(), /clusterset doctor: /);
  }
  assert.equal(called, false);
});

test('--help exits 0 and documents the exit codes', async () => {
  const out = capture();
  assert.equal(await runDoctor(['--help'], out.out, capture().out), 0);
  assert.match(out.text(), /Exit status: 0 healthy, 1 causes found, 2 usage error/);
});

test('healthy exits 0, causes exit 1; the options reach the engine', async () => {
  let seen: DiagnoseOptions | undefined;
  const fake = (broken: boolean) => async (o: DiagnoseOptions) => {
    seen = o;
    return reportWith(broken);
  };
  const args = [
    '--service',
    'shop/web',
    '--kubeconfig',
    kubeconfig,
    '--context',
    'east',
    '--timeout',
    '3',
    '--no-exec-auth',
    '--implementation',
    'cilium',
  ];
  assert.equal(await runDoctor(args, capture().out, capture().out, fake(false)), 0);
  assert.deepEqual(seen?.service, { namespace: 'shop', name: 'web' });
  assert.deepEqual(seen?.contexts, ['east']);
  assert.equal(seen?.timeoutMs, 3000);
  assert.equal(seen?.allowExecAuth, false);
  assert.equal(seen?.implementation, 'cilium');
  assert.equal(seen?.probe, false);
  const out = capture();
  assert.equal(await runDoctor([...args, '--format', 'json'], out.out, capture().out, fake(true)), 1);
  const json = JSON.parse(out.text()) as { causes: Array<{ id: string; clusters: string[]; summary: string; fix: string }> };
  assert.deepEqual(
    json.causes.map((c) => [c.id, c.clusters]),
    [['import-missing', ['west']]],
  );
  assert.ok(json.causes[0]?.fix);
});

test('text and markdown render the checks, the causes with fixes, and the re-run line', async () => {
  const base = ['--service', 'shop/web', '--kubeconfig', kubeconfig];
  const text = capture();
  await runDoctor(base, text.out, capture().out, async () => reportWith(true));
  assert.match(text.text(), /✗ \[west\] no ServiceImport shop\/web in west/);
  assert.match(text.text(), /import-missing \(west\)/);
  assert.match(text.text(), /shop\/web: 1 cause \(import-missing\)$/m);
  const md = capture();
  await runDoctor([...base, '--format', 'markdown'], md.out, capture().out, async () => reportWith(true));
  assert.match(md.text(), /^\*\*shop\/web: 1 cause \(import-missing\)\*\*$/m);
  assert.match(md.text(), /### `import-missing` — No ServiceImport in a consumer cluster/);
  assert.match(md.text(), /\| 2 \| A ServiceImport exists .* \| west \| ❌ fail \|/);
  assert.match(md.text(), /kubectl --context west -n shop get serviceimports\.multicluster\.x-k8s\.io web -o yaml/);
  assert.match(md.text(), /## Run again\n\n```sh\nclusterset doctor --service shop\/web --kubeconfig /);
});
