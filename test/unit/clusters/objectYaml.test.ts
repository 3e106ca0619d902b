// "Open as YAML" reads only the kinds the tree lists (never a Secret), at the right API path, and shows
// the object without managedFields; "Reveal" finds a cluster or service entry in a ClusterSet file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { ClusterAccess } from '../../../clusters/src/access';
import { locateInClusterSet } from '../../../clusters/src/clusterSetLocate';
import { objectPath, readObjectYaml } from '../../../clusters/src/objectYaml';

const ref = (kind: string, apiVersion: string, name: string, namespace?: string) => ({
  cluster: 'east',
  kind,
  apiVersion,
  name,
  namespace,
});

test('objectPath: the listed kinds map to their API path', () => {
  assert.equal(
    objectPath(ref('ServiceExport', 'multicluster.x-k8s.io/v1alpha1', 'web', 'shop')),
    '/apis/multicluster.x-k8s.io/v1alpha1/namespaces/shop/serviceexports/web',
  );
  assert.equal(
    objectPath(ref('ServiceImport', 'net.gke.io/v1', 'web', 'shop')),
    '/apis/net.gke.io/v1/namespaces/shop/serviceimports/web',
  );
  assert.equal(objectPath(ref('Service', 'v1', 'web', 'shop')), '/api/v1/namespaces/shop/services/web');
  assert.equal(
    objectPath(ref('EndpointSlice', 'discovery.k8s.io/v1', 'web-east-x1', 'shop')),
    '/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices/web-east-x1',
  );
  assert.equal(
    objectPath(ref('ClusterProperty', 'about.k8s.io/v1alpha1', 'cluster.clusterset.k8s.io')),
    '/apis/about.k8s.io/v1alpha1/clusterproperties/cluster.clusterset.k8s.io',
  );
});

test('objectPath: Secrets, other kinds, wrong groups, odd names and scope mismatches have no path', () => {
  assert.equal(objectPath(ref('Secret', 'v1', 'token', 'shop')), undefined);
  assert.equal(objectPath(ref('ConfigMap', 'v1', 'coredns', 'kube-system')), undefined);
  assert.equal(objectPath(ref('Service', 'multicluster.x-k8s.io/v1alpha1', 'web', 'shop')), undefined);
  assert.equal(objectPath(ref('Service', 'v1', '../secrets/x', 'shop')), undefined);
  assert.equal(objectPath(ref('Service', 'v1', 'web', 'shop/../../secrets')), undefined);
  assert.equal(objectPath(ref('Service', 'v1', 'web')), undefined);
  assert.equal(objectPath(ref('ClusterProperty', 'about.k8s.io/v1alpha1', 'x', 'shop')), undefined);
  assert.equal(objectPath(ref('toString', 'v1', 'web', 'shop')), undefined);
});

function fakeAccess(answers: Record<string, unknown>): ClusterAccess & { asked: string[] } {
  const asked: string[] = [];
  return {
    context: 'east-admin',
    server: 'https://127.0.0.1:1',
    asked,
    async getJson<T>(path: string) {
      asked.push(path);
      if (path in answers) return { ok: true as const, value: answers[path] as T };
      return { ok: false as const, fault: { kind: 'notFound' as const, message: 'x not found' } };
    },
    async listAll() {
      throw new Error('not used');
    },
    async watch() {
      throw new Error('not used');
    },
  };
}

test('readObjectYaml: the object without managedFields, with a header naming cluster and context', async () => {
  const path = '/api/v1/namespaces/shop/services/web';
  const access = fakeAccess({
    [path]: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop', managedFields: [{ manager: 'x' }] },
      spec: { ports: [{ port: 80 }] },
    },
  });
  const r = await readObjectYaml(access, ref('Service', 'v1', 'web', 'shop'));
  assert.ok(r.ok);
  assert.match(r.value, /^# Service shop\/web in cluster east \(context east-admin\), read \S+; read-only\n/);
  const o = parse(r.value);
  assert.deepEqual(o, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { ports: [{ port: 80 }] },
  });
  const miss = await readObjectYaml(access, ref('Service', 'v1', 'gone', 'shop'));
  assert.equal(miss.ok, false);
  const secret = await readObjectYaml(access, ref('Secret', 'v1', 'token', 'shop'));
  assert.equal(secret.ok, false);
  assert.deepEqual(access.asked, [path, '/api/v1/namespaces/shop/services/gone']);
});

const CLUSTERSET = `# comment
apiVersion: v1
kind: ConfigMap
metadata: {name: x}
---
apiVersion: clusterset.dev/v1alpha1
kind: ClusterSet
spec:
  clusters:
  - name: east
    context: east
  - {name: west, context: west-admin}
  services:
  - name: web
    namespace: shop
  - name: web
    namespace: other
`;

test('locateInClusterSet: the name of the cluster or service entry, in the ClusterSet document only', () => {
  const at = (t: Parameters<typeof locateInClusterSet>[1]) => {
    const r = locateInClusterSet(CLUSTERSET, t);
    return r && CLUSTERSET.slice(0, r.start).split('\n').length + ':' + CLUSTERSET.slice(r.start, r.end);
  };
  assert.equal(at({ cluster: 'east' }), '10:east');
  assert.equal(at({ cluster: 'west' }), '12:west');
  assert.equal(at({ service: { namespace: 'other', name: 'web' } }), '16:web');
  assert.equal(at({ service: { namespace: 'shop', name: 'web' } }), '14:web');
  assert.equal(at({ cluster: 'north' }), undefined);
  assert.equal(locateInClusterSet('kind: ClusterSet\nspec: [\n', { cluster: 'east' }), undefined);
  assert.equal(locateInClusterSet('', { cluster: 'east' }), undefined);
});

test('locateInClusterSet reads the file as the linter does: flow lists, aliased names, YAML 1.1 scalars', () => {
  const text = [
    'apiVersion: clusterset.dev/v1alpha1',
    'kind: ClusterSet',
    'x-name: &n web',
    'spec:',
    '  clusters: [{name: east, context: east}, {name: "010", context: west}, {name: 010, context: north}]',
    '  services: [{name: *n, namespace: shop}]',
    '',
  ].join('\n');
  const at = (t: Parameters<typeof locateInClusterSet>[1]) => {
    const r = locateInClusterSet(text, t);
    return r && text.slice(r.start, r.end);
  };
  assert.equal(at({ cluster: 'east' }), 'east');
  // The quoted "010" is that string; the plain 010 is the number 8 to kubectl and the linter.
  assert.equal(at({ cluster: '010' }), '"010"');
  assert.equal(at({ cluster: '8' }), '010');
  // An aliased name is found where the alias is written, not at its anchor.
  const web = locateInClusterSet(text, { service: { namespace: 'shop', name: 'web' } });
  assert.equal(web && text.slice(web.start, web.end), '*n');
  assert.equal(web?.start, text.indexOf('*n'));
});
