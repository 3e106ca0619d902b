// A rule that throws is a bug the tests must see: the engine turns it into one MCS000 warning on the
// document, calls `onRuleCrash`, and still runs the other rules. A real rule's `check` is swapped for one
// that throws (our own interface, restored after each test).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../../server/src/service/languageService';
import { ALL_RULES } from '../../../../server/src/service/rules/allRules';
import type { Rule } from '../../../../server/src/service/rules/rule';
import { RULE_CRASH_CODE, type RuleCrash } from '../../../../server/src/service/validate';

const URI = 'file:///ws/clusters/east/web.yaml';
const EXPORT = `apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceExport
metadata: {name: web}
spec:
  bogus: 1
`;

function withCrashing<T>(id: string, run: (rule: Rule) => T): T {
  const rule = ALL_RULES.find((r) => r.id === id);
  assert.ok(rule, `${id} is a rule`);
  const original = rule.check;
  rule.check = () => {
    throw new TypeError(`cannot read properties of undefined (in ${id})`);
  };
  try {
    return run(rule);
  } finally {
    rule.check = original;
  }
}

test('a rule that throws gives one MCS000 warning, calls onRuleCrash, and the other rules still report', () => {
  const crashes: RuleCrash[] = [];
  withCrashing('MCS101', () => {
    const service = createLanguageService({ onRuleCrash: (c) => crashes.push(c) });
    service.setFile(URI, EXPORT, 1);
    const { diagnostics } = service.validate(URI);
    const crash = diagnostics.filter((d) => d.code === RULE_CRASH_CODE);
    assert.equal(crash.length, 1);
    assert.equal(crash[0].severity, 2, 'a warning, so it is seen');
    assert.match(crash[0].message, /rule MCS101 crashed on this document \(TypeError: cannot read properties/);
    assert.equal(crash[0].codeDescription?.href.endsWith('/MCS000.md'), true);
    assert.ok(
      diagnostics.some((d) => d.code === 'MCS006'),
      'MCS006 (missing namespace) still reported',
    );
    assert.equal(
      diagnostics.some((d) => d.code === 'MCS101'),
      false,
    );
    assert.equal(crashes.length, 1);
    assert.equal(crashes[0].ruleId, 'MCS101');
    assert.equal(crashes[0].uri, URI);
    assert.equal(crashes[0].docIndex, 0);
    assert.ok(crashes[0].error instanceof TypeError);
  });
});

test('a local (per-document) rule that throws is reported the same way', () => {
  const crashes: RuleCrash[] = [];
  withCrashing('MCS004', (rule) => {
    assert.equal(rule.crossFile ?? false, false, 'MCS004 is a per-document rule');
    const service = createLanguageService({ onRuleCrash: (c) => crashes.push(c) });
    service.setFile(URI, EXPORT, 1);
    const codes = service.validate(URI).diagnostics.map((d) => d.code);
    assert.ok(codes.includes(RULE_CRASH_CODE));
    assert.equal(codes.includes('MCS004'), false);
  });
  assert.deepEqual(
    crashes.map((c) => c.ruleId),
    ['MCS004'],
  );
});

test('no MCS000 and no onRuleCrash call when every rule runs cleanly', () => {
  const crashes: RuleCrash[] = [];
  const service = createLanguageService({ onRuleCrash: (c) => crashes.push(c) });
  service.setFile(URI, EXPORT, 1);
  assert.equal(
    service.validate(URI).diagnostics.some((d) => d.code === RULE_CRASH_CODE),
    false,
  );
  assert.deepEqual(crashes, []);
});
