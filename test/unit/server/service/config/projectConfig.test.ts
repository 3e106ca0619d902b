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
