// What users see once the parser reads files as kubectl does: YAML 1.1 values in messages and hovers, aliases in
// rules, List items linted in place, misnamed kinds reported with a fix, and syntax errors by scope.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../../../server/src/service/languageService';
import { diagnosticsOf, lintOne, serviceWith, uriOf } from '../../../../helpers/lint';
import { clusterSet, lintFull } from '../cidr/fixtures';

const IMPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: a}\n';
const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: a}\n';

test('`value: no` on a ClusterProperty is the boolean false for kubectl: the error says so and quotes what was written', () => {
  const ds = lintOne(
    'apiVersion: about.k8s.io/v1alpha1\nkind: ClusterProperty\nmetadata: {name: cluster.clusterset.k8s.io}\nspec: {value: no}\n',
    'MCS603',
  );
  assert.equal(ds.length, 1);
  assert.match(ds[0].message, /`no` is the boolean false for kubectl \(YAML 1\.1\)/);
  assert.match(ds[0].message, /Quote it: "no"/);
});

test('`port: 1_000` is the port 1000 for kubectl, not an error; `port: 0120` is 80', () => {
  const text = `${IMPORT}spec:\n  type: ClusterSetIP\n  ports:\n  - {name: a, port: 1_000, protocol: TCP}\n  - {name: b, port: 0120, protocol: TCP}\n  - {name: c, port: 80, protocol: TCP}\n`;
  assert.deepEqual(lintOne(text, 'MCS411'), []);
  // 0120 and 80 are the same port for kubectl: the duplicate-port rule sees it.
  const dup = lintOne(text, 'MCS412');
  assert.ok(
    dup.some((d) => /80/.test(d.message)),
    JSON.stringify(dup),
  );
});

test('hover on a plain scalar kubectl reads differently says what it sends (80 for 0120, false for no)', () => {
  const text = `${IMPORT}spec:\n  type: ClusterSetIP\n  ports:\n  - {name: http, port: 0120, protocol: TCP}\n  - {name: b, port: 80, protocol: TCP}\n`;
  const s = serviceWith({ 'i.yaml': text });
  const lines = text.split('\n');
  const hoverOf = (line: number, word: string) =>
    JSON.stringify(s.hover(uriOf('i.yaml'), { line, character: lines[line].indexOf(word) + 1 })?.contents ?? null);
  const h = hoverOf(6, '0120');
  assert.match(h, /`0120` is the number 80 for kubectl \(YAML 1\.1\)/);
  assert.match(h, /it sends `80`/);
  assert.match(h, /port/i, 'the field documentation is still there');
  assert.doesNotMatch(hoverOf(7, '80'), /kubectl \(YAML 1\.1\)/);
});

test('an alias is its value: a valid spec.type through an anchor draws no finding, an invalid one the enum error', () => {
  const ok = `${IMPORT}x-defaults: &t ClusterSetIP\nspec:\n  type: *t\n  ports: [{name: http, port: 80, protocol: TCP}]\n`;
  assert.deepEqual(lintOne(ok, 'MCS403'), []);
  const bad = ok.replace('&t ClusterSetIP', '&t Bogus');
  const ds = lintOne(bad, 'MCS403');
  assert.equal(ds.length, 1);
  assert.match(ds[0].message, /spec\.type is "Bogus"/);
  assert.doesNotMatch(ds[0].message, /alias/);
});

test('an overlap through an alias in the ClusterSet file is found', () => {
  const spec = `  implementation: cilium\n  clusters:\n  - name: east\n    podCIDRs: &pods [10.10.0.0/16]\n    serviceCIDRs: [10.96.0.0/16]\n  - name: west\n    podCIDRs: *pods\n    serviceCIDRs: [10.98.0.0/16]\n`;
  const ds = lintFull(clusterSet(spec), 'MCS703');
  assert.ok(ds.length >= 1, 'the aliased pod range overlaps its anchor');
  assert.match(ds[0].message, /10\.10\.0\.0\/16 of (east|west)/);
});

test('items of a kind: List are linted, the diagnostic pointing into the item', () => {
  const list = `apiVersion: v1\nitems:\n- apiVersion: multicluster.x-k8s.io/v1alpha1\n  kind: ServiceImport\n  metadata: {name: web, namespace: a}\n  spec:\n    type: Bogus\n    ports: [{name: http, port: 80, protocol: TCP}]\nkind: List\nmetadata: {}\n`;
  const ds = lintOne(list, 'MCS403');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].line, 6);
  assert.equal(list.split('\n')[6].slice(ds[0].character, ds[0].endCharacter), 'Bogus');
});

test('a ServiceExport finds its Service in a JSON document with quoted keys', () => {
  const s = serviceWith({
    'svc.json':
      '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "a"}, "spec": {"ports": [{"name": "http", "port": 80}]}}\n',
    'export.yaml': EXPORT,
  });
  assert.deepEqual(diagnosticsOf(s, 'export.yaml', 'MCS101'), []);
});

test('a ServiceExport finds its Service inside a kind: List', () => {
  const s = serviceWith({
    'dump.yaml':
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: web, namespace: a}\n  spec: {ports: [{name: http, port: 80}]}\n',
    'export.yaml': EXPORT,
  });
  assert.deepEqual(diagnosticsOf(s, 'export.yaml', 'MCS101'), []);
});

