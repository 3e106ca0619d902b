import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const svc = (annotations: string, spec = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n${annotations}spec:\n${spec}  ports: [{port: 80}]\n`;

test('MCS306 flags a topology-mode value other than Auto/Disabled', () => {
  const d = lintOne(svc('    service.kubernetes.io/topology-mode: zone\n'), 'MCS306');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endCharacter, x.severity]),
    [[5, 41, 45, 4]],
  );
  assert.match(d[0].message, /"zone" is not Auto or Disabled: only Auto turns on topology-aware routing/);
  assert.deepEqual(lintOne(svc('    service.kubernetes.io/topology-mode: Auto\n'), 'MCS306'), []);
});

test('MCS306 offers renaming the legacy annotation, except when targeting Kubernetes before 1.27', () => {
  const text = svc('    service.kubernetes.io/topology-aware-hints: auto\n');
  const s = serviceWith({ 'a.yaml': text });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS306');
  assert.deepEqual(
    diags.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]),
    [[5, 4, 46]],
  );
  const fix = s
    .codeActions(uriOf('a.yaml'), diags[0].range, diags)
    .find((a) => a.title === 'Rename to service.kubernetes.io/topology-mode');
  assert.deepEqual(fix?.edit?.changes?.[uriOf('a.yaml')]?.[0].newText, 'service.kubernetes.io/topology-mode');
  assert.deepEqual(lintOne(text, 'MCS306', { kubernetesVersion: '1.26' }), []);
});

test('MCS306 flags the annotation together with trafficDistribution', () => {
  const d = lintOne(svc('    service.kubernetes.io/topology-mode: Auto\n', '  trafficDistribution: PreferSameZone\n'), 'MCS306');
  assert.deepEqual(
    d.map((x) => [x.line, x.character]),
    [[7, 2]],
  );
  assert.match(
    d[0].message,
    /topology-mode: Auto and spec\.trafficDistribution are set: the annotation takes precedence and trafficDistribution is ignored/,
  );
  assert.deepEqual(
    lintOne(svc('    service.kubernetes.io/topology-mode: Disabled\n', '  trafficDistribution: PreferSameZone\n'), 'MCS306'),
    [],
  );
});
