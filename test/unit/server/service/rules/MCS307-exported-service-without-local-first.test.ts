import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith } from '../../../../helpers/lint';

const EXPORT = '---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const svc = (extra = '', metadata = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n${metadata}spec:\n  selector: {app: web}\n  ports: [{name: http, port: 80}]\n${extra}`;

test('MCS307 hints at a Service exported from two clusters with no local-first policy, pointing at its name', () => {
  const s = serviceWith({ 'clusters/east/web.yaml': svc() + EXPORT, 'clusters/west/web.yaml': svc() + EXPORT });
  const d = diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS307');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.severity]),
    [[3, 8, 4]],
  );
  assert.match(d[0].message, /^Service shop\/web is exported from east, west and has no local-first traffic policy/);
  assert.match(d[0].message, /clusterset generate traffic-policy --service shop\/web/);
});

test('MCS307 is silent with a local-first policy, one exporter, no cluster folders, unexported, or on Istio', () => {
  const west = { 'clusters/west/web.yaml': svc() + EXPORT };
  const quiet = (files: Record<string, string>, settings = {}) =>
    assert.deepEqual(diagnosticsOf(serviceWith(files, settings), Object.keys(files)[0], 'MCS307'), []);
  quiet({ 'clusters/east/web.yaml': svc('  trafficDistribution: PreferClose\n') + EXPORT, ...west });
  quiet({ 'clusters/east/web.yaml': svc('', '  annotations: {service.kubernetes.io/topology-mode: Auto}\n') + EXPORT, ...west });
  quiet({ 'clusters/east/web.yaml': svc('', '  annotations: {service.cilium.io/affinity: local}\n') + EXPORT, ...west });
  quiet({ 'clusters/east/web.yaml': svc() + EXPORT });
  quiet({ 'web.yaml': svc() + EXPORT });
  quiet({ 'clusters/east/web.yaml': svc(), ...west });
  quiet({ 'clusters/east/web.yaml': svc() + EXPORT, ...west }, { implementation: 'istio' });
});
