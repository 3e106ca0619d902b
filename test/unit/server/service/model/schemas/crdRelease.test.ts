import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../../../server/src/protocol';
import { installedCrds, parseRelease, releaseBefore } from '../../../../../../server/src/service/model/schemas/crdRelease';

test('releases parse with or without v and patch, and compare numerically', () => {
  assert.deepEqual(parseRelease('v0.4.1'), [0, 4, 1]);
  assert.deepEqual(parseRelease('0.10'), [0, 10, 0]);
  assert.equal(parseRelease('latest'), undefined);
  assert.equal(releaseBefore('v0.4.1', 'v0.5.0'), true);
  assert.equal(releaseBefore('v0.10.0', 'v0.5.0'), false);
  assert.equal(releaseBefore('v0.5.0', 'v0.5.0'), false);
  assert.equal(releaseBefore('junk', 'v0.5.0'), false);
});

test('installed CRDs: the setting wins, the aws profile means pre-v0.2.0 CRDs, otherwise latest', () => {
  assert.deepEqual(installedCrds({ ...DEFAULT_SETTINGS, crdVersion: ' v0.3.0 ' }), {
    release: 'v0.3.0',
    source: 'clusterset.crdVersion is v0.3.0',
  });
  assert.equal(installedCrds({ ...DEFAULT_SETTINGS, implementation: 'aws' }).release, 'v0.1.0');
  assert.equal(installedCrds(DEFAULT_SETTINGS).release, undefined);
});
