import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const exp = (spec: string) =>
  `apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\nspec:\n${spec}`;

test('MCS106 flags an invalid exported label key on the key', () => {
  const d = lintOne(exp('  exportedLabels:\n    tier/frontend/extra: "yes"\n'), 'MCS106');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endCharacter, x.severity]),
    [[5, 4, 23, 1]],
  );
  assert.match(d[0].message, /key "tier\/frontend\/extra" is not a valid label key: a key may contain at most one "\/"/);
});

test('MCS106 flags bad label values, bad prefixes and non-string values', () => {
  const d = lintOne(
    exp(
      '  exportedLabels:\n    Example.com/tier: gold\n    team: "-bad"\n    replicas: 3\n  exportedAnnotations:\n    note: "any value: fine"\n    bad key: x\n',
    ),
    'MCS106',
  );
  assert.deepEqual(
    d.map((x) => [x.line, x.character]),
    [
      [5, 4],
      [6, 10],
      [7, 14],
      [10, 4],
    ],
  );
  assert.match(d[0].message, /prefix "Example\.com" must be a lowercase DNS subdomain/);
  assert.match(d[1].message, /invalid value "-bad"/);
  assert.match(d[2].message, /has a number value; exportedLabels is a map of strings .*Quote it: "3"/);
  assert.match(d[3].message, /annotation key "bad key"/);
});

test('MCS106 accepts valid keys and values', () => {
  assert.deepEqual(
    lintOne(
      exp(
        '  exportedLabels:\n    app.kubernetes.io/part-of: shop\n    tier: ""\n  exportedAnnotations:\n    example.com/owner: "Team A, 24/7"\n',
      ),
      'MCS106',
    ),
    [],
  );
});

test('MCS106 on an unquoted YAML 1.1 boolean says how kubectl reads it and gives the fix once', () => {
  const [d] = lintOne(exp('  exportedLabels:\n    enabled: no\n'), 'MCS106');
  assert.match(d.message, /has a boolean value \(`no` is the boolean false for kubectl \(YAML 1\.1\)\);/);
  assert.match(d.message, /Quote it: "no"\.$/);
  assert.equal(d.message.match(/quote it/gi)?.length, 1);
});
