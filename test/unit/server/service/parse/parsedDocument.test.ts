// Which documents the parser keeps and what it makes of them: List items, flow/JSON documents with quoted keys,
// misspelled or missing MCS kinds, routes to a ServiceImport, syntax-only parses, CR-only files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocumentText, sniffKind } from '../../../../../server/src/service/parse/parsedDocument';
import { parseFile } from '../../../../../server/src/service/parse/parsedFile';
import { stringAt } from '../../../../../server/src/service/parse/path';

const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: a}\n';

test('a JSON document with quoted keys is recognised by its kind, wherever "kind" sits', () => {
  const json = '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"}}';
  assert.equal(sniffKind(json), 'Service');
  const d = parseDocumentText(json);
  assert.equal(d.skipped, false);
  assert.equal(d.kind, 'Service');
  assert.equal(stringAt(d.root, ['metadata', 'name']), 'web');
  const pretty = '{\n  "apiVersion": "v1",\n  "items": [],\n  "metadata": {"name": "x"},\n  "kind": "ServiceExportList"\n}\n';
  assert.equal(parseDocumentText(pretty).skipped, false);
});

test('kind: List items of interest become documents of their own; others stay out', () => {
  const list =
    'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n- apiVersion: multicluster.x-k8s.io/v1alpha1\n  kind: ServiceExport\n  metadata: {name: web, namespace: a}\nkind: List\nmetadata: {resourceVersion: ""}\n';
  const d = parseDocumentText(list);
  assert.equal(d.kind, 'List');
  assert.equal(d.items?.length, 1);
  const item = d.items![0];
  assert.equal(item.kind, 'ServiceExport');
  assert.equal(item.itemIndex, 1);
  assert.equal(item.text, list, 'offsets stay relative to the list text');
  assert.equal(list.slice(item.root!.start, item.root!.start + 10), 'apiVersion');
  const f = parseFile('u', `${EXPORT}---\n${list}`, 1);
  assert.deepEqual(
    f.documents.map((p) => [p.index, p.doc.kind]),
    [
      [0, 'ServiceExport'],
      [1, 'List'],
      [2, 'ServiceExport'],
    ],
  );
  assert.equal(f.documents[2].offset, f.documents[1].offset);
});

test('ServiceExportList (what kubectl get serviceexports -o yaml writes) is a list too', () => {
  const d = parseDocumentText(
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExportList\nitems:\n- {apiVersion: multicluster.x-k8s.io/v1alpha1, kind: ServiceExport, metadata: {name: a}}\n',
  );
  assert.equal(d.items?.length, 1);
});

test('a misspelled MCS kind is kept with what it most likely meant', () => {
  const cases: Array<[string, string, string]> = [
    ['serviceexport', 'multicluster.x-k8s.io/v1alpha1', 'ServiceExport'],
    ['ServiceImports', 'multicluster.x-k8s.io/v1alpha1', 'ServiceImport'],
    ['ServiceExprot', 'multicluster.x-k8s.io/v1alpha1', 'ServiceExport'],
    ['clusterproperty', 'about.k8s.io/v1alpha1', 'ClusterProperty'],
    ['ServiceExports', 'v1', 'ServiceExport'],
  ];
  for (const [kind, apiVersion, want] of cases) {
    const d = parseDocumentText(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: web}\n`);
    assert.equal(d.skipped, false, kind);
    assert.deepEqual(d.kindSuggestion, { kinds: [want], missing: false }, kind);
  }
});

test('another vendor’s look-alike kind, or a near miss outside MCS groups, is left alone', () => {
  for (const text of [
    'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n',
    'apiVersion: example.com/v1\nkind: ServiceExprot\n',
    'apiVersion: v1\nkind: Secret\n',
  ]) {
    const d = parseDocumentText(text);
    assert.equal(d.kindSuggestion, undefined, text);
  }
});

test('no kind beside an MCS apiVersion is kept, with the group’s kinds to choose from', () => {
  const d = parseDocumentText('apiVersion: multicluster.x-k8s.io/v1alpha1\nmetadata: {name: web}\n');
  assert.deepEqual(d.kindSuggestion, { kinds: ['ServiceExport', 'ServiceImport'], missing: true });
  assert.equal(parseDocumentText('apiVersion: v1\nmetadata: {name: web}\n').skipped, true);
});

test('a Gateway route with a ServiceImport backend is parsed (its syntax matters); one without is not', () => {
  const route =
    'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nspec:\n  rules:\n  - backendRefs:\n    - {group: multicluster.x-k8s.io, kind: ServiceImport, name: web, port: 80}\n';
  const d = parseDocumentText(route);
  assert.equal(d.mcsRelated, true);
  assert.equal(d.skipped, false);
  assert.equal(parseDocumentText(route.replace('ServiceImport', 'Service')).skipped, true);
});

test('syntaxOfAll parses documents of no interest for their syntax problems only', () => {
  const broken = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x\n';
  assert.deepEqual(parseDocumentText(broken).syntaxProblems, []);
  const d = parseDocumentText(broken, { syntaxOfAll: true });
  assert.equal(d.skipped, true);
  assert.equal(d.root, null);
  assert.ok(d.syntaxProblems.length > 0);
});

test('a CR-only file is read with CR as line ends (as go-yaml does), and warned about when kubectl would read one document', () => {
  const text = `${EXPORT}---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: a}\n`.replace(/\n/g, '\r');
  const f = parseFile('u', text, 1);
  assert.deepEqual(
    f.documents.map((d) => d.doc.kind),
    ['ServiceExport', 'Service'],
  );
  assert.equal(stringAt(f.documents[1].doc.root, ['metadata', 'name']), 'web');
  assert.equal(f.fileProblems.length, 1);
  assert.match(f.fileProblems[0].message, /applies only the first of its 2 objects/);
  assert.deepEqual(parseFile('u', EXPORT.replace(/\n/g, '\r'), 1).fileProblems, []);
  assert.deepEqual(parseFile('u', EXPORT.replace(/\n/g, '\r\n'), 1).fileProblems, []);
});

test('a 1 MB key is not echoed whole in any syntax message', () => {
  const d = parseDocumentText(`${EXPORT}spec:\n  ${'k'.repeat(1_000_000)}: 1\n`);
  assert.ok(d.syntaxProblems.length > 0);
  for (const p of d.syntaxProblems) assert.ok(p.message.length < 500, p.message.slice(0, 100));
});
