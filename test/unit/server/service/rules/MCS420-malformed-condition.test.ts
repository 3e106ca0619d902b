import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const IMPORT =
  'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\nspec: {type: ClusterSetIP, ports: [{port: 80}]}\n';
const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const FIXTURE = 'fixtures/status.yaml';
const inFixture = (text: string, settings = {}) => diagnosticsOf(serviceWith({ [FIXTURE]: text }, settings), FIXTURE, 'MCS420');
const at = (d: ReturnType<typeof lintOne>) => d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]);

test('MCS420: the catalogue example gives three Errors in a fixture (missing message, boolean status, bad reason)', () => {
  const text = `${EXPORT}status:\n  conditions:\n  - {type: Conflict, status: true, reason: "Port Conflict", lastTransitionTime: "2026-01-01T00:00:00Z"}\n`;
  const d = inFixture(text);
  assert.deepEqual(at(d), [
    [5, 4, 5, 103, 1],
    [5, 29, 5, 33, 1],
    [5, 43, 5, 58, 1],
  ]);
  assert.match(d[0].message, /Condition is missing message: metav1\.Condition requires/);
  assert.match(
    d[1].message,
    /status is the YAML boolean true, but the CRD enum is the strings "True", "False", "Unknown".*Quote it: "True"/,
  );
  assert.match(d[2].message, /reason "Port Conflict" does not match/);
});

test('MCS420 quick fixes quote a boolean status and squeeze the reason', () => {
  const text = `${EXPORT}status:\n  conditions:\n  - {type: Conflict, status: true, reason: "Port Conflict", message: m, lastTransitionTime: "2026-01-01T00:00:00Z"}\n`;
  const s = serviceWith({ [FIXTURE]: text });
  const diags = s.validate(uriOf(FIXTURE)).diagnostics.filter((x) => x.code === 'MCS420');
  const actionsFor = (i: number) => s.codeActions(uriOf(FIXTURE), diags[i].range, [diags[i]]);
  assert.equal(diags.length, 2);
  assert.deepEqual(actionsFor(0).find((a) => a.title === 'Change status to "True"')?.edit?.changes?.[uriOf(FIXTURE)], [
    { range: { start: { line: 5, character: 29 }, end: { line: 5, character: 33 } }, newText: '"True"' },
  ]);
  assert.equal(
    actionsFor(1).find((a) => a.title === 'Change reason to PortConflict')?.edit?.changes?.[uriOf(FIXTURE)][0].newText,
    'PortConflict',
  );
});

test('MCS420 is a Warning outside fixtures and checks ServiceImport conditions too', () => {
  const d = lintOne(
    `${IMPORT}status:\n  conditions:\n  - type: Ready\n    status: "yes"\n    reason: Ready\n    message: ok\n    lastTransitionTime: yesterday\n`,
    'MCS420',
  );
  assert.deepEqual(at(d), [
    [7, 12, 7, 17, 2],
    [10, 24, 10, 33, 2],
  ]);
  assert.match(d[0].message, /status is "yes", not "True", "False" or "Unknown"/);
  assert.match(d[1].message, /lastTransitionTime "yesterday" is not an RFC 3339 date-time/);
});

test('MCS420 hints at implementation-specific reasons unless the profile is that implementation', () => {
  const text = `${EXPORT}status:\n  conditions:\n  - {type: Conflict, status: "True", reason: "ConflictingPorts", message: m, lastTransitionTime: "2026-01-01T00:00:00Z"}\n`;
  const d = inFixture(text);
  assert.deepEqual(
    d.map((x) => x.severity),
    [4],
  );
  assert.match(
    d[0].message,
    /Reason "ConflictingPorts" is not an upstream reason for ServiceExport condition Conflict \(Submariner-specific; upstream uses PortConflict\)/,
  );
  assert.deepEqual(inFixture(text, { implementation: 'submariner' }), []);
  const custom = inFixture(text.replace('ConflictingPorts', 'Weird'));
  assert.match(custom[0].message, /mcs-api defines NoConflicts, PortConflict/);
});

test('MCS420 flags duplicate condition types and accepts valid combined reasons', () => {
  const ok =
    '  - {type: Conflict, status: "True", reason: "PortConflict,TypeConflict", message: m, lastTransitionTime: "2026-01-01T00:00:00Z", observedGeneration: 2}\n';
  assert.deepEqual(inFixture(`${EXPORT}status:\n  conditions:\n${ok}`), []);
  const d = inFixture(`${EXPORT}status:\n  conditions:\n${ok}${ok}`);
  assert.deepEqual(
    d.map((x) => x.line),
    [6],
  );
  assert.match(d[0].message, /Condition type "Conflict" appears twice/);
});
