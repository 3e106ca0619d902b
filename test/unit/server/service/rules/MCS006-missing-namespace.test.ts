import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith } from '../../../../helpers/lint';
import { applyFix, fixTitles } from '../../../../helpers/quickFix';

const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: web\n';
const SERVICE = (ns: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: ${ns}}\nspec: {ports: [{port: 80}]}\n`;

test('MCS006 hints on the name of a ServiceExport without a namespace', () => {
  const d = lintOne(EXPORT, 'MCS006');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [3, 8, 3, 11, 4]);
  assert.match(
    d[0].message,
    /^ServiceExport web has no metadata\.namespace: it lands in the namespace of the current kubectl context, and the export only finds the Service in the same namespace/,
  );
});

test('MCS006 quick fix uses the namespace of the only same-named Service, after the name line', () => {
  const s = serviceWith({ 'svc.yaml': SERVICE('shop'), 'e.yaml': EXPORT });
  const [d] = s.validate('file:///workspace/e.yaml').diagnostics.filter((x) => x.code === 'MCS006');
  assert.match(d.message, /The Service web is in namespace shop\./);
  const fixed = applyFix(s, 'e.yaml', 'MCS006', 'Add namespace: shop');
  assert.equal(fixed, `${EXPORT.trimEnd()}\n  namespace: shop\n`);
  assert.deepEqual(lintOne(fixed, 'MCS006'), []);
});

test('MCS006 offers one fix per candidate namespace, preferring the Service in the same cluster folder', () => {
  const s = serviceWith({ 'a.yaml': SERVICE('shop'), 'b.yaml': SERVICE('store'), 'e.yaml': EXPORT });
  assert.deepEqual(fixTitles(s, 'e.yaml', 'MCS006'), [
    'Add namespace: shop',
    'Add namespace: store',
    'Suppress MCS006 on this line',
  ]);
  const c = serviceWith({
    'clusters/east/svc.yaml': SERVICE('shop'),
    'clusters/west/svc.yaml': SERVICE('store'),
    'clusters/west/e.yaml': EXPORT,
  });
  assert.deepEqual(fixTitles(c, 'clusters/west/e.yaml', 'MCS006'), ['Add namespace: store', 'Suppress MCS006 on this line']);
});

test('MCS006 without a matching Service offers default as a placeholder', () => {
  const s = serviceWith({ 'e.yaml': EXPORT });
  assert.equal(
    applyFix(s, 'e.yaml', 'MCS006', "Add namespace: default (edit it to the Service's namespace)"),
    `${EXPORT.trimEnd()}\n  namespace: default\n`,
  );
});

test('MCS006 inserts into flow metadata, empty metadata and missing metadata', () => {
  const flow =
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web}\nspec: {type: Headless, ports: [{port: 80}]}\n';
  assert.match(
    applyFix(serviceWith({ 'i.yaml': flow }), 'i.yaml', 'MCS006', "Add namespace: default (edit it to the Service's namespace)"),
    /\nmetadata: \{name: web, namespace: default\}\n/,
  );
  const empty = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n';
  assert.equal(
    applyFix(serviceWith({ 'e.yaml': empty }), 'e.yaml', 'MCS006', "Add namespace: default (edit it to the Service's namespace)"),
    `${empty.trimEnd()}\n  namespace: default\n`,
  );
  const none = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\n';
  const [d] = lintOne(none, 'MCS006');
  assert.deepEqual([d.line, d.character], [1, 6]);
  assert.equal(
    applyFix(serviceWith({ 'e.yaml': none }), 'e.yaml', 'MCS006', "Add namespace: default (edit it to the Service's namespace)"),
    `${none.trimEnd()}\nmetadata:\n  namespace: default\n`,
  );
});

test('MCS006 fills an empty namespace key instead of adding another one', () => {
  const text = `${EXPORT}  namespace:\n`;
  const [d] = lintOne(text, 'MCS006');
  assert.deepEqual([d.line, d.character, d.endCharacter], [4, 2, 11]);
  const s = serviceWith({ 'svc.yaml': SERVICE('shop'), 'e.yaml': text });
  assert.equal(applyFix(s, 'e.yaml', 'MCS006', 'Add namespace: shop'), `${EXPORT}  namespace: shop\n`);
});

test('MCS006 is silent when the namespace is set and for other kinds', () => {
  assert.deepEqual(lintOne(`${EXPORT}  namespace: shop\n`, 'MCS006'), []);
  assert.deepEqual(
    lintOne(
      'apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata: {name: clusterset.k8s.io}\nspec: {value: x}\n',
      'MCS006',
    ),
    [],
  );
});

test('MCS006 can be suppressed by annotation', () => {
  assert.deepEqual(lintOne(`${EXPORT}  annotations: {clusterset.dev/disable: "MCS006"}\n`, 'MCS006'), []);
});
