import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';
import { checkConditions } from '../../../../../server/src/service/rules/conditionChecks';

const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const TIME = 'lastTransitionTime: "2026-01-01T00:00:00Z"';

test('checkConditions returns MCS420 findings by path, without a severity for schema problems', () => {
  const doc = parseDocumentText(
    `${EXPORT}status:\n  conditions:\n  - {type: Valid, status: "False", reason: NoService, message: "no Service", ${TIME}}\n  - {type: "bad type!", status: Unknown, reason: "9lives", message: m, ${TIME}, observedGeneration: -1}\n`,
  );
  const f = checkConditions(doc, ['status', 'conditions']);
  assert.deepEqual(
    f.map((x) => [x.ruleId, x.path.join('.'), x.severity]),
    [
      ['MCS420', 'status.conditions.1.type', undefined],
      ['MCS420', 'status.conditions.1.reason', undefined],
      ['MCS420', 'status.conditions.1.observedGeneration', undefined],
    ],
  );
  assert.match(f[0].message, /not a qualified name of at most 316 characters/);
  assert.match(f[2].message, /integer ≥ 0/);
});

test('checkConditions checks lengths and non-mapping entries', () => {
  const long = 'x'.repeat(32769);
  const doc = parseDocumentText(
    `${EXPORT}status:\n  conditions:\n  - {type: Ready, status: "True", reason: Exported, message: "${long}", ${TIME}}\n  - just-a-string\n`,
  );
  const f = checkConditions(doc, ['status', 'conditions']);
  assert.deepEqual(
    f.map((x) => x.path.join('.')),
    ['status.conditions.0.message', 'status.conditions.1'],
  );
  assert.match(f[0].message, /32769 characters; the CRD allows at most 32768/);
  assert.match(f[1].message, /not a mapping/);
});

test('checkConditions knows the upstream reasons of each kind and tolerates the profile implementation', () => {
  const doc = parseDocumentText(
    `${EXPORT}status:\n  conditions:\n  - {type: Valid, status: "False", reason: NamespaceNotGlobal, message: m, ${TIME}}\n  - {type: Custom, status: "True", reason: Anything, message: m, ${TIME}}\n`,
  );
  const generic = checkConditions(doc, ['status', 'conditions']);
  assert.deepEqual(
    generic.map((x) => [x.severity, x.path.join('.')]),
    [['hint', 'status.conditions.0.reason']],
  );
  assert.match(generic[0].message, /Cilium-specific/);
  assert.deepEqual(checkConditions(doc, ['status', 'conditions'], { implementation: 'cilium' }), []);
  assert.deepEqual(checkConditions(doc, ['status', 'missing']), []);
});
