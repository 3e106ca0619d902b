// Over LSP: the editor shows what kubectl would refuse once files are read as kubectl reads them: the syntax
// error of the Service an export names (Red Hat YAML's own messages are not doubled for other documents), a
// misspelled kind, and the YAML 1.1 reading of `no` in a message.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { SERVER_JS, startServer, type LspSession } from '../helpers/lspClient';

let s: LspSession;
before(async () => {
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run npm run build first`);
  s = await startServer();
});
after(async () => s.close());

const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

test('the exported Service’s unclosed { is reported in the editor; a broken unrelated document is not', async () => {
  const uri = 'file:///tmp/clusterset-lsp-kubectl/app.yaml';
  const got = s.diagnostics(uri, (d) => d.some((x) => x.code === 'YAML'));
  s.open(
    uri,
    `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop\nspec: {ports: [{name: http, port: 80}]}\n---\n${EXPORT}---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d\n`,
  );
  const d = await got;
  const yaml = d.filter((x) => x.code === 'YAML');
  assert.ok(yaml.length >= 1);
  assert.ok(
    yaml.every((x) => x.range.start.line < 4),
    JSON.stringify(yaml.map((x) => x.range.start.line)),
  );
});

test('a misspelled kind gets MCS009 with its quick fix', async () => {
  const uri = 'file:///tmp/clusterset-lsp-kubectl/typo.yaml';
  const got = s.diagnostics(uri, (d) => d.some((x) => x.code === 'MCS009'));
  s.open(uri, EXPORT.replace('ServiceExport', 'serviceexport'));
  const diags = (await got).filter((x) => x.code === 'MCS009');
  assert.match(diags[0].message, /Did you mean ServiceExport\?/);
  const actions = (await s.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diags[0].range,
    context: { diagnostics: diags },
  })) as Array<{ title: string }>;
  assert.ok(
    actions.some((a) => a.title === 'Change to ServiceExport'),
    JSON.stringify(actions.map((a) => a.title)),
  );
});

test('`value: no` on a ClusterProperty: the message says kubectl reads the boolean false', async () => {
  const uri = 'file:///tmp/clusterset-lsp-kubectl/prop.yaml';
  const got = s.diagnostics(uri, (d) => d.some((x) => x.code === 'MCS603'));
  s.open(
    uri,
    'apiVersion: about.k8s.io/v1alpha1\nkind: ClusterProperty\nmetadata: {name: cluster.clusterset.k8s.io}\nspec: {value: no}\n',
  );
  const d = (await got).find((x) => x.code === 'MCS603');
  assert.match(d?.message ?? '', /`no` is the boolean false for kubectl/);
});
