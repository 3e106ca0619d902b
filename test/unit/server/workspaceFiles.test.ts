// The one workspace walker on a real temporary tree holding what real repositories hold and what hangs or
// loops a naive walker: node_modules/, .git/, vendor/, a FIFO named *.yaml, a folder symlinked to its own
// parent, two file symlinks pointing at each other, a broken symlink, a symlink to a file of the tree, and a
// (sparse) file over the size limit. `clusterset lint` must read exactly the files the walker yields.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { lintPaths } from '../../../cli/src/lint';
import { MAX_WORKSPACE_FILE_BYTES } from '../../../server/src/service/workspaceFilter';
import {
  childPath,
  childPathBase,
  isWalkedPath,
  readWorkspaceFile,
  walkWorkspace,
  type WalkEntry,
} from '../../../server/src/workspaceFiles';

/** A hang detector for the FIFO cases: a blocking read would never return. */
const BOUND = { timeout: 10000 };
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {ports: [{port: 80}]}\n';
const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

let root: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'clusterset-walk-'));
  const put = (rel: string, text: string): void => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  put('clusters/east/export.yaml', EXPORT);
  put('clusters/east/service.yml', SERVICE);
  put('clusters/east/README.md', '# not YAML\n');
  put('base/kustomization.YAML', 'resources: [service.yml]\n');
  put('node_modules/pkg/service.yaml', SERVICE);
  put('clusters/east/node_modules/x.yaml', SERVICE);
  put('.git/config.yaml', SERVICE);
  put('.github/workflows/ci.yaml', 'on: push\n');
  put('vendor/sigs.k8s.io/mcs-api/config/crd/serviceexports.yaml', SERVICE);
  put('dist/rendered.yaml', SERVICE);
  put('generated/out.yaml', SERVICE);
  execFileSync('mkfifo', [join(root, 'clusters/east/pipe.yaml')]);
  symlinkSync('..', join(root, 'clusters/loop')); // clusters/loop → clusters: a folder loop
  symlinkSync('b.yaml', join(root, 'a.yaml')); // a.yaml → b.yaml → a.yaml
  symlinkSync('a.yaml', join(root, 'b.yaml'));
  symlinkSync('missing.yaml', join(root, 'broken.yaml'));
  symlinkSync('clusters/east/service.yml', join(root, 'service-link.yaml')); // the same file a second time
  writeFileSync(join(root, 'huge.yaml'), '');
  truncateSync(join(root, 'huge.yaml'), MAX_WORKSPACE_FILE_BYTES + 1);
});
after(() => rmSync(root, { recursive: true, force: true }));

async function all(roots: string[], options: Parameters<typeof walkWorkspace>[1] = {}): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  for await (const e of walkWorkspace(roots, { cwd: root, ...options })) out.push(e);
  return out;
}

const files = (entries: WalkEntry[]): string[] => entries.filter((e) => e.kind === 'file').map((e) => e.path);
const problems = (entries: WalkEntry[]): Record<string, string> =>
  Object.fromEntries(entries.flatMap((e) => (e.kind === 'unreadable' ? [[e.path, e.reason]] : [])));

test(
  'the walk reads YAML files only, skips dependency, build and dot-folders, and reports what it cannot read',
  BOUND,
  async () => {
    const entries = await all(['.']);
    assert.deepEqual(files(entries), [
      'base/kustomization.YAML',
      'clusters/east/export.yaml',
      'clusters/east/service.yml',
      'generated/out.yaml',
    ]);
    assert.deepEqual(problems(entries), {
      'a.yaml': 'too many levels of symbolic links (ELOOP)',
      'b.yaml': 'too many levels of symbolic links (ELOOP)',
      'broken.yaml': 'no such file or directory (ENOENT)',
      'clusters/east/pipe.yaml': 'not read: not a regular file (FIFO)',
      'huge.yaml':
        'not read: 16.0 MiB is over the 16.0 MiB limit for workspace YAML files (list it under ignore to silence this)',
    });
    // service-link.yaml is the same file as clusters/east/service.yml, reached first: read once.
    assert.equal(files(entries).includes('service-link.yaml'), false);
  },
);

test('the walk follows a file symlink when it is the only path to the file', BOUND, async () => {
  assert.deepEqual(files(await all(['service-link.yaml'])), ['service-link.yaml']);
});

