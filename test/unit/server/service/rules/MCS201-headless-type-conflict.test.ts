import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith, uriOf } from '../../../../helpers/lint';

const EXPORT = '---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const svc = (spec: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n${spec}  selector: {app: web}\n  ports: [{port: 80}]\n`;

test('MCS201 reports headless vs ClusterIP on both clusters with related info', () => {
  const s = serviceWith({
    'clusters/east/web.yaml': svc('  clusterIP: None\n') + EXPORT,
    'clusters/west/web.yaml': svc('') + EXPORT,
  });
  const east = diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS201');
  assert.deepEqual(
    east.map((d) => [d.line, d.character, d.endCharacter, d.severity]),
    [[4, 13, 17, 2]],
  );
  assert.match(
    east[0].message,
    /shop\/web is headless in cluster east but ClusterIP in cluster west: .*Conflict=True \(TypeConflict\)/,
  );
  const west = diagnosticsOf(s, 'clusters/west/web.yaml', 'MCS201');
  assert.deepEqual(
    west.map((d) => [d.line, d.character, d.endCharacter]),
    [[2, 17, 20]],
  );
  assert.match(west[0].message, /ClusterIP in cluster west but headless in cluster east/);
  const related = s.validate(uriOf('clusters/west/web.yaml')).diagnostics.find((d) => d.code === 'MCS201')?.relatedInformation;
  assert.deepEqual(
    related?.map((r) => [r.location.uri, r.location.range.start.line, r.message]),
    [[uriOf('clusters/east/web.yaml'), 4, 'Cluster east: headless Service']],
  );
});

test('MCS201 follows edits of the other file and needs an export in both clusters', () => {
  const s = serviceWith({
    'clusters/east/web.yaml': svc('  clusterIP: None\n') + EXPORT,
    'clusters/west/web.yaml': svc('') + EXPORT,
  });
  assert.equal(diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS201').length, 1);
  s.setFile(uriOf('clusters/west/web.yaml'), svc('  clusterIP: None\n') + EXPORT, 2);
  assert.deepEqual(diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS201'), []);
  s.setFile(uriOf('clusters/west/web.yaml'), svc(''), 3);
  assert.deepEqual(diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS201'), []);
});

test('MCS201 ignores a single cluster and flat workspaces', () => {
  const s = serviceWith({ 'a.yaml': svc('  clusterIP: None\n') + EXPORT, 'b.yaml': svc('') + EXPORT });
  assert.deepEqual(diagnosticsOf(s, 'a.yaml', 'MCS201'), []);
});
