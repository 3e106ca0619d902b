import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const withPort = (p: string) => `${HEAD}spec:\n  type: ClusterSetIP\n  ports:\n  - port: ${p}\n`;

test('MCS411 flags port 0 on the value', () => {
  const d = lintOne(withPort('0'), 'MCS411');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]),
    [[6, 10, 6, 11, 1]],
  );
  assert.match(d[0].message, /spec\.ports\[0\]\.port is 0, outside 1–65535: the API server accepts it/);
});

test('MCS411 says when the number does not even fit int32', () => {
  assert.match(lintOne(withPort('70000'), 'MCS411')[0].message, /is 70000, outside 1–65535: the API server accepts it/);
  assert.match(lintOne(withPort('3000000000'), 'MCS411')[0].message, /does not fit the int32 field, so the API server rejects/);
});

test('MCS411 reports a quoted port as a type error and offers to unquote it', () => {
  const s = serviceWith({ 'a.yaml': withPort('"80"') });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS411');
  assert.equal(diags.length, 1);
  assert.match(
    diags[0].message,
    /is the string "80", not a number: the CRD declares an int32, so the API server rejects the ServiceImport/,
  );
  const fix = s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title === 'Unquote the port (80)');
  assert.deepEqual(fix?.edit?.changes?.[uriOf('a.yaml')], [
    { range: { start: { line: 6, character: 10 }, end: { line: 6, character: 14 } }, newText: '80' },
  ]);
  assert.match(lintOne(withPort('http'), 'MCS411')[0].message, /names belong in ports\[\]\.name/);
  assert.match(lintOne(withPort('80.5'), 'MCS411')[0].message, /is number 80\.5, not an integer/);
});

test('MCS411 accepts 1 and 65535 and leaves a missing port to MCS402', () => {
  assert.deepEqual(lintOne(withPort('1'), 'MCS411'), []);
  assert.deepEqual(lintOne(withPort('65535'), 'MCS411'), []);
  assert.deepEqual(lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{name: http}]}\n`, 'MCS411'), []);
});
