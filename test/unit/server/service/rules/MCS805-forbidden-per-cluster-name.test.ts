import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const deployment = (value: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app, namespace: shop}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        env:\n        - {name: BACKEND, value: ${value}}\n`;

test('MCS805 flags <cluster>.<svc>.<ns>.svc.clusterset.local in an env value, with a fix', () => {
  const text = deployment('east.web.shop.svc.clusterset.local');
  const d = lintOne(text, 'MCS805');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [9, 33, 9, 67, 2]);
  assert.match(
    d[0].message,
    /east\.web\.shop\.svc\.clusterset\.local asks for the backends of one cluster: the MCS DNS spec forbids.*per-cluster Service \(web-east\)/,
  );
  const s = serviceWith({ 'a.yaml': text });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS805');
  const fix = s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title.startsWith('Use web'));
  assert.deepEqual(fix?.edit?.changes?.[uriOf('a.yaml')], [{ range: diags[0].range, newText: 'web.shop.svc.clusterset.local' }]);
});

test('MCS805 finds names inside a URL in a ConfigMap block scalar; Hint in the submariner profile', () => {
  const cm =
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata:\n  config.yaml: |\n    backend: http://west.web.shop.svc.clusterset.local:8080/api\n';
  const [d] = lintOne(cm, 'MCS805', { implementation: 'submariner' });
  assert.deepEqual([d.line, d.character, d.endCharacter, d.severity], [5, 20, 54, 4]);
});

test('MCS805 flags a known dotted cluster id and accepts service, SRV and per-endpoint names', () => {
  const clusterSet =
    'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata: {name: prod}\nspec: {clusters: [{name: east.aws}]}\n';
  assert.equal(
    diagnosticsOf(
      serviceWith({ 'cs.yaml': clusterSet, 'a.yaml': deployment('east.aws.web.shop.svc.clusterset.local') }),
      'a.yaml',
      'MCS805',
    ).length,
    1,
  );
  for (const ok of [
    'web.shop.svc.clusterset.local',
    '_http._tcp.web.shop.svc.clusterset.local',
    'pod-0.east.db.shop.svc.clusterset.local',
    'east.web.shop.svc.cluster.local',
  ]) {
    assert.deepEqual(lintOne(deployment(ok), 'MCS805'), [], ok);
  }
});
