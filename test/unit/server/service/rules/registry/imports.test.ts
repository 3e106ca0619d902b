import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith } from '../../../../../helpers/lint';
import { IMPORTS_RULES } from '../../../../../../server/src/service/rules/registry/imports';

// Every field the ServiceImport CRD knows, all valid.
const COMPLETE_IMPORT = `apiVersion: multicluster.x-k8s.io/v1beta1
kind: ServiceImport
metadata:
  name: web
  namespace: shop
spec:
  type: ClusterSetIP
  ips: [10.42.0.10, "fd00::10"]
  ipFamilies: [IPv4, IPv6]
  ports:
  - name: http
    port: 80
    protocol: TCP
    appProtocol: http
  - name: grpc
    port: 9090
    protocol: TCP
    appProtocol: kubernetes.io/h2c
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 10800
  internalTrafficPolicy: Cluster
  trafficDistribution: PreferClose
status:
  clusters:
  - cluster: east
  - cluster: west
  endpointSliceObjects: Present
  conditions:
  - type: Ready
    status: "True"
    reason: Ready
    message: ServiceImport is ready
    lastTransitionTime: "2026-01-01T00:00:00Z"
    observedGeneration: 1
`;

const sectionE = (path: string, settings = {}) =>
  diagnosticsOf(serviceWith({ [path]: COMPLETE_IMPORT }, settings), path).filter((d) => /^MCS4\d\d$/.test(d.code));

test('section E registers MCS401–MCS420 once each, for ServiceImport (MCS420 also for ServiceExport)', () => {
  assert.deepEqual(
    IMPORTS_RULES.map((r) => r.id),
    Array.from({ length: 20 }, (_, i) => `MCS4${String(i + 1).padStart(2, '0')}`),
  );
  for (const r of IMPORTS_RULES)
    assert.deepEqual(r.kinds, r.id === 'MCS420' ? ['ServiceImport', 'ServiceExport'] : ['ServiceImport'], r.id);
});

test('a complete valid ServiceImport yields no section E finding in a fixture', () => {
  assert.deepEqual(sectionE('test/fixtures/web-import.yaml', { implementation: 'cilium' }), []);
});

test('outside fixtures the same import yields only MCS401 (hand-authored)', () => {
  assert.deepEqual(
    sectionE('clusters/east/web-import.yaml', { implementation: 'cilium' }).map((d) => [d.code, d.line, d.severity]),
    [['MCS401', 1, 2]],
  );
});
