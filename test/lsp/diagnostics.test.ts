import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { SERVER_JS, startServer, type LspSession } from '../helpers/lspClient';

let s: LspSession;
// The exported Service, so the export has no other finding than the one under test.
const SERVICE =
  '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports: [{name: http, port: 80}]\n';
before(async () => {
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run npm run build first`);
  s = await startServer();
});
after(async () => s.close());

test('the server publishes MCS001 for a wrong-group ServiceExport and clears it after the fix', async () => {
  const uri = 'file:///tmp/clusterset-lsp/bad-export.yaml';
  const first = s.diagnostics(uri, (d) => d.length > 0);
  s.open(
    uri,
    `apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: web\n  namespace: shop\n${SERVICE}`,
  );
  const d = await first;
  assert.equal(d.length, 1);
  assert.equal(d[0].code, 'MCS001');
  assert.equal(d[0].source, 'clusterset');
  assert.equal(d[0].severity, 1);
  assert.deepEqual(d[0].range, { start: { line: 0, character: 12 }, end: { line: 0, character: 40 } });
  assert.match(d[0].codeDescription?.href ?? '', /docs\/rules\/MCS001\.md$/);

  const cleared = s.diagnostics(uri, (x) => x.length === 0);
  s.change(
    uri,
    `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: web\n  namespace: shop\n${SERVICE}`,
    2,
  );
  assert.deepEqual(await cleared, []);
});

test('code actions over LSP offer the apiVersion fix', async () => {
  const uri = 'file:///tmp/clusterset-lsp/fix.yaml';
  const got = s.diagnostics(uri, (d) => d.length > 0);
  s.open(uri, 'apiVersion: multicluster.k8s.io/v1beta1\nkind: ServiceImport\n');
  const diags = await got;
  const actions = (await s.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diags[0].range,
    context: { diagnostics: diags },
  })) as Array<{ title: string }>;
  assert.ok(
    actions.some((a) => a.title === 'Change apiVersion to multicluster.x-k8s.io/v1beta1'),
    JSON.stringify(actions.map((a) => a.title)),
  );
});

test('a YAML file without MCS content gets no diagnostics, even with syntax errors', async () => {
  const uri = 'file:///tmp/clusterset-lsp/other.yaml';
  const got = s.diagnostics(uri);
  s.open(uri, 'kind: Deployment\nspec: [\n');
  assert.deepEqual(await got, []);
});
