import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseProjectConfig } from '../../../../../server/src/service/config/projectConfig';
import { createLanguageService } from '../../../../../server/src/service/languageService';
import { diagnosticsOf, uriOf } from '../../../../helpers/lint';

const RULES = new Set(['MCS004', 'MCS104']);
const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

test('project config: the four keys are read', () => {
  const { config, problems } = parseProjectConfig(
    'implementation: gke\nrules:\n  MCS004: warning\n  MCS104: off\nignore: [vendor/**]\nclusters:\n  - name: gke-1\n    paths: [gke-1/**]\n',
    RULES,
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(config, {
    implementation: 'gke',
    rules: { MCS004: 'warning', MCS104: 'off' },
    ignore: ['vendor/**'],
    clusters: [{ name: 'gke-1', paths: ['gke-1/**'] }],
  });
});

test('project config: unknown keys, bad levels, unknown rules and bad clusters are located problems', () => {
  const text = 'implementaton: gke\nrules: {MCS004: loud, MCS999: off}\nclusters:\n  - name: Bad_Name\n    paths: [/abs/**]\n';
  const { problems } = parseProjectConfig(text, RULES);
  const at = (p: { start: number; end: number }): string => text.slice(p.start, p.end);
  assert.deepEqual(
    problems.map((p) => [p.severity, at(p), p.message.split(':')[0]]),
    [
      ['error', 'implementaton', 'Unknown key "implementaton" in .clusterset.yaml'],
      ['error', 'loud', 'The level of MCS004 must be one of error, warning, information, hint, off.'],
      ['warning', 'MCS999', 'Unknown rule "MCS999"'],
      ['error', 'Bad_Name', 'A cluster name must be a DNS label (lowercase letters, digits and "-", at most 63).'],
      ['error', '/abs/**', '/abs/**'],
    ],
  );
});

test('project config: a YAML syntax error is reported, not thrown', () => {
  const { problems } = parseProjectConfig('rules: {MCS004: warning\n', RULES);
  assert.ok(problems.length > 0 && problems.every((p) => p.severity === 'error'));
});

function withConfig(configText: string, files: Record<string, string>, settings = {}): ReturnType<typeof createLanguageService> {
  const service = createLanguageService({ settings, projectConfigUri: uriOf('.clusterset.yaml') });
  service.setFile(uriOf('.clusterset.yaml'), configText, 1);
  for (const [p, t] of Object.entries(files)) service.setFile(uriOf(p), t, 1);
  return service;
}

test('project config: crdVersion and kubernetesVersion are read as written and validated', () => {
  const ok = parseProjectConfig('crdVersion: v0.5.0\nkubernetesVersion: 1.30\n', RULES);
  assert.deepEqual(ok.problems, []);
  // 1.30 unquoted is the float 1.3 to a YAML reader; the config keeps what the user wrote.
  assert.deepEqual([ok.config.crdVersion, ok.config.kubernetesVersion], ['v0.5.0', '1.30']);
  const text = 'crdVersion: latest\nkubernetesVersion: 33\n';
  const bad = parseProjectConfig(text, RULES);
  assert.deepEqual(
    bad.problems.map((p) => [text.slice(p.start, p.end), p.message.split(' ')[0]]),
    [
      ['latest', 'crdVersion'],
      ['33', 'kubernetesVersion'],
    ],
  );
  assert.deepEqual([bad.config.crdVersion, bad.config.kubernetesVersion], [undefined, undefined]);
});

test('versions: the project config wins over the editor setting; a caller-named source (a CLI flag) wins over it', () => {
  const IMPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
  const files = { 'i.yaml': `${IMPORT}spec:\n  type: ClusterSetIP\n  ports: [{port: 80}]\n  trafficDistribution: PreferClose\n` };
  const svc = { 's.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  trafficDistribution: PreferSameZone\n' };
  const mcs005 = (s: ReturnType<typeof withConfig>): string[] => diagnosticsOf(s, 'i.yaml', 'MCS005').map((d) => d.message);
  assert.deepEqual(mcs005(withConfig('', files)), []);
  const fromConfig = mcs005(withConfig('crdVersion: v0.3.0\n', files));
  assert.equal(fromConfig.length, 1);
  assert.match(fromConfig[0], /but crdVersion in \/workspace\/\.clusterset\.yaml is v0\.3\.0/);
  // The editor setting loses to the config...
  assert.match(mcs005(withConfig('crdVersion: v0.3.0\n', files, { crdVersion: 'v0.5.0' }))[0], /is v0\.3\.0/);
  assert.deepEqual(mcs005(withConfig('crdVersion: v0.5.0\n', files, { crdVersion: 'v0.3.0' })), []);
  // ...and applies where the config says nothing.
  assert.match(mcs005(withConfig('', files, { crdVersion: 'v0.3.0' }))[0], /clusterset\.crdVersion is v0\.3\.0/);
  // A source-named value (what --crd-version passes) beats the config.
  const flag = { crdVersion: 'v0.5.0', crdVersionSource: 'the --crd-version flag' };
  assert.deepEqual(mcs005(withConfig('crdVersion: v0.3.0\n', files, flag)), []);
  const mcs305 = (s: ReturnType<typeof withConfig>): number => diagnosticsOf(s, 's.yaml', 'MCS305').length;
  assert.equal(mcs305(withConfig('', svc)), 0);
  assert.equal(mcs305(withConfig('kubernetesVersion: "1.33"\n', svc)), 1);
  assert.equal(mcs305(withConfig('kubernetesVersion: "1.34"\n', svc, { kubernetesVersion: '1.33' })), 0);
  const kubeFlag = { kubernetesVersion: '1.35', kubernetesVersionSource: 'the --kubernetes-version flag' };
  assert.equal(mcs305(withConfig('kubernetesVersion: "1.33"\n', svc, kubeFlag)), 0);
});

test('rules: a rule set to off disappears, a level replaces the default, the setting maps onto MCS004', () => {
  const text = `${EXPORT.replace('namespace: shop', 'namespace: default')}spec:\n  bogus: 1\n`;
  const before = withConfig('', { 'a.yaml': text });
  assert.deepEqual(
    diagnosticsOf(before, 'a.yaml')
      .filter((d) => d.code === 'MCS004' || d.code === 'MCS104')
      .map((d) => [d.code, d.severity]),
    [
      ['MCS004', 1],
      ['MCS104', 4],
    ],
  );
  const off = withConfig('rules: {MCS104: off, MCS004: information}\n', { 'a.yaml': text });
  assert.deepEqual(
    diagnosticsOf(off, 'a.yaml')
      .filter((d) => d.code === 'MCS004' || d.code === 'MCS104')
      .map((d) => [d.code, d.severity]),
    [['MCS004', 3]],
  );
  // No project config entry: the clusterset.unknownFieldSeverity setting still sets MCS004's level.
  const setting = withConfig('', { 'a.yaml': text }, { unknownFieldSeverity: 'warning' });
  assert.equal(diagnosticsOf(setting, 'a.yaml', 'MCS004')[0].severity, 2);
});

test('the config file gets its own diagnostics, and editing it re-applies it', () => {
  const service = withConfig('colour: blue\n', { 'a.yaml': `${EXPORT}spec:\n  bogus: 1\n` });
  assert.deepEqual(
    diagnosticsOf(service, '.clusterset.yaml').map((d) => [d.code, d.line, d.character]),
    [['CONFIG', 0, 0]],
  );
  assert.equal(diagnosticsOf(service, 'a.yaml', 'MCS004').length, 1);
  service.setFile(uriOf('.clusterset.yaml'), 'rules: {MCS004: off}\n', 2);
  assert.deepEqual(diagnosticsOf(service, '.clusterset.yaml'), []);
  assert.deepEqual(diagnosticsOf(service, 'a.yaml', 'MCS004'), []);
  service.removeFile(uriOf('.clusterset.yaml'));
  assert.equal(diagnosticsOf(service, 'a.yaml', 'MCS004').length, 1);
});

test('ignore: ignored files are neither validated nor indexed (so they cannot satisfy or clash with others)', () => {
  const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {ports: [{name: http, port: 80}]}\n';
  const service = withConfig('ignore: [vendor/**]\n', { 'export.yaml': EXPORT, 'vendor/svc.yaml': svc, 'vendor/x.yaml': EXPORT });
  assert.equal(service.isIgnored(uriOf('vendor/svc.yaml')), true);
  assert.equal(service.isIgnored(uriOf('export.yaml')), false);
  assert.deepEqual(diagnosticsOf(service, 'vendor/x.yaml'), []);
  assert.equal(diagnosticsOf(service, 'export.yaml', 'MCS101').length, 1);
  service.setFile(uriOf('.clusterset.yaml'), '', 2);
  assert.deepEqual(diagnosticsOf(service, 'export.yaml', 'MCS101'), []);
});

test('clusters: the config maps paths to clusters for the same-object rules', () => {
  const service = withConfig('clusters:\n  - name: east\n    paths: [east-a.yaml, east-b.yaml]\n', {
    'east-a.yaml': EXPORT,
    'east-b.yaml': EXPORT,
    'west.yaml': EXPORT,
  });
  assert.match(
    diagnosticsOf(service, 'east-a.yaml', 'MCS108')[0].message,
    /in cluster east \(paths east-a\.yaml in \/workspace\/\.clusterset\.yaml\)/,
  );
  assert.deepEqual(diagnosticsOf(service, 'west.yaml', 'MCS108'), []);
});
