import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const withFamilies = (f: string) => `${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}], ipFamilies: [${f}]}\n`;
const at = (d: ReturnType<typeof lintOne>) => d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]);

test('MCS407 flags a duplicate family on the second entry', () => {
  const d = lintOne(withFamilies('IPv4, IPv4'), 'MCS407');
  assert.deepEqual(at(d), [[3, 67, 3, 71, 1]]);
  assert.match(d[0].message, /spec\.ipFamilies lists IPv4 twice/);
});

test('MCS407 flags unknown values and offers the case fix', () => {
  const s = serviceWith({ 'a.yaml': withFamilies('ipv6') });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS407');
  assert.equal(diags.length, 1);
  assert.match(diags[0].message, /spec\.ipFamilies\[0\] is "ipv6", not IPv4 or IPv6 \(case-sensitive\)/);
  const fix = s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title === 'Change to IPv6');
  assert.deepEqual(fix?.edit?.changes?.[uriOf('a.yaml')], [
    { range: { start: { line: 3, character: 61 }, end: { line: 3, character: 65 } }, newText: 'IPv6' },
  ]);
  const dual = lintOne(withFamilies('DualStack'), 'MCS407');
  assert.equal(dual.length, 1);
});

test('MCS407 flags more than two entries', () => {
  const d = lintOne(withFamilies('IPv4, IPv6, IPv4'), 'MCS407');
  assert.deepEqual(
    d.map((x) => x.message.match(/twice|at most 2/)?.[0]),
    ['twice', 'at most 2'],
  );
});

test('MCS407 accepts one or both families', () => {
  assert.deepEqual(lintOne(withFamilies('IPv6'), 'MCS407'), []);
  assert.deepEqual(lintOne(withFamilies('IPv6, IPv4'), 'MCS407'), []);
});
