import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith } from '../../../../helpers/lint';

const EXPORT = '---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const svc = (spec: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n${spec}  ports: [{port: 80}]\n${EXPORT}`;

test('MCS204 reports trafficDistribution set in one cluster only, on both sides', () => {
  const s = serviceWith({
    'clusters/east/web.yaml': svc('  trafficDistribution: PreferSameZone\n'),
    'clusters/west/web.yaml': svc(''),
  });
  const east = diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS204');
  assert.deepEqual(
    east.map((d) => [d.line, d.character, d.endCharacter, d.severity]),
    [[4, 23, 37, 2]],
  );
  assert.match(
    east[0].message,
    /trafficDistribution PreferSameZone in cluster east but unset in cluster west: .*TrafficDistributionConflict/,
  );
  assert.equal(diagnosticsOf(s, 'clusters/west/web.yaml', 'MCS204').length, 1);
});

test('MCS204 reports internalTrafficPolicy and treats Cluster as the default', () => {
  const s = serviceWith({
    'clusters/east/web.yaml': svc('  internalTrafficPolicy: Local\n'),
    'clusters/west/web.yaml': svc('  internalTrafficPolicy: Cluster\n'),
  });
  assert.match(
    diagnosticsOf(s, 'clusters/west/web.yaml', 'MCS204')[0].message,
    /internalTrafficPolicy Cluster in cluster west but Local in cluster east: .*InternalTrafficPolicyConflict/,
  );
  const same = serviceWith({
    'clusters/east/web.yaml': svc('  internalTrafficPolicy: Cluster\n'),
    'clusters/west/web.yaml': svc(''),
  });
  assert.deepEqual(diagnosticsOf(same, 'clusters/east/web.yaml', 'MCS204'), []);
});
