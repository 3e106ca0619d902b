import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const withType = (t: string) => `${HEAD}spec:\n  type: ${t}\n  ports: [{port: 80}]\n`;

test('MCS403 flags the Service type ClusterIP and explains the import type', () => {
  const d = lintOne(withType('ClusterIP'), 'MCS403');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]),
    [[4, 8, 4, 17, 1]],
  );
  assert.match(d[0].message, /spec\.type is "ClusterIP", not ClusterSetIP or Headless .* API server rejects/);
  assert.match(d[0].message, /ClusterIP is a Service type; the matching import type is ClusterSetIP/);
});

test('MCS403 quick fixes: ClusterIP to ClusterSetIP, headless to Headless', () => {
  for (const [written, wanted] of [
    ['ClusterIP', 'ClusterSetIP'],
    ['headless', 'Headless'],
    ['clustersetip', 'ClusterSetIP'],
    ['LoadBalancer', 'ClusterSetIP'],
  ]) {
    const s = serviceWith({ 'a.yaml': withType(written) });
    const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS403');
    assert.equal(diags.length, 1, written);
    const fix = s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title === `Change spec.type to ${wanted}`);
    assert.ok(fix, `fix for ${written}`);
    assert.deepEqual(fix.edit?.changes?.[uriOf('a.yaml')], [
      { range: { start: { line: 4, character: 8 }, end: { line: 4, character: 8 + written.length } }, newText: wanted },
    ]);
  }
});

test('MCS403 flags unknown and non-string types without a fix', () => {
  const d = lintOne(withType('Sticky'), 'MCS403');
  assert.equal(d.length, 1);
  assert.doesNotMatch(d[0].message, /Did you mean/);
  // A boolean is refused for its type: MCS011's finding, not a second one here.
  assert.deepEqual(lintOne(withType('true'), 'MCS403'), []);
  assert.match(lintOne(withType('true'), 'MCS011')[0].message, /spec\.type is a boolean \(true\), but the CRD declares a string/);
});

test('MCS403 accepts ClusterSetIP and Headless, and leaves a missing type to MCS402', () => {
  assert.deepEqual(lintOne(withType('ClusterSetIP'), 'MCS403'), []);
  assert.deepEqual(lintOne(withType('Headless'), 'MCS403'), []);
  assert.deepEqual(lintOne(`${HEAD}spec: {ports: [{port: 80}]}\n`, 'MCS403'), []);
});
