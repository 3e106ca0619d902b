import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith } from '../../../../helpers/lint';

const exportOf = (value: string) =>
  `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: web\n  namespace: shop\n  annotations: {lighthouse.submariner.io/use-clusterset-ip: "${value}"}\n`;

test('MCS904 flags a value that is not "true"/"false"', () => {
  const d = lintOne(exportOf('yes'), 'MCS904');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [5, 60, 5, 65, 2]);
  assert.match(d[0].message, /"yes" is not "true" or "false"/);
});

test('MCS904 flags different values for the same export in two clusters', () => {
  const s = serviceWith({ 'clusters/east/e.yaml': exportOf('true'), 'clusters/west/e.yaml': exportOf('false') });
  const [d] = diagnosticsOf(s, 'clusters/east/e.yaml', 'MCS904');
  assert.match(d.message, /differs in west: Lighthouse reports ConflictingClusterSetIPEnablement/);
  const same = serviceWith({ 'clusters/east/e.yaml': exportOf('true'), 'clusters/west/e.yaml': exportOf('true') });
  assert.deepEqual(diagnosticsOf(same, 'clusters/east/e.yaml', 'MCS904'), []);
});