test('MCS009: a misspelled kind is an error on the kind with a quick fix to the right one', () => {
  const text = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: serviceexport\nmetadata: {name: web, namespace: a}\n';
  const s = serviceWith({ 'e.yaml': text });
  const ds = s.validate(uriOf('e.yaml')).diagnostics.filter((d) => d.code === 'MCS009');
  assert.equal(ds.length, 1);
  assert.match(ds[0].message, /Did you mean ServiceExport\?/);
  assert.match(ds[0].message, /case-sensitive/);
  const actions = s.codeActions(uriOf('e.yaml'), ds[0].range, ds);
  const fix = actions.find((a) => a.title === 'Change to ServiceExport');
  const edit = fix?.edit?.changes?.[uriOf('e.yaml')]?.[0];
  assert.equal(edit?.newText, 'ServiceExport');
  assert.deepEqual(edit?.range.start, { line: 1, character: 6 });
});

test('MCS009: no kind beside an MCS apiVersion offers each kind of the group, inserted at the right indentation', () => {
  const text = '---\napiVersion: multicluster.x-k8s.io/v1alpha1\nmetadata: {name: web, namespace: a}\n';
  const s = serviceWith({ 'e.yaml': text });
  const ds = s.validate(uriOf('e.yaml')).diagnostics.filter((d) => d.code === 'MCS009');
  assert.equal(ds.length, 1);
  assert.match(ds[0].message, /no kind/);
  const titles = s.codeActions(uriOf('e.yaml'), ds[0].range, ds).map((a) => a.title);
  assert.ok(titles.includes('Add kind: ServiceExport') && titles.includes('Add kind: ServiceImport'), titles.join());
  const add = s.codeActions(uriOf('e.yaml'), ds[0].range, ds).find((a) => a.title === 'Add kind: ServiceImport');
  const edit = add?.edit?.changes?.[uriOf('e.yaml')]?.[0];
  assert.deepEqual(edit?.range.start, { line: 1, character: 0 });
  assert.equal(edit?.newText, 'kind: ServiceImport\n');
});

const BROKEN_SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: a\nspec: {ports: [{port: 80}]}\n';
const BROKEN_DEPLOYMENT = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: web\n';

test('syntax errors: the editor scope reports the exported Service’s, not an unrelated document’s', () => {
  const s = serviceWith({ 'a.yaml': `${BROKEN_SERVICE}---\n${EXPORT}---\n${BROKEN_DEPLOYMENT}` });
  const yaml = diagnosticsOf(s, 'a.yaml', 'YAML');
  assert.ok(yaml.length >= 1);
  assert.ok(
    yaml.every((d) => d.line < 4),
    'only the Service’s',
  );
  const alone = serviceWith({ 'a.yaml': BROKEN_SERVICE });
  assert.deepEqual(diagnosticsOf(alone, 'a.yaml', 'YAML'), [], 'a Service no export names is Red Hat YAML’s business');
});

test('syntax errors: a route to a ServiceImport gets its syntax error in the editor too', () => {
  const route =
    'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r\nspec:\n  rules:\n  - backendRefs: [{group: multicluster.x-k8s.io, kind: ServiceImport, name: web}]\n';
  assert.ok(lintOne(route, 'YAML').length >= 1);
});

test('syntax errors: the CLI scope (all) reports every document’s', () => {
  const s = createLanguageService({ syntaxErrors: 'all' });
  s.setFile(uriOf('a.yaml'), `${EXPORT}---\n${BROKEN_DEPLOYMENT}`);
  const yaml = s.validate(uriOf('a.yaml')).diagnostics.filter((d) => d.code === 'YAML');
  assert.ok(yaml.length >= 1);
  assert.ok(yaml.every((d) => d.range.start.line >= 4));
});

test('no message echoes a 1 MB key whole', () => {
  const ds = lintOne(`${EXPORT}spec:\n  ${'k'.repeat(1_000_000)}: 1\n`);
  assert.ok(ds.length > 0);
  for (const d of ds) assert.ok(d.message.length < 2100, `${d.code}: ${d.message.length} characters`);
});

test('exportedLabels {enabled: yes}: the error and its quick fix quote what was written ("yes"), not kubectl’s true', () => {
  const text = `${EXPORT}spec:\n  exportedLabels: {enabled: yes, size: 0120}\n`;
  const s = serviceWith({ 'e.yaml': text });
  const ds = s.validate(uriOf('e.yaml')).diagnostics.filter((d) => d.code === 'MCS106');
  assert.equal(ds.length, 2);
  assert.match(ds[0].message, /`yes` is the boolean true for kubectl/);
  assert.match(ds[0].message, /Quote it: "yes"/);
  assert.match(ds[1].message, /`0120` is the number 80 for kubectl/);
  const fix = s.codeActions(uriOf('e.yaml'), ds[0].range, ds).find((a) => a.title === 'Quote the value "yes"');
  assert.equal(fix?.edit?.changes?.[uriOf('e.yaml')]?.[0].newText, '"yes"');
});
