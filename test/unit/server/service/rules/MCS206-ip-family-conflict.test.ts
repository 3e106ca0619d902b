import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith } from '../../../../helpers/lint';

const EXPORT = '---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const svc = (spec: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n${spec}  ports: [{port: 80}]\n${EXPORT}`;

test('MCS206 reports disjoint declared ipFamilies on both sides', () => {
  const s = serviceWith({
    'clusters/east/web.yaml': svc('  ipFamilyPolicy: SingleStack\n  ipFamilies: [IPv6]\n'),
    'clusters/west/web.yaml': svc('  ipFamilies: [IPv4]\n'),
  });
  const east = diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS206');
  assert.deepEqual(
    east.map((d) => [d.line, d.character, d.endCharacter, d.severity]),
    [[5, 14, 20, 2]],
  );
  assert.match(
    east[0].message,
    /is IPv6 in cluster east but IPv4 in cluster west: no IP family is common .*IPFamilyConflict.*IPFamilyNotSupported/,
  );
  assert.equal(diagnosticsOf(s, 'clusters/west/web.yaml', 'MCS206').length, 1);
});

test('MCS206 uses the ClusterSet file CIDRs when ipFamilies is not set, and is quiet when a family is shared', () => {
  const clusterSet =
    'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata: {name: prod}\nspec:\n  clusters:\n  - {name: east, serviceCIDRs: ["fd00:10::/108"]}\n  - {name: west, serviceCIDRs: [10.96.0.0/16, "fd00:20::/108"]}\n';
  const single = serviceWith({
    'clusterset.yaml': clusterSet,
    'clusters/east/web.yaml': svc(''),
    'clusters/west/web.yaml': svc(''),
  });
  assert.match(
    diagnosticsOf(single, 'clusters/west/web.yaml', 'MCS206')[0].message,
    /is IPv4 in cluster west but IPv6 in cluster east/,
  );
  const dual = serviceWith({
    'clusterset.yaml': clusterSet,
    'clusters/east/web.yaml': svc(''),
    'clusters/west/web.yaml': svc('  ipFamilyPolicy: PreferDualStack\n'),
  });
  assert.deepEqual(diagnosticsOf(dual, 'clusters/west/web.yaml', 'MCS206'), []);
  const unknown = serviceWith({ 'clusters/east/web.yaml': svc(''), 'clusters/west/web.yaml': svc('  ipFamilies: [IPv4]\n') });
  assert.deepEqual(diagnosticsOf(unknown, 'clusters/west/web.yaml', 'MCS206'), []);
});
