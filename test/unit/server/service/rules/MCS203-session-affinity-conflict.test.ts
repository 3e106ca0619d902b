import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith } from '../../../../helpers/lint';

const EXPORT = '---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const svc = (spec: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n${spec}  ports: [{port: 80}]\n${EXPORT}`;

test('MCS203 reports sessionAffinity differences on both sides', () => {
  const s = serviceWith({ 'clusters/east/web.yaml': svc('  sessionAffinity: ClientIP\n'), 'clusters/west/web.yaml': svc('') });
  const east = diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS203');
  assert.deepEqual(
    east.map((d) => [d.line, d.character, d.endCharacter, d.severity]),
    [[4, 19, 27, 2]],
  );
  assert.match(east[0].message, /sessionAffinity ClientIP in cluster east but None in cluster west: .*SessionAffinityConflict/);
  assert.deepEqual(
    diagnosticsOf(s, 'clusters/west/web.yaml', 'MCS203').map((d) => [d.line, d.character]),
    [[2, 17]],
  );
});

test('MCS203 reports different ClientIP timeouts, counting the 10800 s default', () => {
  const timeout = (t: number) =>
    `  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: ${t}\n`;
  const s = serviceWith({
    'clusters/east/web.yaml': svc(timeout(600)),
    'clusters/west/web.yaml': svc('  sessionAffinity: ClientIP\n'),
  });
  const east = diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS203');
  assert.deepEqual(
    east.map((d) => [d.line, d.character, d.endCharacter]),
    [[7, 22, 25]],
  );
  assert.match(east[0].message, /timeout of 600 s in cluster east but 10800 s in cluster west: .*SessionAffinityConfigConflict/);
  const same = serviceWith({
    'clusters/east/web.yaml': svc(timeout(10800)),
    'clusters/west/web.yaml': svc('  sessionAffinity: ClientIP\n'),
  });
  assert.deepEqual(diagnosticsOf(same, 'clusters/east/web.yaml', 'MCS203'), []);
});
