import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { startServer, type LspSession } from '../helpers/lspClient';

// The server indexes the workspace's YAML files on start and follows created/changed/deleted/renamed
// files, so cross-file rules (MCS101: an export with no Service) see files that are not open.
const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: web\n  namespace: shop\n';
const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports: [{name: http, port: 80}]\n';
const CREATED = 1;
const DELETED = 3;

let dir: string;
let s: LspSession;
const has101 = (d: { code?: unknown }[]): boolean => d.some((x) => x.code === 'MCS101');

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clusterset-ws-'));
  mkdirSync(join(dir, 'clusters', 'east'), { recursive: true });
  mkdirSync(join(dir, 'clusters', 'west'), { recursive: true });
  writeFileSync(join(dir, 'clusters', 'east', 'export.yaml'), EXPORT);
  writeFileSync(join(dir, 'clusters', 'east', 'service.yaml'), SERVICE);
  s = await startServer(pathToFileURL(dir).href);
});
after(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

function watched(changes: Array<{ path: string; type: number }>): void {
  s.conn.sendNotification('workspace/didChangeWatchedFiles', {
    changes: changes.map((c) => ({ uri: pathToFileURL(c.path).href, type: c.type })),
  });
}

test('a Service in a file that is not open satisfies the export; delete, create and rename are followed', async () => {
  const exportPath = join(dir, 'clusters', 'east', 'export.yaml');
  const servicePath = join(dir, 'clusters', 'east', 'service.yaml');
  const uri = pathToFileURL(exportPath).href;

  // Indexed from disk at start: no MCS101 although service.yaml is never opened.
  const clean = s.diagnostics(uri, (d) => !has101(d), 15000);
  s.open(uri, EXPORT);
  await clean;

  const missing = s.diagnostics(uri, has101);
  rmSync(servicePath);
  watched([{ path: servicePath, type: DELETED }]);
  const d = await missing;
  assert.match(d.find((x) => x.code === 'MCS101')?.message ?? '', /No Service named web in namespace shop in cluster east/);

  // Created in the other cluster's folder: still missing in east (an export only exports its own cluster's Service).
  const westPath = join(dir, 'clusters', 'west', 'service.yaml');
  writeFileSync(westPath, SERVICE);
  const stillMissing = s.diagnostics(uri, (x) =>
    (x.find((y) => y.code === 'MCS101')?.message ?? '').includes('Cluster west has one'),
  );
  watched([{ path: westPath, type: CREATED }]);
  await stillMissing;

  // Renamed (moved) into east: the editor reports a delete and a create.
  const movedPath = join(dir, 'clusters', 'east', 'moved-service.yaml');
  renameSync(westPath, movedPath);
  const fixed = s.diagnostics(uri, (x) => !has101(x));
  watched([
    { path: westPath, type: DELETED },
    { path: movedPath, type: CREATED },
  ]);
  await fixed;
});
