import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const withName = (n: string) => `${HEAD}spec: {type: ClusterSetIP, ports: [{name: ${n}, port: 80}]}\n`;

function fixOf(text: string) {
  const s = serviceWith({ 'a.yaml': text });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS413');
  assert.equal(diags.length, 1);
  return s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title.startsWith('Rename the port'));
}

test('MCS413 flags an upper-case name with underscores and proposes a DNS label', () => {
  const d = lintOne(withName('HTTP_Main'), 'MCS413');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]),
    [[3, 42, 3, 51, 1]],
  );
  assert.match(d[0].message, /spec\.ports\[0\]\.name "HTTP_Main" is not a DNS label .* SRV record\. Use "http-main"\./);
  const fix = fixOf(withName('HTTP_Main'));
  assert.equal(fix?.title, 'Rename the port to http-main');
  assert.deepEqual(fix?.edit?.changes?.[uriOf('a.yaml')], [
    { range: { start: { line: 3, character: 42 }, end: { line: 3, character: 51 } }, newText: 'http-main' },
  ]);
});

test('MCS413 flags names that are too long or not strings; the fix quotes a numeric name', () => {
  assert.match(lintOne(withName('a'.repeat(64)), 'MCS413')[0].message, /is 64 characters long \(at most 63\)/);
  const numeric = lintOne(withName('8080'), 'MCS413');
  assert.match(numeric[0].message, /is number 8080, not a string: the API server rejects/);
  assert.equal(fixOf(withName('8080'))?.edit?.changes?.[uriOf('a.yaml')][0].newText, '"8080"');
  assert.equal(fixOf(withName('"-grpc-"'))?.edit?.changes?.[uriOf('a.yaml')][0].newText, 'grpc');
});

test('MCS413 accepts DNS labels and an absent or empty name', () => {
  assert.deepEqual(lintOne(withName('http-2'), 'MCS413'), []);
  assert.deepEqual(lintOne(withName('"8080"'), 'MCS413'), []);
  assert.deepEqual(lintOne(withName('""'), 'MCS413'), []);
  assert.deepEqual(lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}]}\n`, 'MCS413'), []);
});
