import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestName, editDistance } from '../../../../../../server/src/service/model/schemas/suggest';

test('edit distance counts a transposition as one edit and stops past the limit', () => {
  assert.equal(editDistance('protocl', 'protocol', 2), 1);
  assert.equal(editDistance('nmae', 'name', 2), 1);
  assert.equal(editDistance('a', 'abcdef', 2), 3);
});

test('closestName is case-insensitive and strict for short keys', () => {
  assert.equal(closestName('IPs', ['ips', 'type']), 'ips');
  assert.equal(closestName('podCIDR', ['podCIDRs', 'serviceCIDRs']), 'podCIDRs');
  assert.equal(closestName('typo', ['type', 'port']), 'type');
  assert.equal(closestName('ab', ['ip']), undefined);
  assert.equal(closestName('replicas', ['exportedLabels', 'exportedAnnotations']), undefined);
});
