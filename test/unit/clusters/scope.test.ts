// resolveScope: the one answer to "which contexts form the clusterset" — ClusterSet file, else setting, else
// picked, else every context — and member naming for explicit contexts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterSetMembers, membersForContexts, resolveScope } from '../../../clusters/src/scope';
import { readClusterSetText } from '../../../server/src/service/public';

const FILE = `apiVersion: clusterset.dev/v1alpha1
kind: ClusterSet
metadata: {name: prod}
spec:
  clusters:
  - {name: east, context: kind-east}
  - {name: west}
  - {name: central, context: gke_proj_europe-west1_central}
  - {context: nameless}
  - {name: twin, context: kind-east}
`;
const model = readClusterSetText(`# header\n---\n${FILE}`)!;
const KUBE = ['kind-east', 'west', 'other', 'gke_proj_europe-west1_central'];

test('the ClusterSet file wins: named clusters through context: (else a context of the same name), file order', () => {
  assert.deepEqual(resolveScope({ clusterSet: model, settingContexts: ['other'], picked: ['west'], kubeconfigContexts: KUBE }), {
    members: [
      { name: 'east', context: 'kind-east' },
      { name: 'west', context: 'west' },
      { name: 'central', context: 'gke_proj_europe-west1_central' },
    ],
    source: 'clusterset-file',
  });
});

test('a member whose context the kubeconfig lacks stays (the reader reports it); a file reaching no context is skipped', () => {
  assert.deepEqual(
    clusterSetMembers(model, ['west']).map((m) => m.context),
    ['kind-east', 'west', 'gke_proj_europe-west1_central'],
  );
  assert.deepEqual(resolveScope({ clusterSet: model, settingContexts: ['other', 'other', ' '], kubeconfigContexts: ['other'] }), {
    members: [{ name: 'other', context: 'other' }],
    source: 'setting',
  });
});

test('then what the user picked, then every kubeconfig context', () => {
  assert.deepEqual(resolveScope({ picked: ['west'], kubeconfigContexts: KUBE }).source, 'picked');
  const all = resolveScope({ settingContexts: [], picked: [], kubeconfigContexts: KUBE });
  assert.equal(all.source, 'all');
  assert.deepEqual(
    all.members.map((m) => m.name),
    KUBE,
  );
});

test('explicit contexts take the ClusterSet member’s name when one uses them', () => {
  assert.deepEqual(membersForContexts(['gke_proj_europe-west1_central', 'other', 'other']), [
    { name: 'gke_proj_europe-west1_central', context: 'gke_proj_europe-west1_central' },
    { name: 'other', context: 'other' },
  ]);
  assert.deepEqual(membersForContexts(['gke_proj_europe-west1_central', 'kind-east'], model), [
    { name: 'central', context: 'gke_proj_europe-west1_central' },
    { name: 'east', context: 'kind-east' },
  ]);
});

test('the ClusterSet model exposes context and the services’ exportedFrom/consumers', () => {
  const m = readClusterSetText(
    `${FILE}  services:\n  - {name: web, namespace: shop, exportedFrom: [east], consumers: [west, central]}\n`,
  )!;
  assert.deepEqual(m.clusters[0]?.context, { value: 'kind-east', path: ['spec', 'clusters', 0, 'context'] });
  assert.equal(m.clusters[1]?.context, undefined);
  assert.deepEqual([m.services[0]?.exportedFrom, m.services[0]?.consumers], [['east'], ['west', 'central']]);
  assert.equal(readClusterSetText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n'), undefined);
});
