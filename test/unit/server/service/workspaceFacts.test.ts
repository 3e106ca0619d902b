// Issue 8's false-positive classes, each on a minimal file: other vendors' same-named kinds, template
// placeholders, the implementation the files show, and `default` = no namespace.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isForeignObject } from '../../../../server/src/service/model/kindOwnership';
import { isPlaceholder } from '../../../../server/src/service/model/placeholders';
import { diagnosticsOf, lintOne, serviceWith } from '../../../helpers/lint';

const codes = (ds: Array<{ code: string }>): string[] => ds.map((d) => d.code);

test('kinds of other API groups are not MCS objects; near misses of ours still are', () => {
  for (const v of [
    'networking.fleet.azure.com/v1alpha1',
    'application-networking.k8s.aws/v1alpha1',
    'lighthouse.submariner.io/v2alpha1',
  ])
    assert.equal(isForeignObject('ServiceExport', v), true, v);
  for (const v of [
    'multicluster.k8s.io/v1alpha1',
    'multicluster.x-k8s.io/v9',
    'multicluster.x-k8s.oi/v1alpha1',
    'net.gke.io/v1',
    'v1alpha1',
  ])
    assert.equal(isForeignObject('ServiceExport', v), false, v);
  assert.equal(isForeignObject('ClusterSet', 'multicluster.crd.antrea.io/v1alpha2'), true);
  assert.equal(isForeignObject('Service', 'serving.knative.dev/v1'), true);
  assert.equal(isForeignObject('Deployment', 'extensions/v1beta1'), false);
  assert.equal(isForeignObject('HTTPRoute', 'gateway.networking.k8s.io/v1'), false);
});

test("Fleet's ServiceExport gets no MCS finding; the KEP's multicluster.k8s.io still gets MCS001", () => {
  const fleet =
    'apiVersion: networking.fleet.azure.com/v1alpha1\nkind: ServiceExport\nmetadata: {name: web}\nspec: {weight: 1}\n';
  assert.deepEqual(lintOne(fleet), []);
  const kep = 'apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
  assert.ok(codes(lintOne(kep)).includes('MCS001'));
});

test('template placeholders are not validated as names, IPs or CIDRs', () => {
  for (const p of ['${CLUSTER_ID}', '${NS:-default}', '$(SERVICE_NAME)', '{{ .Values.name }}', '<your-cluster-id>', '$CLUSTER'])
    assert.equal(isPlaceholder(p), true, p);
  for (const p of ['web', '10.0.0.0/8', 'a$b', 'cost<5']) assert.equal(isPlaceholder(p), false, p);
  const exp =
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: ${SERVICE}\n  namespace: shop\n';
  assert.deepEqual(codes(lintOne(exp)), []);
  const imp =
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\nspec:\n  type: ClusterSetIP\n  ips: ["{{ .Values.vip }}"]\n  ports: [{port: 80, protocol: TCP}]\n';
  assert.equal(codes(lintOne(imp)).includes('MCS405'), false);
  // A real bad value next to it is still reported.
  assert.ok(codes(lintOne(imp.replace('{{ .Values.vip }}', 'web.example'))).includes('MCS405'));
});

const GKE_EXPORT = 'apiVersion: net.gke.io/v1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const SVC = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {ports: [{name: http, port: 80}]}\n';

test('the implementation is inferred from the files; the setting, the flag and the ClusterSet file win', () => {
  const inferred = serviceWith({ 'export.yaml': GKE_EXPORT, 'svc.yaml': SVC });
  assert.deepEqual(codes(diagnosticsOf(inferred, 'export.yaml')), []);
  assert.equal(inferred.settings().implementation, 'gke');
  assert.match(inferred.settings().implementationSource ?? '', /^inferred from a net\.gke\.io object in .*export\.yaml:1$/);
  // Chosen by the user: cilium, so net.gke.io is wrong here (MCS901) and the message can say who chose.
  const chosen = serviceWith({ 'export.yaml': GKE_EXPORT, 'svc.yaml': SVC }, { implementation: 'cilium' });
  assert.ok(codes(diagnosticsOf(chosen, 'export.yaml')).includes('MCS901'));
  const flag = serviceWith(
    { 'export.yaml': GKE_EXPORT },
    { implementation: 'generic', implementationSource: 'the --implementation flag' },
  );
  assert.equal(flag.settings().implementation, 'generic');
  // Two implementations shown: no guess, and the source says why.
  const both = serviceWith({
    'export.yaml': GKE_EXPORT,
    'svc.yaml': SVC.replace(
      'metadata: {name: web, namespace: shop}',
      'metadata:\n  name: web\n  annotations:\n    service.cilium.io/global: "true"',
    ),
  });
  assert.equal(both.settings().implementation, 'generic');
  assert.match(both.settings().implementationSource ?? '', /gke .* and cilium/);
  const clusterSet =
    'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata: {name: cs}\nspec: {implementation: istio}\n';
  const file = serviceWith({ 'export.yaml': GKE_EXPORT, 'clusterset.yaml': clusterSet });
  assert.equal(file.settings().implementation, 'istio');
  assert.match(file.settings().implementationSource ?? '', /spec\.implementation in .*clusterset\.yaml/);
});

test('an export in default and a Service without a namespace are the same; an explicit other namespace is a stated risk', () => {
  const exp = (ns: string): string =>
    `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: ${ns}}\n`;
  const bare = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{name: http, port: 80}]}\n';
  const same = serviceWith({ 'e.yaml': exp('default'), 's.yaml': bare });
  assert.deepEqual(diagnosticsOf(same, 'e.yaml', 'MCS101'), []);
  const risk = diagnosticsOf(serviceWith({ 'e.yaml': exp('shop'), 's.yaml': bare }), 'e.yaml', 'MCS101');
  assert.equal(risk.length, 1);
  assert.equal(risk[0].severity, 3);
  assert.match(
    risk[0].message,
    /names namespace shop, but Service web \(.*s\.yaml\) has no metadata\.namespace: .*kubectl apply -n shop/,
  );
});
