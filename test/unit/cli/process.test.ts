// `clusterset lint` as CI runs it: the built bundle (dist/cli.js) as a child process, exit codes from the process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { clustersetWorkspace, CLUSTER_ID, EXPORTED_SERVICE, KEP_GROUP_LINE, workspace, type Workspace } from './fixtures';
import { assertSarif210 } from './format/sarifChecks';

const REPO = resolve(__dirname, '../../..');
const CLI = resolve(REPO, 'dist/cli.js');

function cli(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd, encoding: 'utf8', timeout: 30000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let ws: Workspace;
before(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  ws = clustersetWorkspace();
});
after(() => ws.dispose());

test('process: exit 1 with a compiler-style line for the MCS001 error', () => {
  const r = cli(ws.root, 'clusters/west');
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, new RegExp(`^clusters/west/payments\\.yaml:${KEP_GROUP_LINE + 1}:13: error MCS001: `, 'm'));
});

test('process: exit 0 on a clean cluster folder', () => {
  const clean = workspace({ 'clusters/east/id.yaml': CLUSTER_ID('east'), 'clusters/east/web.yaml': EXPORTED_SERVICE('web') });
  try {
    const r = cli(clean.root, '.', '--quiet');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
  } finally {
    clean.dispose();
  }
});

test('process: exit 2 for a missing path and for an unknown option, with a message', () => {
  const missing = cli(ws.root, 'nowhere.yaml');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /clusterset lint: cannot read nowhere\.yaml: no such file or directory/);
  const usage = cli(ws.root, '--format', 'xml');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /unknown --format 'xml' \(text, json, sarif\)/);
});

test('process: exit 2 for a broken symlink, the JSON of the other files still on stdout', () => {
  const w = clustersetWorkspace();
  try {
    w.brokenLink('clusters/west/gone.yaml');
    const r = cli(w.root, '--format', 'json');
    assert.equal(r.status, 2);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; code: string }> };
    assert.ok(diagnostics.some((d) => d.file === 'clusters/west/payments.yaml' && d.code === 'MCS001'));
    assert.match(r.stderr, /cannot read clusters\/west\/gone\.yaml/);
  } finally {
    w.dispose();
  }
});

test('process: SARIF on stdout passes the 2.1.0 checks', () => {
  const r = cli(ws.root, '--format', 'sarif');
  assert.equal(r.status, 1);
  assertSarif210(JSON.parse(r.stdout));
});

test('process: `clusterset help` lists the lint command with its formats', () => {
  const r = spawnSync(process.execPath, [CLI, 'help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /lint \[paths…\] \[--format text\|json\|sarif\]/);
});
