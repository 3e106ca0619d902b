import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { startServer, type LspSession } from '../helpers/lspClient';

// The server reads `.clusterset.yaml` from the workspace root at start and again when it changes on disk,
// as `clusterset lint` reads it from its directory: the editor and CI apply the same rule levels.
const EXPORT =
  'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  bogus: 1\n';
const CHANGED = 2;

let dir: string;
let s: LspSession;
const has101 = (d: { code?: unknown }[]): boolean => d.some((x) => x.code === 'MCS101');

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clusterset-config-'));
  writeFileSync(join(dir, 'export.yaml'), EXPORT);
  writeFileSync(join(dir, '.clusterset.yaml'), 'rules: {MCS101: off}\n');
  s = await startServer(pathToFileURL(dir).href);
});
after(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the project config at the root sets rule levels, and a change on disk is followed', async () => {
  const uri = pathToFileURL(join(dir, 'export.yaml')).href;
  const quiet = s.diagnostics(uri, (d) => d.some((x) => x.code === 'MCS004') && !has101(d), 15000);
  s.open(uri, EXPORT);
  await quiet;
  const configPath = join(dir, '.clusterset.yaml');
  const loud = s.diagnostics(uri, has101, 15000);
  writeFileSync(configPath, 'rules: {MCS101: error}\n');
  s.conn.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToFileURL(configPath).href, type: CHANGED }],
  });
  await loud;
});

test('crdVersion in the project config reaches the editor: a field newer than those CRDs is flagged', async () => {
  const text =
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: api, namespace: shop}\nspec:\n  exportedLabels: {tier: gold}\n';
  writeFileSync(join(dir, 'labels.yaml'), text);
  const uri = pathToFileURL(join(dir, 'labels.yaml')).href;
  const mcs005 = (d: { code?: unknown; message: string }[]) =>
    d.some((x) => x.code === 'MCS005' && /but crdVersion in .*\.clusterset\.yaml is v0\.1\.0/.test(x.message));
  const flagged = s.diagnostics(uri, mcs005, 15000);
  const configPath = join(dir, '.clusterset.yaml');
  writeFileSync(configPath, 'rules: {MCS101: off}\ncrdVersion: v0.1.0\n');
  s.conn.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToFileURL(configPath).href, type: CHANGED }],
  });
  s.open(uri, text);
  await flagged;
});
