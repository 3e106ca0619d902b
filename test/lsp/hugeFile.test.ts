import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer, type LspSession } from '../helpers/lspClient';

// A file far larger than any real manifest set: the server parses it in budgeted steps, answers requests
// between the steps, first says what it has not parsed yet, and ends with the complete findings.
let s: LspSession;
before(async () => {
  s = await startServer();
});
after(async () => s.close());

test('a 10 MB multi-document file is validated in steps without blocking the server', async () => {
  const doc = (i: number): string =>
    `apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: web${i}\n  namespace: shop\n  labels: {team: payments, tier: frontend, owner: platform, cost-center: "1234"}\n  annotations: {description: "${'x'.repeat(120)}"}\n`;
  const count = 32000;
  const text = Array.from({ length: count }, (_, i) => doc(i)).join('---\n');
  assert.ok(text.length > 10 * 1024 * 1024, `fixture is ${text.length} bytes`);
  const uri = 'file:///tmp/clusterset-lsp/huge.yaml';

  const partial = s.diagnostics(uri, (d) => d.some((x) => x.code === 'BUDGET'), 120000);
  const complete = s.diagnostics(
    uri,
    (d) => !d.some((x) => x.code === 'BUDGET') && d.filter((x) => x.code === 'MCS001').length === count,
    300000,
  );
  s.open(uri, text);
  const first = await partial;
  assert.match(first.find((x) => x.code === 'BUDGET')?.message ?? '', /has not parsed \d+ of 32000 documents/);

  // The server still answers while the rest is parsed.
  const hover = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
  assert.ok(hover !== undefined);

  const last = await complete;
  assert.equal(last.filter((x) => x.code === 'MCS001').length, count);
});
