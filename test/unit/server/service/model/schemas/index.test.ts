import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiVersionDoc,
  apiVersionsFor,
  fieldAt,
  KIND_SCHEMAS,
  schemaFor,
  type FieldSchema,
} from '../../../../../../server/src/service/model/schemas';
import { parseRelease } from '../../../../../../server/src/service/model/schemas/crdRelease';

function* fields(f: FieldSchema, path: string): Generator<[string, FieldSchema]> {
  yield [path, f];
  for (const [k, c] of Object.entries(f.fields ?? {})) yield* fields(c, `${path}.${k}`);
  if (f.items) yield* fields(f.items, `${path}[]`);
}

test('every field has a doc text, consistent shape, non-empty enums and a parsable since', () => {
  for (const kind of KIND_SCHEMAS) {
    for (const [path, f] of fields(kind.root, kind.kind)) {
      assert.ok(f.doc.length > 0, `${path} has no doc`);
      if (f.type === 'object') assert.ok(f.fields, `${path} object without fields`);
      if (f.type === 'array') assert.ok(f.items, `${path} array without items`);
      if (f.enum) assert.ok(f.enum.length > 0 && f.type === 'string', `${path} enum`);
      if (f.since) assert.ok(parseRelease(f.since), `${path} since ${f.since}`);
    }
    assert.deepEqual(Object.keys(kind.root.fields ?? {}).slice(0, 3), ['apiVersion', 'kind', 'metadata']);
  }
});

test('the versioned fields carry the release of facts §1', () => {
  const se = schemaFor('multicluster.x-k8s.io/v1beta1', 'ServiceExport');
  const si = schemaFor('multicluster.x-k8s.io/v1alpha1', 'ServiceImport');
  assert.ok(se && si);
  assert.equal(fieldAt(se, ['spec', 'exportedLabels'])?.since, 'v0.2.0');
  assert.equal(fieldAt(se, ['spec', 'exportedAnnotations'])?.since, 'v0.2.0');
  for (const f of ['ipFamilies', 'internalTrafficPolicy', 'trafficDistribution'])
    assert.equal(fieldAt(si, ['spec', f])?.since, 'v0.4.0', f);
  assert.equal(fieldAt(si, ['status', 'conditions'])?.since, 'v0.4.0');
  assert.equal(fieldAt(se, ['status', 'conditions'])?.since, undefined);
  assert.deepEqual(fieldAt(si, ['status', 'endpointSliceObjects'])?.enum, ['Present', 'Absent']);
  assert.deepEqual(fieldAt(si, ['spec', 'type'])?.enum, ['ClusterSetIP', 'Headless']);
  assert.deepEqual(fieldAt(si, ['spec', 'ports', 3, 'protocol'])?.enum, ['TCP', 'UDP', 'SCTP']);
  assert.deepEqual(fieldAt(si, ['spec', 'ipFamilies', 0])?.enum, ['IPv4', 'IPv6']);
  assert.equal(fieldAt(si, ['spec', 'ports'])?.required, true);
  assert.equal(fieldAt(si, ['metadata', 'labels', 'anything'])?.type, 'string');
  assert.equal(fieldAt(si, ['spec', 'nope']), undefined);
});

test('schemaFor matches MCS kinds by kind, the ClusterSet kind only in our group', () => {
  assert.equal(schemaFor('multicluster.k8s.io/v1alpha1', 'ServiceExport')?.kind, 'ServiceExport');
  assert.equal(schemaFor(undefined, 'ClusterProperty')?.scope, 'Cluster');
  assert.equal(schemaFor('clusterset.dev/v1alpha1', 'ClusterSet')?.kind, 'ClusterSet');
  assert.equal(schemaFor('multicluster.crd.antrea.io/v1alpha2', 'ClusterSet'), undefined);
  assert.equal(schemaFor('v1', 'Service'), undefined);
  assert.equal(schemaFor('v1', undefined), undefined);
});

test('apiVersion values per kind and profile, and their docs', () => {
  assert.deepEqual(apiVersionsFor('ServiceExport', 'generic'), [
    'multicluster.x-k8s.io/v1alpha1',
    'multicluster.x-k8s.io/v1beta1',
  ]);
  assert.deepEqual(apiVersionsFor('ServiceImport', 'gke'), [
    'multicluster.x-k8s.io/v1alpha1',
    'multicluster.x-k8s.io/v1beta1',
    'net.gke.io/v1',
  ]);
  assert.deepEqual(apiVersionsFor('ClusterSet', 'generic'), ['clusterset.dev/v1alpha1']);
  assert.equal(apiVersionsFor(undefined, 'generic').length, 5);
  assert.match(apiVersionDoc('multicluster.x-k8s.io/v1beta1', 'ServiceExport') ?? '', /from mcs-api v0\.5\.0/);
  assert.match(apiVersionDoc('about.k8s.io/v1', 'ClusterProperty') ?? '', /does not exist/);
  assert.equal(apiVersionDoc('apps/v1', 'Deployment'), undefined);
});
