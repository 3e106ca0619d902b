// `clusterset lint` reads files as kubectl does: every document's syntax errors count (CI has no other YAML
// checker), UTF-16 files with a BOM and CR-only files are decoded and linted, not passed over.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runLint } from '../../../cli/src/lint';
import { sink, workspace, type Workspace } from './fixtures';

interface JsonDiagnostic {
  file: string;
  range: { start: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

async function lintJson(ws: Workspace, ...paths: string[]): Promise<{ code: number; diagnostics: JsonDiagnostic[] }> {
  const stdout = sink();
  const code = await runLint([...paths, '--format', 'json'], stdout, sink(), { cwd: ws.root });
  return { code, diagnostics: (JSON.parse(stdout.text) as { diagnostics: JsonDiagnostic[] }).diagnostics };
}

const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: apps}\n';
const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: apps}\nspec:\n  ports: [{name: http, port: 80}]\n';

test('a Service with an unclosed { next to its export: exit 1 with the YAML error (kubectl cannot parse the file)', async () => {
  const ws = workspace({
    'app.yaml': `${SERVICE.replace('{name: web, namespace: apps}', '{name: web, namespace: apps')}---\n${EXPORT}`,
  });
  try {
    const r = await lintJson(ws, 'app.yaml');
    assert.equal(r.code, 1);
    const yaml = r.diagnostics.filter((d) => d.code === 'YAML');
    assert.ok(yaml.length >= 1);
    assert.equal(yaml[0].severity, 'error');
    assert.ok(yaml[0].range.start.line <= 4);
  } finally {
    ws.dispose();
  }
});

test('a syntax error in a document no rule reads still fails the CLI', async () => {
  const ws = workspace({ 'ds.yaml': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x\n' });
  try {
    const r = await lintJson(ws, 'ds.yaml');
    assert.equal(r.code, 1);
    assert.ok(r.diagnostics.some((d) => d.code === 'YAML'));
  } finally {
    ws.dispose();
  }
});

test('a UTF-16 LE file with a BOM (PowerShell 5) is decoded and linted like its UTF-8 twin', async () => {
  const bad = `${EXPORT.replace('ServiceExport', 'ServiceImport')}spec: {type: Bogus, ports: [{name: http, port: 80, protocol: TCP}]}\n`;
  const ws = workspace({});
  try {
    writeFileSync(join(ws.root, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bad, 'utf16le')]));
    writeFileSync(join(ws.root, 'utf8.yaml'), bad);
    const a = await lintJson(ws, 'utf16.yaml');
    const b = await lintJson(ws, 'utf8.yaml');
    assert.equal(a.code, 1);
    assert.ok(a.diagnostics.some((d) => d.code === 'MCS403'));
    assert.deepEqual(
      a.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
      b.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
    );
  } finally {
    ws.dispose();
  }
});

test('a CR-only file is linted (not one long line) and warned about: kubectl applies only its first document', async () => {
  const ws = workspace({ 'mac.yaml': `${SERVICE}---\n${EXPORT}`.replace(/\n/g, '\r') });
  try {
    const r = await lintJson(ws, 'mac.yaml');
    assert.ok(r.diagnostics.some((d) => d.code === 'YAML' && /CR only/.test(d.message)));
    assert.ok(!r.diagnostics.some((d) => d.code === 'MCS101'), 'the export finds its Service: both documents were read');
  } finally {
    ws.dispose();
  }
});

test('a misspelled kind no longer vanishes: MCS009, exit 1', async () => {
  const ws = workspace({ 'e.yaml': EXPORT.replace('ServiceExport', 'Serviceexport') });
  try {
    const r = await lintJson(ws, 'e.yaml');
    assert.equal(r.code, 1);
    assert.ok(r.diagnostics.some((d) => d.code === 'MCS009' && /Did you mean ServiceExport\?/.test(d.message)));
  } finally {
    ws.dispose();
  }
});