test('ignore globs leave files and folders out', BOUND, async () => {
  const entries = await all(['.'], { ignore: ['clusters/east/*.yml', 'pipe.yaml', '{a,b,broken,huge}.yaml', 'generated/'] });
  assert.deepEqual(files(entries), ['base/kustomization.YAML', 'clusters/east/export.yaml', 'service-link.yaml']);
  assert.deepEqual(problems(entries), {});
});

test('a root is walked or read whatever its name: node_modules, a non-YAML file', BOUND, async () => {
  assert.deepEqual(files(await all(['node_modules'])), ['node_modules/pkg/service.yaml']);
  assert.deepEqual(files(await all(['clusters/east/README.md'])), ['clusters/east/README.md']);
});

test('a FIFO named as a root is reported, not read (bounded time)', BOUND, async () => {
  const entries = await all(['clusters/east/pipe.yaml', 'clusters/east/export.yaml']);
  assert.deepEqual(problems(entries), { 'clusters/east/pipe.yaml': 'not read: not a regular file (FIFO)' });
  assert.deepEqual(files(entries), ['clusters/east/export.yaml']);
});

test('readWorkspaceFile refuses a FIFO and a file over the limit, reads a regular file', BOUND, async () => {
  assert.deepEqual(await readWorkspaceFile('clusters/east/pipe.yaml', { cwd: root }), {
    reason: 'not read: not a regular file (FIFO)',
  });
  assert.deepEqual(await readWorkspaceFile('huge.yaml', { cwd: root }), {
    reason: 'not read: 16.0 MiB is over the 16.0 MiB limit for workspace YAML files (list it under ignore to silence this)',
  });
  assert.deepEqual(await readWorkspaceFile('clusters/east/export.yaml', { cwd: root }), { text: EXPORT });
  assert.deepEqual(await readWorkspaceFile('nope.yaml', { cwd: root }), { reason: 'no such file or directory (ENOENT)' });
});

test('an aborted walk stops', BOUND, async () => {
  const controller = new AbortController();
  controller.abort();
  assert.deepEqual(await all(['.'], { signal: controller.signal }), []);
});

test('clusterset lint reads exactly the walked files and reports the same problems in the same words', BOUND, async () => {
  const walked = await all(['.']);
  const linted = await lintPaths(['.'], { cwd: root });
  assert.deepEqual(linted.files, files(walked));
  assert.deepEqual(Object.fromEntries(linted.unreadable.map((u) => [u.file, u.reason])), problems(walked));
  // The Service under node_modules/ is not in the workspace, the one beside the export is: no MCS101.
  assert.equal(
    linted.diagnostics.some((d) => d.code === 'MCS101'),
    false,
  );
});

test("isWalkedPath agrees with the walk on every path of the tree (the editor's watcher events)", () => {
  const yes = ['clusters/east/export.yaml', 'clusters/east/service.yml', 'base/kustomization.YAML', 'new/file.yaml'];
  const no = [
    'node_modules/pkg/service.yaml',
    'clusters/east/node_modules/x.yaml',
    '.git/config.yaml',
    '.github/workflows/ci.yaml',
    'vendor/sigs.k8s.io/mcs-api/config/crd/serviceexports.yaml',
    'dist/rendered.yaml',
    'clusters/east/README.md',
  ];
  for (const p of yes) assert.ok(isWalkedPath(root, join(root, p)), p);
  for (const p of no) assert.equal(isWalkedPath(root, join(root, p)), false, p);
  assert.equal(isWalkedPath(root, join(root, 'generated/out.yaml'), ['generated']), false);
  assert.equal(isWalkedPath(root, join(tmpdir(), 'elsewhere.yaml')), false, 'outside the folder');
  assert.equal(isWalkedPath(root, root), false);
});

test('childPath is join(dir, name) for a readdir name, whatever form the root was given in', () => {
  const dirs = ['.', './', '..', '../x', 'a', 'a/', 'a//b', './a/./b/', 'a/../b', '/', '/tmp', '/tmp/', '//x', 'x/..', 'x/../..'];
  const names = ['f.yaml', 'clusters', '.hidden', 'a b', 'é.yml', '..x', '...'];
  for (const dir of dirs.map((d) => d.replace(/\//g, sep))) {
    const base = childPathBase(dir);
    for (const name of names) assert.equal(childPath(base, dir, name), join(dir, name), `${dir} + ${name}`);
  }
});
