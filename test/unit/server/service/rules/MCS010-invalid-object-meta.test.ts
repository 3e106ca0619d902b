import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith } from '../../../../helpers/lint';
import { applyFix } from '../../../../helpers/quickFix';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\n';
const meta = (lines: string) => `${HEAD}metadata:\n${lines}`;
const CP = 'apiVersion: about.k8s.io/v1alpha1\nkind: ClusterProperty\n';

test('MCS010 rejects names that are not DNS-1123 subdomains, with a lower-case fix', () => {
  const d = lintOne(meta('  name: Web\n  namespace: shop\n'), 'MCS010');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endCharacter, x.severity]),
    [[3, 8, 11, 1]],
  );
  assert.match(
    d[0].message,
    /metadata\.name "Web" is not valid: a name is a DNS-1123 subdomain .* so the API server rejects the ServiceExport/,
  );
  assert.match(applyFix(serviceWith({ 'a.yaml': meta('  name: Web\n') }), 'a.yaml', 'MCS010', 'Change to web'), /name: web/);
  assert.match(
    lintOne(`${CP}metadata: {name: ${'a'.repeat(254)}}\nspec: {value: x}\n`, 'MCS010')[0].message,
    /254 characters \(at most 253\)/,
  );
  for (const ok of ['web', 'web.v2', 'a'.repeat(253)])
    assert.deepEqual(lintOne(`${CP}metadata: {name: ${ok}}\nspec: {value: x}\n`, 'MCS010'), []);
});

test('MCS010: kubectl apply needs a name and refuses generateName', () => {
  assert.match(
    lintOne(meta('  namespace: shop\n'), 'MCS010')[0].message,
    /no metadata\.name: kubectl apply rejects an object without metadata\.name/,
  );
  assert.match(
    lintOne(meta('  generateName: web-\n'), 'MCS010')[0].message,
    /only generateName "web-", and kubectl apply refuses generateName .* must carry the exact name of its Service/,
  );
  assert.match(lintOne(`${HEAD}spec: {}\n`, 'MCS010')[0].message, /no metadata\.name/);
});

test('MCS010 checks namespaces, label keys and values, annotation keys and finalizers as apimachinery does', () => {
  const one = (lines: string) => lintOne(meta(`  name: web\n${lines}`), 'MCS010').map((d) => d.message);
  assert.match(one('  namespace: Shop\n')[0], /"Shop" is not a namespace name: namespaces are DNS-1123 labels/);
  assert.match(one('  labels: {"a/b/c": x}\n')[0], /at most one "\/"/);
  assert.match(one('  labels: {"Example.com/app": x}\n')[0], /prefix "Example\.com" must be a lowercase DNS subdomain/);
  assert.match(one(`  labels: {app: ${'v'.repeat(64)}}\n`)[0], /Label value .* 64 characters \(at most 63\)/);
  assert.match(
    one('  annotations: {"example.com/": x}\n')[0],
    /Annotation key "example\.com\/" is not valid: the name part is empty/,
  );
  assert.deepEqual(one('  annotations: {"Example.com/App": x}\n  labels: {app: "", "example.com/a_b.c": v}\n'), []);
  assert.match(one('  finalizers: ["bad finalizer"]\n')[0], /Finalizer "bad finalizer" is not a qualified name/);
  assert.deepEqual(lintOne(`${CP}metadata: {name: x, namespace: Whatever}\nspec: {value: x}\n`, 'MCS010'), []);
});

test('MCS010 counts annotations against 256 KiB, and client-side apply’s last-applied copy too', () => {
  const big = (kib: number) => meta(`  name: web\n  annotations:\n    a: ${'x'.repeat(kib * 1024)}\n`);
  assert.match(lintOne(big(300), 'MCS010')[0].message, /hold 301 KiB, more than the 256 KiB the API server allows/);
  assert.match(
    lintOne(big(200), 'MCS010')[0].message,
    /kubectl apply \(client-side\) adds the whole object again .* kubectl apply --server-side/,
  );
  assert.deepEqual(lintOne(big(100), 'MCS010'), []);
});
