import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineShape, Outline } from '../../../../server/src/service/completionContext';

test('lineShape reads dash, key column, key and whether a value follows', () => {
  assert.deepEqual(lineShape('  - port: 80 # c'), { blank: false, dashCol: 2, keyCol: 4, key: 'port', hasValue: true });
  assert.deepEqual(lineShape('spec:'), { blank: false, dashCol: undefined, keyCol: 0, key: 'spec', hasValue: false });
  assert.deepEqual(lineShape('  "x/y": z'), { blank: false, dashCol: undefined, keyCol: 2, key: 'x/y', hasValue: true });
  assert.equal(lineShape('   # only a comment').blank, true);
  assert.equal(lineShape('  typ').key, undefined);
});

const LINES = [
  'spec:',
  '  ports:',
  '  - name: a',
  '    port: 80',
  '  - name: b',
  '    ',
  'status:',
  '  clusters:',
  '    - cluster: east',
  '      ',
];

test('containers of keys and items from indentation, with indentless and indented lists', () => {
  const o = new Outline(LINES);
  assert.deepEqual(o.containerOfKey(5, 4), ['spec', 'ports', 1]);
  assert.deepEqual(o.itemPath(4, 2), ['spec', 'ports', 1]);
  assert.deepEqual(o.containerOfKey(9, 6), ['status', 'clusters', 0]);
  assert.deepEqual(o.containerOfKey(6, 0), []);
  assert.deepEqual(o.containerOfKey(5, 2), ['spec']);
});

test('sibling keys of the map at the cursor, above and below', () => {
  const o = new Outline(['spec:', '  type: A', '  ', '  ips: []', 'status: {}']);
  assert.deepEqual([...o.siblingKeys(2, 2, false)], ['type', 'ips']);
  const items = new Outline(LINES);
  assert.deepEqual([...items.siblingKeys(5, 4, false)], ['name']);
});
