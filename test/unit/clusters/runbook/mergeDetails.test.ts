import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeClusterDetails } from '../../../../clusters/src/runbook/mergeDetails';

test('details that differ only in their cluster are said once, naming every cluster in the order found', () => {
  const none = (c: string) => `no MCS controller in ${c}: none of kube-system/cilium-operator, gke-mcs/gke-mcs-importer exists`;
  assert.deepEqual(mergeClusterDetails(['east', 'west', 'central'].map((cluster) => ({ cluster, detail: none(cluster) }))), [
    'no MCS controller in east, west and central: none of kube-system/cilium-operator, gke-mcs/gke-mcs-importer exists',
  ]);
  assert.deepEqual(
    mergeClusterDetails(
      ['east', 'west'].map((cluster) => ({ cluster, detail: `Service shop/cart in ${cluster} has no ready endpoints` })),
    ),
    ['Service shop/cart in east and west has no ready endpoints'],
  );
});

test('every place the cluster is named is filled in; other details keep their place and their words', () => {
  const found = [
    { cluster: 'east', detail: 'east: namespace shop is missing in east' },
    { cluster: 'west', detail: 'central: no MCS EndpointSlice from west' },
    { cluster: 'central', detail: 'central: namespace shop is missing in central' },
    { cluster: null, detail: 'the ClusterSet file names no clusters' },
  ];
  assert.deepEqual(mergeClusterDetails(found), [
    'east and central: namespace shop is missing in east and central',
    'central: no MCS EndpointSlice from west',
    'the ClusterSet file names no clusters',
  ]);
});

test('one cluster, repeated details, a name inside another word, and a detail that does not name its cluster', () => {
  assert.deepEqual(mergeClusterDetails([{ cluster: 'east', detail: 'no controller in east' }]), ['no controller in east']);
  assert.deepEqual(
    mergeClusterDetails([
      { cluster: 'east', detail: 'no controller in east' },
      { cluster: 'east', detail: 'no controller in east' },
    ]),
    ['no controller in east'],
  );
  // The same words once from the cluster they name and once from another cluster: said once.
  assert.deepEqual(
    mergeClusterDetails([
      { cluster: 'east', detail: 'no ServiceImport in east' },
      { cluster: 'west', detail: 'no ServiceImport in east' },
    ]),
    ['no ServiceImport in east'],
  );
  // The same words in two clusters without either name: said once, as found.
  assert.deepEqual(
    mergeClusterDetails([
      { cluster: 'eu', detail: 'reader role may not list Secrets' },
      { cluster: 'us', detail: 'reader role may not list Secrets' },
    ]),
    ['reader role may not list Secrets'],
  );
  // A name that is part of a longer one is not the cluster: "east-gw" and "west-gw" are other objects.
  assert.deepEqual(
    mergeClusterDetails([
      { cluster: 'east', detail: 'gateway east-gw in east is not programmed' },
      { cluster: 'west', detail: 'gateway west-gw in west is not programmed' },
    ]),
    ['gateway east-gw in east is not programmed', 'gateway west-gw in west is not programmed'],
  );
  assert.deepEqual(
    mergeClusterDetails([
      { cluster: 'prod-eu', detail: 'no controller in prod-eu.' },
      { cluster: 'prod', detail: 'no controller in prod.' },
    ]),
    ['no controller in prod-eu and prod.'],
  );
});
