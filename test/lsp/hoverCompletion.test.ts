import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { CompletionList, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { SERVER_JS, startServer, type LspSession } from '../helpers/lspClient';

let s: LspSession;
before(async () => {
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run npm run build first`);
  s = await startServer();
});
after(async () => s.close());

const IMPORT =
  'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  type: ClusterSetIP\n  ports:\n  - port: 80\n';

async function opened(uri: string, text: string): Promise<void> {
  const published = s.diagnostics(uri);
  s.open(uri, text);
  await published; // the server has the document once it published for it
}

test('hover over stdio: field documentation with its range', async () => {
  const uri = 'file:///tmp/clusterset-lsp/hover-import.yaml';
  await opened(uri, IMPORT);
  const h = (await s.conn.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 6, character: 4 },
  })) as Hover;
  assert.deepEqual(h.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 6 } });
  assert.equal((h.contents as MarkupContent).kind, 'markdown');
  assert.match(
    (h.contents as MarkupContent).value,
    /^\*\*spec\.type\*\* · `string` · ServiceImport\n\n.*\n\nAllowed values: `ClusterSetIP`, `Headless` · Required$/,
  );
});

test('hover over stdio: a clusterset.local name in a ConfigMap resolves against the open ServiceExport', async () => {
  await opened(
    'file:///tmp/clusterset-lsp/clusters/east/export.yaml',
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n',
  );
  const uri = 'file:///tmp/clusterset-lsp/app-config.yaml';
  await opened(
    uri,
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata:\n  BACKEND: http://web.shop.svc.clusterset.local:80\n',
  );
  const h = (await s.conn.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 4, character: 20 },
  })) as Hover;
  assert.deepEqual(h.range, { start: { line: 4, character: 18 }, end: { line: 4, character: 47 } });
  assert.match(
    (h.contents as MarkupContent).value,
    /Clusterset name of the multi-cluster service `web` in namespace `shop`[\s\S]*Exported from: `east`/,
  );
});

test('completion over stdio on the line being typed: keys, then enum values', async () => {
  const uri = 'file:///tmp/clusterset-lsp/complete-import.yaml';
  await opened(uri, IMPORT);
  const typing = `${IMPORT}    prot`;
  s.change(uri, typing, 2);
  const keys = (await s.conn.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line: 9, character: 8 },
  })) as CompletionList;
  assert.deepEqual(
    keys.items.map((i) => i.label),
    ['name', 'protocol', 'appProtocol'],
  );
  assert.deepEqual(keys.items[1].textEdit as TextEdit, {
    range: { start: { line: 9, character: 4 }, end: { line: 9, character: 8 } },
    newText: 'protocol: ',
  });
  s.change(uri, `${IMPORT}    protocol: `, 3);
  const values = (await s.conn.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line: 9, character: 14 },
  })) as CompletionList;
  assert.deepEqual(
    values.items.map((i) => i.label),
    ['TCP', 'UDP', 'SCTP'],
  );
});

test('no completion for documents of other kinds', async () => {
  const uri = 'file:///tmp/clusterset-lsp/deploy.yaml';
  await opened(uri, 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  typ\n');
  assert.equal(
    await s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 5 } }),
    null,
  );
});
