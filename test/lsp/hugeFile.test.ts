import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer, type LspSession } from '../helpers/lspClient';

// Files far larger than any real manifest set. Block-style manifests take the fast path parser and are
// checked whole; documents it leaves to `yaml` are parsed in budgeted steps: the server answers requests
// between the steps, first says what it has not parsed yet, and ends with the complete findings.
let s: LspSession;
before(async () => {
  // The validation budget is not under test here (test/unit covers it): a loaded CI machine must not stop
  // the final validation of 32,000 documents half way.
  s = await startServer(null, { settings: { validationTimeBudgetMs: 120_000 } });
});
after(async () => s.close());

const COUNT = 32000;

/** `continued` makes the description a multi-line plain scalar, which the fast path leaves to `yaml`. */
function hugeText(continued: boolean): string {
  const description = continued ? `${'x'.repeat(60)}\n      ${'y'.repeat(60)}` : `"${'x'.repeat(120)}"`;
  const doc = (i: number): string =>
    `apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: web${i}\n  namespace: shop\n  labels: {team: payments, tier: frontend, owner: platform, cost-center: "1234"}\n  annotations:\n    description: ${description}\n`;
  const text = Array.from({ length: COUNT }, (_, i) => doc(i)).join('---\n');
  assert.ok(text.length > 10 * 1024 * 1024, `fixture is ${text.length} bytes`);
  return text;
}

function complete(uri: string): Promise<unknown> {
  return s.diagnostics(
    uri,
    (d) => !d.some((x) => x.code === 'BUDGET') && d.filter((x) => x.code === 'MCS001').length === COUNT,
    300000,
  );
}

test('a 10 MB file of documents the fast path declines is parsed in steps without blocking the server', async () => {
  const uri = 'file:///tmp/clusterset-lsp/huge-stepped.yaml';
  const partial = s.diagnostics(uri, (d) => d.some((x) => x.code === 'BUDGET'), 120000);
  const done = complete(uri);
  s.open(uri, hugeText(true));
  const first = await partial;
  assert.match(first.find((x) => x.code === 'BUDGET')?.message ?? '', /has not parsed \d+ of 32000 documents/);

  // The server still answers while the rest is parsed.
  const hover = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
  assert.ok(hover !== undefined);
  await done;
});

test('a 10 MB file of block-style manifests gets its complete findings, and the server keeps answering', async () => {
  const uri = 'file:///tmp/clusterset-lsp/huge-block.yaml';
  const done = complete(uri);
  s.open(uri, hugeText(false));
  const hover = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
  assert.ok(hover !== undefined);
  await done;
});
