import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const SI = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const SE = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

test('MCS005 flags the catalogue example: trafficDistribution with CRDs v0.3.0, on the key, as an error (a named release)', () => {
  const d = lintOne(`${SI}spec: {type: ClusterSetIP, ports: [{port: 80}], trafficDistribution: PreferSameZone}\n`, 'MCS005', {
    crdVersion: 'v0.3.0',
  });
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [3, 48, 3, 67, 1]);
  assert.match(
    d[0].message,
    /^spec\.trafficDistribution was added to the ServiceImport CRD in mcs-api v0\.4\.0, but clusterset\.crdVersion is v0\.3\.0/,
  );
  assert.match(d[0].message, /Upgrade the CRDs/);
});

test("MCS005 knows each field's release: v0.2.0 export labels, v0.4.0 import fields, endpointSliceObjects from v0.5.1", () => {
  const exportText = `${SE}spec:\n  exportedLabels: {tier: gold}\n  exportedAnnotations: {a: b}\n`;
  assert.deepEqual(
    lintOne(exportText, 'MCS005', { crdVersion: 'v0.1.0' }).map((d) => d.line),
    [4, 5],
  );
  assert.deepEqual(lintOne(exportText, 'MCS005', { crdVersion: 'v0.2.0' }), []);
  const importText = `${SI}spec:\n  type: ClusterSetIP\n  ports: [{port: 80}]\n  ipFamilies: [IPv4]\n  internalTrafficPolicy: Cluster\nstatus:\n  conditions: []\n  endpointSliceObjects: Absent\n`;
  const old = lintOne(importText, 'MCS005', { crdVersion: 'v0.3.0' });
  assert.deepEqual(
    old.map((d) => d.message.split(' ')[0]),
    ['spec.ipFamilies', 'spec.internalTrafficPolicy', 'status.conditions', 'status.endpointSliceObjects'],
  );
  const v05 = lintOne(importText, 'MCS005', { crdVersion: 'v0.5.0' });
  assert.equal(v05.length, 1);
  assert.match(
    v05[0].message,
    /^status\.endpointSliceObjects was added to the ServiceImport CRD in mcs-api v0\.5\.1, but clusterset\.crdVersion is v0\.5\.0/,
  );
  assert.deepEqual(lintOne(importText, 'MCS005', { crdVersion: 'v0.5.2' }), []);
});

test('MCS005 is silent with the latest CRDs (empty crdVersion) and for unparsable versions', () => {
  const text = `${SE}spec:\n  exportedLabels: {tier: gold}\n`;
  assert.deepEqual(lintOne(text, 'MCS005'), []);
  assert.deepEqual(lintOne(text, 'MCS005', { crdVersion: 'main' }), []);
});

test('MCS005 assumes the AWS vendored CRDs (before v0.2.0) in the aws profile without crdVersion', () => {
  const [d] = lintOne(`${SE}spec:\n  exportedLabels: {tier: gold}\n`, 'MCS005', { implementation: 'aws' });
  assert.equal(d.severity, 2, 'an inferred release stays a warning');
  assert.match(
    d.message,
    /spec\.exportedLabels was added to the ServiceExport CRD in mcs-api v0\.2\.0, but the aws profile installs the controller's vendored CRDs/,
  );
  assert.deepEqual(
    lintOne(`${SE}spec:\n  exportedLabels: {tier: gold}\n`, 'MCS005', { implementation: 'aws', crdVersion: 'v0.4.0' }),
    [],
  );
});

test('MCS005 can be suppressed on the line', () => {
  assert.deepEqual(
    lintOne(`${SE}spec:\n  # clusterset-disable-next-line MCS005\n  exportedLabels: {tier: gold}\n`, 'MCS005', {
      crdVersion: 'v0.1.0',
    }),
    [],
  );
});
