import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runLint } from '../../../cli/src/lint';

const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clusterset-config-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  return dir;
}

async function lint(args: string[], cwd: string): Promise<{ exit: number; codes: string[]; err: string }> {
  let out = '';
  let err = '';
  const exit = await runLint(
    ['--format', 'json', ...args],
    { write: (s: string) => (out += s) },
    { write: (s: string) => (err += s) },
    { cwd },
  );
  const report = JSON.parse(out) as { diagnostics: Array<{ code: string; file: string }> };
  return { exit, codes: report.diagnostics.map((d) => `${d.file}:${d.code}`), err };
}

test('lint picks up .clusterset.yaml from the current directory: rule levels, ignore, its own problems', async () => {
  const dir = workspace({ 'a/export.yaml': `${EXPORT}spec: {bogus: 1}\n`, 'generated/x.yaml': `${EXPORT}spec: {bogus: 1}\n` });
  const before = await lint([], dir);
  assert.equal(before.exit, 1);
  assert.ok(before.codes.includes('generated/x.yaml:MCS004'));
  writeFileSync(join(dir, '.clusterset.yaml'), 'rules: {MCS004: warning, MCS101: off}\nignore: [generated/**]\n');
  const after = await lint([], dir);
  assert.deepEqual(after.codes, ['a/export.yaml:MCS004']);
  assert.equal(after.exit, 0);
  writeFileSync(join(dir, '.clusterset.yaml'), 'rules: {MCS004: loud}\n');
  const bad = await lint([], dir);
  assert.ok(bad.codes.includes('.clusterset.yaml:CONFIG'));
  assert.equal(bad.exit, 1);
});

test('lint --config FILE uses that file; an unreadable one is exit 2', async () => {
  const dir = workspace({ 'export.yaml': EXPORT, 'ci/lint.yaml': 'rules: {MCS101: off}\n' });
  assert.ok((await lint([], dir)).codes.includes('export.yaml:MCS101'));
  assert.deepEqual((await lint(['--config', 'ci/lint.yaml'], dir)).codes, []);
  const missing = await lint(['--config', 'nope.yaml'], dir);
  assert.equal(missing.exit, 2);
  assert.match(missing.err, /cannot read nope\.yaml/);
});

test('lint: crdVersion / kubernetesVersion from .clusterset.yaml fire version-gated rules without flags; the flags win', async () => {
  const IMPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
  const dir = workspace({
    'import.yaml': `${IMPORT}spec:\n  type: ClusterSetIP\n  ports: [{port: 80}]\n  trafficDistribution: PreferSameZone\n`,
    'svc.yaml':
      'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\nspec:\n  trafficDistribution: PreferSameZone\n',
  });
  const gated = (r: { codes: string[] }): string[] => r.codes.filter((c) => /MCS005|MCS305/.test(c)).sort();
  assert.deepEqual(gated(await lint([], dir)), []);
  writeFileSync(join(dir, '.clusterset.yaml'), 'crdVersion: v0.3.0\nkubernetesVersion: "1.33"\n');
  const fromConfig = await lint([], dir);
  assert.deepEqual(gated(fromConfig), ['import.yaml:MCS005', 'svc.yaml:MCS305']);
  // MCS005 with a named release is an error: CI fails without any flag.
  assert.equal(fromConfig.exit, 1);
  const flags = await lint(['--crd-version', 'v0.5.0', '--kubernetes-version', '1.34'], dir);
  assert.deepEqual(gated(flags), []);
  const bad = await lint(['--kubernetes-version', 'latest'], dir).catch((e: unknown) => e);
  assert.ok(bad instanceof Error, 'a usage error prints no JSON');
});
