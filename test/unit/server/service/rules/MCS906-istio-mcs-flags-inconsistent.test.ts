import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const istiod = (env: string, name = 'istiod') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: istio-system}\nspec:\n  template:\n    spec:\n      containers:\n      - name: discovery\n        env:\n${env}`;

test('MCS906 flags ENABLE_MCS_HOST without service discovery, on its value', () => {
  const d = lintOne(istiod('        - name: ENABLE_MCS_HOST\n          value: "true"\n'), 'MCS906');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [10, 17, 10, 23, 2]);
  assert.match(d[0].message, /ENABLE_MCS_HOST=true without ENABLE_MCS_SERVICE_DISCOVERY=true: istiod ignores/);
});

test('MCS906 flags ENABLE_MCS_CLUSTER_LOCAL without both', () => {
  const [d] = lintOne(
    istiod(
      '        - {name: ENABLE_MCS_SERVICE_DISCOVERY, value: "1"}\n        - {name: ENABLE_MCS_CLUSTER_LOCAL, value: "true"}\n',
    ),
    'MCS906',
  );
  assert.match(d.message, /ENABLE_MCS_CLUSTER_LOCAL=true without ENABLE_MCS_HOST=true/);
});

test('MCS906 accepts consistent flags and ignores other Deployments', () => {
  assert.deepEqual(
    lintOne(
      istiod(
        '        - {name: ENABLE_MCS_SERVICE_DISCOVERY, value: "true"}\n        - {name: ENABLE_MCS_HOST, value: "true"}\n        - {name: ENABLE_MCS_CLUSTER_LOCAL, value: "true"}\n',
      ),
      'MCS906',
    ),
    [],
  );
  assert.deepEqual(lintOne(istiod('        - {name: ENABLE_MCS_HOST, value: "true"}\n', 'web'), 'MCS906'), []);
});
