import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const withPolicy = (p: string) => `${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}], internalTrafficPolicy: ${p}}\n`;

test('MCS416 flags a policy outside Cluster/Local', () => {
  const d = lintOne(withPolicy('Node'), 'MCS416');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]),
    [[3, 71, 3, 75, 1]],
  );
  assert.match(d[0].message, /spec\.internalTrafficPolicy is "Node", not Cluster or Local/);
  assert.match(d[0].message, /Use Cluster \(default\) or Local/);
});

test('MCS416 fixes the case of a known policy', () => {
  const s = serviceWith({ 'a.yaml': withPolicy('local') });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS416');
  const fix = s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title === 'Change to Local');
  assert.deepEqual(fix?.edit?.changes?.[uriOf('a.yaml')], [
    { range: { start: { line: 3, character: 71 }, end: { line: 3, character: 76 } }, newText: 'Local' },
  ]);
});

test('MCS416 accepts Cluster, Local and no policy', () => {
  assert.deepEqual(lintOne(withPolicy('Cluster'), 'MCS416'), []);
  assert.deepEqual(lintOne(withPolicy('Local'), 'MCS416'), []);
  assert.deepEqual(lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80}]}\n`, 'MCS416'), []);
});
