// What the differential test (test/integration/differential.test.ts) measured against a real API server,
// pinned per rule: server-side defaults are not errors, a value of the wrong type gets exactly one error
// (MCS011's), and messages say "the API server rejects" only where it does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const SI = 'apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';
const errors = (text: string) => lintOne(text).filter((d) => d.severity === 1);

test('protocol "" and sessionAffinity "" are defaulted by the derived Service (TCP, None): no error', () => {
  assert.deepEqual(errors(`${SI}spec: {type: ClusterSetIP, ports: [{port: 80, protocol: ""}], sessionAffinity: ""}\n`), []);
  // internalTrafficPolicy is a pointer: "" is copied as "" and Service validation refuses it.
  assert.deepEqual(
    errors(`${SI}spec: {type: ClusterSetIP, ports: [{port: 80}], internalTrafficPolicy: ""}\n`).map((d) => d.code),
    ['MCS416'],
  );
});

test('a value of the wrong type gets one error, from MCS011, whatever rule also reads the field', () => {
  const cases = [
    'spec: {type: 7, ports: [{port: 80}]}',
    'spec: {type: ClusterSetIP, ports: [{port: 80, protocol: 6}]}',
    'spec: {type: ClusterSetIP, ports: [{port: 80, appProtocol: 8080}]}',
    'spec: {type: ClusterSetIP, ports: [{port: 80}], sessionAffinity: true}',
    'spec: {type: ClusterSetIP, ports: [{port: 80}], ipFamilies: [4]}',
    'spec: {type: ClusterSetIP, ports: [{port: 80}], trafficDistribution: 1}',
    'spec: {type: ClusterSetIP, ports: [{port: 80}], sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: "60"}}}',
  ];
  for (const c of cases)
    assert.deepEqual(
      errors(`${SI}${c}\n`).map((d) => d.code),
      ['MCS011'],
      c,
    );
  const cp = 'apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata: {name: clusterset.k8s.io}\nspec: prod\n';
  assert.deepEqual(
    errors(cp).map((d) => d.code),
    ['MCS011'],
  );
  const se = (name: string) =>
    `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: ${name}, namespace: shop}\n`;
  assert.deepEqual(
    errors(se('Web')).map((d) => d.code),
    ['MCS010'],
    'not a subdomain: MCS010 alone, not MCS105 too',
  );
  assert.deepEqual(
    errors(se('web.v2')).map((d) => d.code),
    ['MCS105'],
    'a subdomain no Service can have: MCS105',
  );
});

test('a spec-less ServiceImport is accepted by the API server, and the error says so', () => {
  for (const text of [SI, `${SI}spec: null\n`]) {
    const [d] = lintOne(text, 'MCS402');
    assert.match(
      d.message,
      /the API server accepts it \(spec itself is optional in the CRD\), but an import without type and ports/,
    );
    assert.doesNotMatch(d.message, /API server rejects/);
  }
  assert.match(lintOne(`${SI}spec: web\n`, 'MCS402')[0].message, /so the API server rejects the ServiceImport/);
});

test('status findings say the server rejects a status write, not the applied manifest (whose status is discarded)', () => {
  const text = `${SI}spec: {type: ClusterSetIP, ports: [{port: 80}]}\nstatus:\n  clusters: [{cluster: east}, {cluster: east}]\n  conditions:\n  - {type: Ready, status: "True"}\n`;
  const messages = lintOne(text)
    .filter((d) => d.code === 'MCS418' || d.code === 'MCS420')
    .map((d) => d.message);
  assert.ok(messages.length >= 2, JSON.stringify(messages));
  for (const m of messages)
    assert.match(m, /when a controller writes the status \(an applied manifest has its status discarded\)/);
});
