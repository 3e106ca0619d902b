import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith } from '../../../../helpers/lint';
import { applyFix } from '../../../../helpers/quickFix';

const PROPERTY = (apiVersion: string): string =>
  `apiVersion: ${apiVersion}\nkind: ClusterProperty\nmetadata: {name: cluster.clusterset.k8s.io}\nspec: {value: east}\n`;

test('MCS003 flags the KEP example version about.k8s.io/v1 with the exact range', () => {
  const d = lintOne(PROPERTY('about.k8s.io/v1'), 'MCS003');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [0, 12, 0, 27, 1]);
  assert.match(
    d[0].message,
    /unknown API group\/version "about\.k8s\.io\/v1": about\.k8s\.io\/v1 appears only in the KEP-2149 examples/,
  );
  assert.match(d[0].message, /Use about\.k8s\.io\/v1alpha1 or about\.k8s\.io\/v1beta1/);
});

test('MCS003 accepts v1alpha1 and v1beta1', () => {
  assert.deepEqual(lintOne(PROPERTY('about.k8s.io/v1alpha1'), 'MCS003'), []);
  assert.deepEqual(lintOne(PROPERTY('about.k8s.io/v1beta1'), 'MCS003'), []);
});

test('MCS003 flags a wrong group, keeping a real version, and a missing apiVersion on the kind key', () => {
  const [g] = lintOne(PROPERTY('multicluster.x-k8s.io/v1beta1'), 'MCS003');
  assert.match(g.message, /ClusterProperty is served by the about\.k8s\.io group/);
  const s = serviceWith({ 'p.yaml': PROPERTY('multicluster.x-k8s.io/v1beta1') });
  assert.equal(applyFix(s, 'p.yaml', 'MCS003', 'Change apiVersion to about.k8s.io/v1beta1'), PROPERTY('about.k8s.io/v1beta1'));
  const [m] = lintOne('kind: ClusterProperty\nmetadata: {name: clusterset.k8s.io}\nspec: {value: prod}\n', 'MCS003');
  assert.deepEqual([m.line, m.character, m.endCharacter], [0, 0, 4]);
  assert.match(m.message, /has no apiVersion/);
});

test('MCS003 quick fix turns about.k8s.io/v1 into v1alpha1', () => {
  const s = serviceWith({ 'p.yaml': PROPERTY('about.k8s.io/v1') });
  assert.equal(applyFix(s, 'p.yaml', 'MCS003', 'Change apiVersion to about.k8s.io/v1alpha1'), PROPERTY('about.k8s.io/v1alpha1'));
});

test('MCS003 can be suppressed', () => {
  assert.deepEqual(lintOne(`# clusterset-disable-next-line MCS003\n${PROPERTY('about.k8s.io/v1')}`, 'MCS003'), []);
});
