import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const sts = (serviceName: string) =>
  `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: data}\nspec:\n  serviceName: ${serviceName}\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata:\n      labels: {app: db, tier: data}\n`;
const SVC =
  'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: data}\nspec: {clusterIP: None, selector: {app: db}, ports: [{name: pg, port: 5432}]}\n---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: db, namespace: data}\n';

test('MCS302 hints when the exported headless Service is not the StatefulSet serviceName', () => {
  const s = serviceWith({ 'clusters/east/sts.yaml': sts('db-internal'), 'clusters/east/svc.yaml': SVC });
  const d = s.validate(uriOf('clusters/east/svc.yaml')).diagnostics.filter((x) => x.code === 'MCS302');
  assert.deepEqual(
    d.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character, x.severity]),
    [[2, 17, 19, 4]],
  );
  assert.match(
    d[0].message,
    /selects the Pods of StatefulSet db, whose serviceName is "db-internal": its endpoints carry no hostname, so records like db-0\.<clusterid>\.db\.data\.svc\.clusterset\.local will not exist/,
  );
  assert.deepEqual(
    d[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
    [[uriOf('clusters/east/sts.yaml'), 4]],
  );
  s.setFile(uriOf('clusters/east/sts.yaml'), sts('db'), 2);
  assert.deepEqual(diagnosticsOf(s, 'clusters/east/svc.yaml', 'MCS302'), []);
});

test('MCS302 ignores StatefulSets of other clusters and non-headless Services', () => {
  const s = serviceWith({ 'clusters/west/sts.yaml': sts('db-internal'), 'clusters/east/svc.yaml': SVC });
  assert.deepEqual(diagnosticsOf(s, 'clusters/east/svc.yaml', 'MCS302'), []);
  assert.deepEqual(lintOne(`${sts('db-internal')}---\n${SVC.replace('clusterIP: None, ', '')}`, 'MCS302'), []);
});
