import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith } from '../../../../helpers/lint';
import { applyFix } from '../../../../helpers/quickFix';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const STATUS =
  'status:\n  conditions: [{type: Valid, status: "True", reason: Valid, message: "", lastTransitionTime: "2026-01-01T00:00:00Z"}]\n';

test('MCS008 hints on the status key of a ServiceExport (catalogue example)', () => {
  const d = lintOne(HEAD + STATUS, 'MCS008');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [3, 0, 3, 6, 4]);
  assert.match(d[0].message, /^status in a ServiceExport manifest is ignored: the CRD uses the status subresource/);
  assert.match(d[0].message, /Valid\/Ready\/Conflict conditions/);
});

test('MCS008 quick fix removes the whole status block, also in the middle of the document', () => {
  const s = serviceWith({ 'e.yaml': HEAD + STATUS });
  assert.equal(applyFix(s, 'e.yaml', 'MCS008', 'Remove the status block'), HEAD);
  const middle = `${HEAD}status:\n  conditions:\n  - type: Valid\n    status: "True"\nspec:\n  exportedLabels: {a: b}\n`;
  assert.equal(
    applyFix(serviceWith({ 'e.yaml': middle }), 'e.yaml', 'MCS008', 'Remove the status block'),
    `${HEAD}spec:\n  exportedLabels: {a: b}\n`,
  );
});

test('MCS008 covers ServiceImport and is silent without status', () => {
  const [d] = lintOne(
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\nspec: {type: Headless, ports: [{port: 80}]}\nstatus: {clusters: [{cluster: east}]}\n',
    'MCS008',
  );
  assert.match(d.message, /status in a ServiceImport manifest is ignored/);
  assert.deepEqual(lintOne(HEAD, 'MCS008'), []);
});

test('MCS008 can be suppressed on the line', () => {
  assert.deepEqual(lintOne(`${HEAD}# clusterset-disable-next-line MCS008\n${STATUS}`, 'MCS008'), []);
});
