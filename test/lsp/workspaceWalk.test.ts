// The editor and `clusterset lint` see the same workspace: on one temporary tree (a Service beside the
// export, others under node_modules/, a dot-folder, vendor/, in a FIFO, in a file over the size limit, one
// reachable only through a file symlink; plus a folder symlink loop and two symlinks pointing at each
// other) the server indexes as many files as the CLI lints, and the open export gets the same cross-file
// findings (MCS101, "no Service") in the editor as from the CLI. The FIFO must not hang the server.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { lintPaths } from '../../cli/src/lint';
import { ServerStatusNotification, type ServerStatusParams } from '../../server/src/protocol';
import { MAX_WORKSPACE_FILE_BYTES } from '../../server/src/service/workspaceFilter';
import { startServer, type LspSession } from '../helpers/lspClient';

const SERVICES = ['web1', 'web2', 'web3', 'web4', 'web5', 'web6', 'web7'];
const service = (name: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: {selector: {app: ${name}}, ports: [{name: http, port: 80}]}\n`;
const EXPORTS = SERVICES.map(
  (n) => `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: ${n}, namespace: shop}\n`,
).join('---\n');

let root: string;
let s: LspSession;
const statuses: ServerStatusParams[] = [];

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'clusterset-walk-lsp-'));
  const put = (rel: string, text: string): void => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  put('clusters/east/export.yaml', EXPORTS);
  put('clusters/east/web1.yaml', service('web1')); // in the workspace
  put('clusters/east/node_modules/web2.yaml', service('web2'));
  put('clusters/east/.cache/web3.yaml', service('web3'));
  put('vendor/web4.yaml', service('web4')); // outside cluster folders: would match every cluster if read
  execFileSync('mkfifo', [join(root, 'clusters/east/web5.yaml')]);
  put('clusters/east/web6.yaml', `${service('web6')}#${'x'.repeat(MAX_WORKSPACE_FILE_BYTES)}\n`);
  put('shared/web7.txt', service('web7'));
  symlinkSync('../../shared/web7.txt', join(root, 'clusters/east/web7.yaml')); // read through the link
  symlinkSync('..', join(root, 'clusters/east/loop'));
  symlinkSync('b.yaml', join(root, 'a.yaml'));
  symlinkSync('a.yaml', join(root, 'b.yaml'));
  s = await startServer(pathToFileURL(root).href);
  s.conn.onNotification(ServerStatusNotification, (p) => statuses.push(p));
});
after(async () => {
  await s?.close();
  rmSync(root, { recursive: true, force: true });
});

const missing = (d: Array<{ code?: unknown; message: string }>): string[] =>
  d
    .filter((x) => x.code === 'MCS101')
    .map((x) => /named (\S+)/.exec(x.message)?.[1] ?? x.message)
    .sort();

test('the editor indexes the files clusterset lint reads and agrees on cross-file findings', { timeout: 30000 }, async () => {
  const linted = await lintPaths(['.'], { cwd: root });
  const cliMissing = missing(linted.diagnostics.filter((d) => d.file === join('clusters', 'east', 'export.yaml')));
  // The CLI's own view first: what the tree was built to show.
  assert.deepEqual(cliMissing, ['web2', 'web3', 'web4', 'web5', 'web6']);
  assert.deepEqual(linted.unreadable.map((u) => u.file).sort(), [
    'a.yaml',
    'b.yaml',
    'clusters/east/web5.yaml',
    'clusters/east/web6.yaml',
  ]);

  const uri = pathToFileURL(join(root, 'clusters/east/export.yaml')).href;
  const agreed = s.diagnostics(uri, (d) => missing(d).join() === cliMissing.join(), 20000);
  s.open(uri, readFileSync(join(root, 'clusters/east/export.yaml'), 'utf8'));
  await agreed;
  // The status of the same publish follows the diagnostics.
  const deadline = Date.now() + 5000;
  while (statuses.at(-1)?.indexedFiles !== linted.files.length && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  assert.equal(statuses.at(-1)?.indexedFiles, linted.files.length, `files: ${linted.files.join(', ')}`);
});
