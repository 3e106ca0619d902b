import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../server/src/service/languageService';
import { warmUp } from '../../../server/src/warmUp';

test('warm-up exercises parse and validation and leaves nothing behind', () => {
  const s = createLanguageService();
  warmUp(s, 2);
  assert.equal([...s.uris()].length, 0);
  assert.equal(s.index.objectCount, 0);
  assert.equal(s.index.fileCount, 0);
  // The real first file still validates normally afterwards.
  s.setFile(
    'file:///w/a.yaml',
    'apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: a, namespace: shop}\n',
    1,
  );
  assert.equal(s.validate('file:///w/a.yaml').diagnostics.filter((d) => d.code === 'MCS001').length, 1);
});
