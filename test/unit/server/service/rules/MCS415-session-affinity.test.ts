import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const HEAD =
  'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\nspec:\n  type: ClusterSetIP\n  ports: [{port: 80}]\n';
const at = (d: ReturnType<typeof lintOne>) => d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]);

test('MCS415 flags a ClientIP timeout above 86400 seconds', () => {
  const d = lintOne(
    `${HEAD}  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 90000}}\n`,
    'MCS415',
  );
  assert.deepEqual(at(d), [[7, 53, 7, 58, 1]]);
  assert.match(d[0].message, /timeoutSeconds is 90000, outside 1–86400/);
  // A string is refused for its type: MCS011 reports it, in the API server's words.
  const quoted = `${HEAD}  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: "60"}}\n`;
  assert.deepEqual(lintOne(quoted, 'MCS415'), []);
  assert.match(lintOne(quoted, 'MCS011')[0].message, /timeoutSeconds in body must be of type integer: \\"string\\"/);
});

test('MCS415 flags an unknown sessionAffinity and fixes its case', () => {
  const d = lintOne(`${HEAD}  sessionAffinity: Sticky\n`, 'MCS415');
  assert.deepEqual(at(d), [[6, 19, 6, 25, 1]]);
  assert.match(d[0].message, /spec\.sessionAffinity is "Sticky", not ClientIP or None/);
  const s = serviceWith({ 'a.yaml': `${HEAD}  sessionAffinity: clientip\n` });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS415');
  const fix = s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title === 'Change to ClientIP');
  assert.equal(fix?.edit?.changes?.[uriOf('a.yaml')][0].newText, 'ClientIP');
});

test('MCS415 hints that affinity config is ignored with None or on a Headless import', () => {
  const none = lintOne(`${HEAD}  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}\n`, 'MCS415');
  assert.deepEqual(at(none), [[6, 2, 6, 23, 4]]);
  assert.match(none[0].message, /sessionAffinityConfig is ignored: sessionAffinity is unset \(None\)/);
  const headless = lintOne(
    `${HEAD.replace('ClusterSetIP', 'Headless')}  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}\n`,
    'MCS415',
  );
  assert.deepEqual(
    headless.map((x) => x.severity),
    [4],
  );
  assert.match(headless[0].message, /the import is Headless/);
});

test('MCS415 accepts ClientIP with a valid timeout and plain None', () => {
  assert.deepEqual(
    lintOne(`${HEAD}  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}\n`, 'MCS415'),
    [],
  );
  assert.deepEqual(lintOne(`${HEAD}  sessionAffinity: None\n`, 'MCS415'), []);
});
