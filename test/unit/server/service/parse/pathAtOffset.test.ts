import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';
import { pathAtOffset } from '../../../../../server/src/service/parse/pathAtOffset';

const TEXT =
  'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n  ips: [10.0.0.1, "fd00::1"]\n';
const root = parseDocumentText(TEXT).root;
const at = (needle: string, delta = 0): ReturnType<typeof pathAtOffset> => pathAtOffset(root, TEXT.indexOf(needle) + delta);

test('a key, at its start and right after its last character', () => {
  assert.deepEqual(at('protocol')?.path, ['spec', 'ports', 0, 'protocol']);
  assert.equal(at('protocol')?.onKey, true);
  assert.equal(at('protocol', 8)?.onKey, true);
  assert.deepEqual(at('kind')?.path, ['kind']);
});

test('scalar values, in block and flow sequences', () => {
  const tcp = at('TCP', 1);
  assert.deepEqual([tcp?.path, tcp?.onKey, tcp?.node.type], [['spec', 'ports', 0, 'protocol'], false, 'scalar']);
  assert.deepEqual(at('fd00', 2)?.path, ['spec', 'ips', 1]);
  assert.deepEqual(at('80')?.path, ['spec', 'ports', 0, 'port']);
});

test('between tokens gives the innermost container; outside the tree gives undefined', () => {
  const r = at('ips: [', 5);
  assert.deepEqual([r?.path, r?.node.type], [['spec', 'ips'], 'seq']);
  assert.equal(pathAtOffset(root, TEXT.length + 10), undefined);
  assert.equal(pathAtOffset(null, 0), undefined);
});
