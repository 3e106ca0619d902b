// `clusterset generate` in-process: it reads the workspace as lint does, prints or writes the document,
// names the ClusterSet file as the user gave it, and keeps the exit-code contract.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runGenerate } from '../../../cli/src/generate';
import { sink } from './fixtures';

const SHOP = join(import.meta.dirname, '../../fixtures/generate/shop');

async function generate(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await runGenerate(args, stdout, stderr, { cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

test('generate wiring prints the runbook for the ClusterSet file, naming it as given', async () => {
  const r = await generate(join(SHOP, '..'), 'wiring', 'shop');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# Wire clusterset prod with Cilium ClusterMesh/);
  assert.match(r.stdout, /clusterset status --clusterset shop\/clusterset\.yaml/);
  const older = await generate(SHOP, 'wiring', '--version', '1.18');
  assert.match(older.stdout, /--set clustermesh\.enableMCSAPISupport=true/);
});

test('generate serviceimport writes the preview with -o and says where', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clusterset-gen-'));
  try {
    const out = join(dir, 'import.yaml');
    const r = await generate(SHOP, 'serviceimport', '--service', 'shop/web', '-o', out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^wrote /m);
    assert.match(readFileSync(out, 'utf8'), /kind: ServiceImport[\s\S]*type: ClusterSetIP/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('generate exit codes: 1 when the workspace cannot yield it, 2 on usage errors', async () => {
  const missing = await generate(SHOP, 'networkpolicy', '--service', 'shop/none');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /shop\/none is not exported/);
  assert.equal((await generate(SHOP, 'networkpolicy')).code, 2, 'needs --service');
  assert.equal((await generate(SHOP, 'bogus')).code, 2);
  assert.equal((await generate(SHOP)).code, 2);
  assert.equal((await generate(SHOP, 'wiring', '--implementation', 'nope')).code, 2);
  const help = await generate(SHOP, '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /traffic-policy {3}Local-first traffic policy/);
});

test('generate traffic-policy follows --kubernetes-version', async () => {
  const r = await generate(
    SHOP,
    'traffic-policy',
    '--service',
    'shop/web',
    '--implementation',
    'gke',
    '--kubernetes-version',
    '1.32',
  );
  // The ClusterSet file says cilium and wins over --implementation, as in lint.
  assert.match(r.stdout, /service\.cilium\.io\/affinity: local/);
  assert.match(r.stdout, /trafficDistribution: PreferClose/);
});
