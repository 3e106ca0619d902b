import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const SVC =
  'apiVersion: v1\nkind: Service\nmetadata: {name: ext, namespace: shop}\nspec: {type: ExternalName, externalName: example.com}\n';
const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: ext, namespace: shop}\n';

test('MCS102 flags the export of an ExternalName Service with related info on its type', () => {
  const s = serviceWith({ 'a.yaml': `${SVC}---\n${EXPORT}` });
  const d = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS102');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, { start: { line: 7, character: 17 }, end: { line: 7, character: 20 } });
  assert.equal(d[0].severity, 1);
  assert.match(
    d[0].message,
    /type ExternalName, which cannot be exported: .*Valid=False \(InvalidServiceType\) and no ServiceImport/,
  );
  assert.deepEqual(d[0].relatedInformation?.[0].location.range, {
    start: { line: 3, character: 13 },
    end: { line: 3, character: 25 },
  });
});

test('MCS102 is quiet for a ClusterIP Service and names the Submariner reason', () => {
  assert.deepEqual(
    lintOne(`${SVC.replace('type: ExternalName, externalName: example.com', 'ports: [{port: 80}]')}---\n${EXPORT}`, 'MCS102'),
    [],
  );
  assert.match(lintOne(`${SVC}---\n${EXPORT}`, 'MCS102', { implementation: 'submariner' })[0].message, /UnsupportedServiceType/);
});
