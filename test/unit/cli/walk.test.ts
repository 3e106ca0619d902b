// `clusterset lint` as CI runs it (dist/cli.js as a child process) on what used to hang it: a FIFO named on
// the command line and one found while walking. Both are reported as not readable, the rest is linted, the
// exit status is 2, and the process ends within a bound (a blocking read on a FIFO never returns).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

const REPO = resolve(__dirname, '../../..');
const CLI = resolve(REPO, 'dist/cli.js');
/** Hang detector, not a performance bound. */
const HANG_MS = 20000;
const BAD_GROUP = 'apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

let root: string;
before(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  root = mkdtempSync(join(tmpdir(), 'clusterset-cli-walk-'));
  mkdirSync(join(root, 'clusters/east'), { recursive: true });
  writeFileSync(join(root, 'clusters/east/web.yaml'), BAD_GROUP);
  execFileSync('mkfifo', [join(root, 'clusters/east/pipe.yaml')]);
  execFileSync('mkfifo', [join(root, 'named-pipe')]);
});
after(() => rmSync(root, { recursive: true, force: true }));

function lint(...args: string[]): { status: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd: root, encoding: 'utf8', timeout: HANG_MS });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

test('a FIFO found while walking is reported, the other files are linted, exit 2, in bounded time', () => {
  const r = lint('.');
  assert.equal(r.signal, null, `killed after ${HANG_MS} ms: the walk hung`);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^clusterset lint: cannot read clusters\/east\/pipe\.yaml: not read: not a regular file \(FIFO\)$/m);
  assert.match(r.stdout, /^clusters\/east\/web\.yaml:1:13: error MCS001: /m);
});

test('a FIFO named on the command line is reported, exit 2, in bounded time', () => {
  const r = lint('named-pipe', 'clusters/east/web.yaml', '--format', 'json');
  assert.equal(r.signal, null, `killed after ${HANG_MS} ms: the read hung`);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr, 'clusterset lint: cannot read named-pipe: not read: not a regular file (FIFO)\n');
  const report = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; code: string }> };
  assert.deepEqual(
    report.diagnostics.map((d) => `${d.file} ${d.code}`),
    ['clusters/east/web.yaml MCS001', 'clusters/east/web.yaml MCS101'],
  );
});

test('clusterset --version prints the version of package.json', () => {
  const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
  const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8', timeout: HANG_MS });
  assert.equal(r.stdout, `clusterset ${version}\n`);
});
