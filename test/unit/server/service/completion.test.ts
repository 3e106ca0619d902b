import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { serviceWith, uriOf } from '../../../helpers/lint';

/** Completion at the `|` in `text`. */
function complete(text: string, settings = {}): CompletionList | null {
  const i = text.indexOf('|');
  const t = text.slice(0, i) + text.slice(i + 1);
  const before = t.slice(0, i);
  const line = before.split('\n').length - 1;
  const character = i - (before.lastIndexOf('\n') + 1);
  return serviceWith({ 'a.yaml': t }, settings).completion(uriOf('a.yaml'), { line, character });
}
const labels = (r: CompletionList | null): string[] => (r?.items ?? []).map((x) => x.label);
const edit = (item: CompletionItem | undefined): TextEdit => item?.textEdit as TextEdit;

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata:\n  name: web\n';

test('keys of spec while typing "  typ", with the typed prefix replaced and present keys left out', () => {
  const r = complete(`${HEAD}spec:\n  ports: [{port: 80}]\n  typ|\n`);
  assert.deepEqual(labels(r), [
    'type',
    'ips',
    'ipFamilies',
    'sessionAffinity',
    'sessionAffinityConfig',
    'internalTrafficPolicy',
    'trafficDistribution',
  ]);
  const type = r?.items[0];
  assert.deepEqual(edit(type), {
    range: { start: { line: 6, character: 2 }, end: { line: 6, character: 5 } },
    newText: 'type: ',
  });
  assert.equal(type?.detail, 'string · required');
  assert.equal(type?.sortText, '0type');
  assert.deepEqual(edit(r?.items[1]).newText, 'ips:\n    - ');
  assert.deepEqual(edit(r?.items[4]).newText, 'sessionAffinityConfig:\n    ');
  assert.match(String((type?.documentation as { value: string }).value), /^\*\*spec\.type\*\*/);
});

test('enum values after "  type: " and after "    protocol: T"', () => {
  const r = complete(`${HEAD}spec:\n  type: |\n`);
  assert.deepEqual(labels(r), ['ClusterSetIP', 'Headless']);
  assert.deepEqual(edit(r?.items[0]).range, { start: { line: 5, character: 8 }, end: { line: 5, character: 8 } });
  const p = complete(`${HEAD}spec:\n  type: Headless\n  ports:\n  - port: 80\n    protocol: T|\n`);
  assert.deepEqual(labels(p), ['TCP', 'UDP', 'SCTP']);
  assert.deepEqual(edit(p?.items[0]).range, { start: { line: 8, character: 14 }, end: { line: 8, character: 15 } });
});

test('keys of a list item: a new "- " item and the next key of an existing one', () => {
  assert.deepEqual(labels(complete(`${HEAD}spec:\n  ports:\n  - |\n`)), ['name', 'protocol', 'appProtocol', 'port']);
  assert.deepEqual(labels(complete(`${HEAD}spec:\n  ports:\n  - port: 80\n    name: http\n    |\n  - port: 81\n`)), [
    'protocol',
    'appProtocol',
  ]);
  assert.deepEqual(labels(complete(`${HEAD}spec:\n  ports:\n    - port: 80\n    - name: b\n      |\n`)), [
    'protocol',
    'appProtocol',
    'port',
  ]);
});

test('enum items of a scalar list, nested objects and other enums', () => {
  assert.deepEqual(labels(complete(`${HEAD}spec:\n  ipFamilies:\n  - IPv4\n  - |\n`)), ['IPv4', 'IPv6']);
  assert.deepEqual(labels(complete(`${HEAD}spec:\n  sessionAffinityConfig:\n    clientIP:\n      |\n`)), ['timeoutSeconds']);
  assert.deepEqual(labels(complete(`${HEAD}spec:\n  sessionAffinity: |\n`)), ['None', 'ClientIP']);
  assert.deepEqual(labels(complete(`${HEAD}spec:\n  internalTrafficPolicy: L|\n`)), ['Cluster', 'Local']);
  assert.deepEqual(labels(complete(`${HEAD}spec:\n  trafficDistribution: |\n`)), [
    'PreferClose',
    'PreferSameZone',
    'PreferSameNode',
  ]);
  assert.deepEqual(labels(complete(`${HEAD}status:\n  endpointSliceObjects: |\n`)), ['Present', 'Absent']);
});

test('metadata keys leave out present and server-set fields; free-form maps get nothing', () => {
  assert.deepEqual(labels(complete(`${HEAD}  |\n`)), [
    'generateName',
    'namespace',
    'labels',
    'annotations',
    'ownerReferences',
    'finalizers',
  ]);
  assert.equal(complete(`${HEAD}  labels:\n    |\n`), null);
});

test('ClusterSet file: implementation, overlap, connectivity values and cluster keys', () => {
  const cs = 'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata: {name: prod}\n';
  assert.deepEqual(labels(complete(`${cs}spec:\n  implementation: |\n`)), [
    'cilium',
    'submariner',
    'gke',
    'istio',
    'aws',
    'generic',
  ]);
  assert.deepEqual(labels(complete(`${cs}spec:\n  overlap:\n    mode: |\n`)), ['none', 'globalnet']);
  assert.deepEqual(labels(complete(`${cs}spec:\n  connectivity:\n    substrate: v|\n`)), [
    'vpc-peering',
    'transit-gateway',
    'vpn',
    'tunnel',
    'flat',
  ]);
  assert.deepEqual(labels(complete(`${cs}spec:\n  connectivity:\n    encryption: |\n`)), ['wireguard', 'ipsec', 'mtls', 'none']);
  assert.deepEqual(labels(complete(`${cs}spec:\n  clusters:\n  - name: east\n    pod|\n`)), [
    'context',
    'region',
    'cloud',
    'cni',
    'podCIDRs',
    'serviceCIDRs',
    'globalCIDR',
    'paths',
  ]);
});

test('apiVersion values for the kind (GKE group in the gke profile) and kind values', () => {
  assert.deepEqual(labels(complete('apiVersion: |\nkind: ClusterProperty\n')), ['about.k8s.io/v1alpha1', 'about.k8s.io/v1beta1']);
  assert.deepEqual(labels(complete('apiVersion: |\nkind: ServiceExport\n', { implementation: 'gke' })), [
    'multicluster.x-k8s.io/v1alpha1',
    'multicluster.x-k8s.io/v1beta1',
    'net.gke.io/v1',
  ]);
  assert.deepEqual(labels(complete('apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: |\n')), ['ServiceExport', 'ServiceImport']);
  assert.deepEqual(labels(complete('kind: |\n')), ['ServiceExport', 'ServiceImport', 'ClusterProperty', 'ClusterSet']);
});

test('no completion for other kinds, unknown places or flow style', () => {
  assert.equal(complete('apiVersion: apps/v1\nkind: Deployment\nspec:\n  typ|\n'), null);
  assert.equal(complete(`${HEAD}spec:\n  serviceName:\n    |\n`), null);
  assert.equal(complete(`${HEAD}spec: {type: |}\n`), null);
});

test('works in the second document of a file and with CRLF line ends', () => {
  const r = complete(`apiVersion: v1\nkind: Service\n---\r\n${HEAD.replace(/\n/g, '\r\n')}spec:\r\n  type: |\r\n`);
  assert.deepEqual(labels(r), ['ClusterSetIP', 'Headless']);
  assert.deepEqual(edit(r?.items[0]).range.start, { line: 8, character: 8 });
});
