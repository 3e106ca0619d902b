import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const HEAD =
  'apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\nspec: {type: ClusterSetIP, ports: [{port: 80}]}\n';

test('MCS419 flags a value outside Present/Absent and maps yes to Present', () => {
  const text = `${HEAD}status: {endpointSliceObjects: "Yes"}\n`;
  const d = lintOne(text, 'MCS419');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]),
    [[4, 31, 4, 36, 1]],
  );
  assert.match(d[0].message, /status\.endpointSliceObjects is "Yes", not Present or Absent/);
  const s = serviceWith({ 'a.yaml': text });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS419');
  const fix = s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title === 'Change to Present');
  assert.equal(fix?.edit?.changes?.[uriOf('a.yaml')][0].newText, 'Present');
});

test('MCS419 handles booleans and case', () => {
  assert.match(
    lintOne(`${HEAD}status: {endpointSliceObjects: false}\n`, 'MCS419')[0].message,
    /is boolean false, .* Write Absent\./,
  );
  assert.match(lintOne(`${HEAD}status: {endpointSliceObjects: present}\n`, 'MCS419')[0].message, /Write Present\./);
  assert.doesNotMatch(lintOne(`${HEAD}status: {endpointSliceObjects: Maybe}\n`, 'MCS419')[0].message, /Write/);
});

test('MCS419 accepts Present, Absent and no value', () => {
  assert.deepEqual(lintOne(`${HEAD}status: {endpointSliceObjects: Present}\n`, 'MCS419'), []);
  assert.deepEqual(lintOne(`${HEAD}status: {endpointSliceObjects: Absent}\n`, 'MCS419'), []);
  assert.deepEqual(lintOne(HEAD, 'MCS419'), []);
});
