import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ServerStatusNotification } from '../../server/src/protocol';
import { createLanguageService } from '../../server/src/service/languageService';
import { startServer, type LspSession } from '../helpers/lspClient';

// Opening a large file parses its documents on two cores (a worker thread and the server's own): the
// diagnostics must be exactly those of a plain in-process parse, and edits sent while the first parse runs
// must not be lost.
let s: LspSession;
let parallelParse: boolean | undefined;
before(async () => {
  s = await startServer();
  s.conn.onNotification(ServerStatusNotification, (p) => (parallelParse = p.parallelParse));
});
after(async () => s.close());

function manifest(count: number, badEvery: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const group = i % badEvery === 0 ? 'multicluster.k8s.io' : 'multicluster.x-k8s.io';
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc${i}\n  namespace: shop\nspec:\n  selector: {app: svc${i}}\n  ports:\n  - {name: http, protocol: TCP, port: 80}\n`,
    );
    docs.push(`apiVersion: ${group}/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: svc${i}\n  namespace: shop\n`);
  }
  return docs.join('---\n');
}

const key = (d: Diagnostic): string =>
  `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

test('diagnostics of a large file equal those of a single-threaded parse', async () => {
  const text = manifest(1500, 7);
  assert.ok(text.length > 256 * 1024, 'large enough for the parallel path');
  const uri = 'file:///tmp/clusterset-lsp/clusters/east/large.yaml';
  const reference = createLanguageService();
  reference.setFile(uri, text, 1);
  const expected = reference.validate(uri).diagnostics.map(key).sort();
  assert.equal(expected.filter((k) => k.startsWith('MCS001')).length, Math.ceil(1500 / 7));

  const got = s.diagnostics(uri, (d) => d.length > 0, 60000);
  s.open(uri, text);
  assert.deepEqual((await got).map(key).sort(), expected);
  // The status notification follows the diagnostics it describes.
  for (let i = 0; i < 100 && parallelParse === undefined; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(parallelParse, true, 'the parse worker is running, so the two-core path was taken');
});

test('an edit sent while the first parse runs is applied', async () => {
  const text = manifest(1500, 1000000); // only svc0 has the wrong group
  const edited = text.replace('multicluster.k8s.io/v1alpha1', 'multicluster.x-k8s.io/v1alpha1');
  const uri = 'file:///tmp/clusterset-lsp/clusters/west/large.yaml';
  const clean = s.diagnostics(uri, (d) => !d.some((x) => x.code === 'MCS001'), 60000);
  s.open(uri, text);
  s.change(uri, edited, 2);
  await clean;
});
