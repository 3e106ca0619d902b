import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertPairEdit, type InsertValue } from '../../../../../server/src/service/cidr/yamlEdits';
import { parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';
import { asMap, nodeAt, type NodePath } from '../../../../../server/src/service/parse/path';

/** Applies the edit that adds `key: value` to the mapping at `path` and returns the new text. */
function inserted(text: string, path: NodePath, key: string, value: InsertValue): string | undefined {
  const doc = parseDocumentText(text, { force: true });
  const map = asMap(nodeAt(doc.root, path));
  assert.ok(map, 'mapping exists');
  const e = insertPairEdit(text, map, key, value);
  if (!e) return undefined;
  assert.equal(e.op, 'insertText');
  return e.op === 'insertText' ? text.slice(0, e.at) + e.text + text.slice(e.at) : undefined;
}

test('flow mappings get the pair inline, nested values as a flow mapping', () => {
  assert.equal(
    inserted('c: {name: east, podCIDRs: [10.0.0.0/16]}\n', ['c'], 'globalCIDR', '242.0.0.0/16'),
    'c: {name: east, podCIDRs: [10.0.0.0/16], globalCIDR: 242.0.0.0/16}\n',
  );
  assert.equal(inserted('spec: {}\n', ['spec'], 'overlap', [['mode', 'globalnet']]), 'spec: {overlap: {mode: globalnet}}\n');
});

test('block mappings: a new line after the first one-line pair, at the mapping’s indentation, keeping trailing comments', () => {
  assert.equal(
    inserted('spec:\n  implementation: submariner  # prod\n  clusters: []\n', ['spec'], 'overlap', [['mode', 'globalnet']]),
    'spec:\n  implementation: submariner  # prod\n  overlap:\n    mode: globalnet\n  clusters: []\n',
  );
  assert.equal(
    inserted('clusters:\n- name: east\n  podCIDRs: [10.0.0.0/16]\n', ['clusters', 0], 'globalCIDR', '242.0.0.0/16'),
    'clusters:\n- name: east\n  globalCIDR: 242.0.0.0/16\n  podCIDRs: [10.0.0.0/16]\n',
  );
});

test('block mapping whose values are all block collections: insert before the first key', () => {
  assert.equal(
    inserted('spec:\n  clusters:\n  - name: east\n', ['spec'], 'overlap', [['mode', 'globalnet']]),
    'spec:\n  overlap:\n    mode: globalnet\n  clusters:\n  - name: east\n',
  );
  const r = inserted('spec:\n  clusters:\n  - name: east\n', ['spec'], 'overlap', [['mode', 'globalnet']]);
  assert.ok(r && parseDocumentText(r, { force: true }).syntaxProblems.length === 0);
});
