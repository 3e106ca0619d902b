import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { diagnosticsOf, lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const EXPORT =
  'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: payments\n  namespace: billing\n';
const SVC = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: billing\nspec:\n  ports:\n  - port: 443\n`;

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('MCS101 flags an export with no Service, with a did-you-mean to a similar Service', () => {
  const d = lintOne(`${EXPORT}---\n${SVC('payments-api')}`, 'MCS101');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [3, 8, 3, 16, 2]);
  assert.match(
    d[0].message,
    /No Service named payments in namespace billing: the MCS controller will set Valid=False \(NoService\)/,
  );
  assert.match(d[0].message, /Did you mean payments-api\?/);
});

test('MCS101 is quiet when the Service exists, and names the profile behaviour otherwise', () => {
  assert.deepEqual(lintOne(`${EXPORT}---\n${SVC('payments')}`, 'MCS101'), []);
  assert.match(lintOne(EXPORT, 'MCS101', { implementation: 'submariner' })[0].message, /ServiceUnavailable/);
  assert.match(lintOne(EXPORT, 'MCS101', { implementation: 'aws' })[0].message, /deletes this ServiceExport/);
  // An impossible name is MCS105's finding only.
  assert.deepEqual(lintOne(EXPORT.replace('payments', 'pay.ments'), 'MCS101'), []);
});

test('MCS101 matches Services by cluster folder and updates when the other file changes', () => {
  const s = serviceWith({ 'clusters/west/export.yaml': EXPORT, 'clusters/east/svc.yaml': SVC('payments') });
  const [d] = diagnosticsOf(s, 'clusters/west/export.yaml', 'MCS101');
  assert.match(d.message, /in cluster west: .*Cluster east has one, but an export only exports the Service of its own cluster/);
  s.setFile(uriOf('clusters/west/svc.yaml'), SVC('payments'), 1);
  assert.deepEqual(diagnosticsOf(s, 'clusters/west/export.yaml', 'MCS101'), []);
  s.removeFile(uriOf('clusters/west/svc.yaml'));
  assert.equal(diagnosticsOf(s, 'clusters/west/export.yaml', 'MCS101').length, 1);
});

test('MCS101: a Service outside cluster folders (a shared base) counts for every cluster', () => {
  const s = serviceWith({ 'clusters/west/export.yaml': EXPORT, 'base/svc.yaml': SVC('payments') });
  assert.deepEqual(diagnosticsOf(s, 'clusters/west/export.yaml', 'MCS101'), []);
});

test('MCS101 quick fix appends a Service skeleton that parses and clears the finding', () => {
  for (const text of [EXPORT, EXPORT.trimEnd(), `${EXPORT}---\n${SVC('other')}`, EXPORT.replace(/\n/g, '\r\n')]) {
    const s = serviceWith({ 'a.yaml': text });
    const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS101');
    const action = s
      .codeActions(uriOf('a.yaml'), diags[0].range, diags)
      .find((a) => a.title === 'Create Service payments skeleton');
    assert.ok(action, 'fix offered');
    assert.equal(action.isPreferred, true);
    const fixed = applyEdits(text, action.edit?.changes?.[uriOf('a.yaml')] ?? []);
    if (text.includes('\r\n')) assert.doesNotMatch(fixed, /[^\r]\n/, 'CRLF file keeps CRLF');
    const docs = parseAllDocuments(fixed);
    assert.ok(Array.isArray(docs));
    for (const doc of docs) assert.deepEqual(doc.errors, []);
    const svc = docs.map((doc) => doc.toJS()).find((o) => o.kind === 'Service' && o.metadata.name === 'payments');
    assert.deepEqual(svc.spec.selector, { app: 'payments' });
    assert.equal(svc.metadata.namespace, 'billing');
    s.setFile(uriOf('a.yaml'), fixed, 2);
    assert.deepEqual(diagnosticsOf(s, 'a.yaml', 'MCS101'), []);
  }
});

test('MCS101 offers renaming the export to the similar Service', () => {
  const text = `${EXPORT}---\n${SVC('payments-api')}`;
  const s = serviceWith({ 'a.yaml': text });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS101');
  const action = s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title === 'Rename export to payments-api');
  assert.deepEqual(action?.edit?.changes?.[uriOf('a.yaml')], [
    { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 16 } }, newText: 'payments-api' },
  ]);
});

test('MCS101 can be suppressed on the line', () => {
  assert.deepEqual(
    lintOne(EXPORT.replace('  name: payments', '  # clusterset-disable-next-line MCS101\n  name: payments'), 'MCS101'),
    [],
  );
});

test('MCS101 says when the export has no namespace', () => {
  const [d] = lintOne('apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web}\n', 'MCS101');
  assert.match(d.message, /^No Service named web in the same namespace \(metadata\.namespace unset\): /);
});
