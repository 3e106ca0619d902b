import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClusterResolver, clusterFromFolder } from '../../../../../server/src/service/model/clusterMapping';
import { globMatcher } from '../../../../../server/src/service/model/glob';
import { severityOf, type Finding, type Rule } from '../../../../../server/src/service/rules/rule';
import { DEFAULT_SETTINGS } from '../../../../../server/src/protocol';

test('globs: ** across folders, * within a name, {a,b}, and a bare folder', () => {
  const cases: Array<[string, string, boolean]> = [
    ['gke-1/**', 'gke-1/app.yaml', true],
    ['gke-1/**', 'gke-1/deep/app.yaml', true],
    ['gke-1/**', 'gke-10/app.yaml', false],
    ['gke-1', 'gke-1/app.yaml', true],
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', 'x/a.yaml', false],
    ['**/charts/**', 'x/y/charts/z/t.yaml', true],
    ['cluster-{blue,green}-app.yaml', 'cluster-green-app.yaml', true],
    ['cluster-{blue,green}-app.yaml', 'cluster-red-app.yaml', false],
    ['./east/?.yaml', 'east/a.yaml', true],
    ['a+b.yaml', 'aab.yaml', false],
  ];
  for (const [glob, path, want] of cases) assert.equal(globMatcher(glob)(path), want, `${glob} ~ ${path}`);
});

test('cluster placement: mappings first, then clusters/<name>/ and overlays/<name>/ folders, nothing else', () => {
  assert.deepEqual(clusterFromFolder('file:///r/apps/overlays/prod/x.yaml'), {
    name: 'prod',
    source: 'the folder overlays/prod/',
  });
  assert.equal(clusterFromFolder('file:///r/gke-1/x.yaml'), undefined);
  const r = new ClusterResolver([
    { baseUri: 'file:///r/', origin: '.clusterset.yaml', clusters: [{ name: 'blue', globs: ['cluster-blue-app.yaml'] }] },
  ]);
  assert.deepEqual(r.placementOf('file:///r/cluster-blue-app.yaml'), {
    name: 'blue',
    source: 'paths cluster-blue-app.yaml in .clusterset.yaml',
  });
  assert.equal(r.placementOf('file:///r/cluster-green-app.yaml'), undefined);
  assert.equal(r.placementOf('file:///elsewhere/cluster-blue-app.yaml'), undefined);
  assert.equal(r.placementOf('file:///r/clusters/east/a.yaml')?.name, 'east');
});

test('a configured level replaces the default and lowers, never raises, a finding of its own severity', () => {
  const rule: Rule = { id: 'X1', title: 't', severity: 'error', kinds: [], check: () => [] };
  const plain: Finding = { ruleId: 'X1', message: 'm', path: [] };
  const hint: Finding = { ...plain, severity: 'hint' };
  const at = (rules: Record<string, 'off' | 'warning' | 'error'> | undefined, f: Finding) =>
    severityOf(rule, f, { ...DEFAULT_SETTINGS, rules });
  assert.equal(at(undefined, plain), 'error');
  assert.equal(at({ X1: 'warning' }, plain), 'warning');
  assert.equal(at({ X1: 'off' }, plain), undefined);
  assert.equal(at({ X1: 'error' }, hint), 'hint');
  assert.equal(at({ X1: 'warning' }, { ...plain, severity: 'error' }), 'warning');
});
