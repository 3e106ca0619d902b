import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFixturePath } from '../../../../../server/src/service/rules/MCS4xx-import-helpers';

test('isFixturePath: test and fixture folders inside the workspace, asked in any order', () => {
  // The answer for the last path is kept: alternating paths must each get their own.
  const cases: Array<[string, boolean]> = [
    ['/test/imports.yaml', true],
    ['/deploy/imports.yaml', false],
    ['/deploy/imports.yaml', false],
    ['/charts/mcs/testdata/import.yaml', true],
    ['/Fixtures/import.yaml', true],
    ['/e2e/import.yaml', true],
    ['/contest/import.yaml', false],
    ['/test/imports.yaml', true],
    ['/golden.yaml', false],
  ];
  for (const [path, expected] of cases) assert.equal(isFixturePath(path), expected, path);
});
