import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceWith } from '../../../../helpers/lint';
import { clusterSet, CS_PATH, CS_URI } from './fixtures';

const text = clusterSet(`  clusters:
  - name: east
    podCIDRs: [10.10.0.0/16, "fd00:10::/56"]
    serviceCIDRs: [10.96.0.0/16]
  - name: west
    podCIDRs: [10.12.0.0/16]
  - name: central
    podCIDRs: [10.10.128.0/17]
    serviceCIDRs: [10.9.0.0/16]
`);

function hoverText(line: number, character: number): string | undefined {
  const h = serviceWith({ [CS_PATH]: text }).hover(CS_URI, { line, character });
  if (!h) return undefined;
  const c = h.contents;
  return typeof c === 'object' && 'value' in c ? c.value : undefined;
}

test('hover on an IPv4 pod CIDR: first/last address, size, family and the nearest ranges of other clusters', () => {
  const h = serviceWith({ [CS_PATH]: text }).hover(CS_URI, { line: 7, character: 18 });
  assert.deepEqual(h?.range, { start: { line: 7, character: 15 }, end: { line: 7, character: 27 } });
  assert.equal(
    hoverText(7, 18),
    [
      '**10.10.0.0/16** — IPv4',
      '',
      '- first address: `10.10.0.0`',
      '- last address: `10.10.255.255`',
      '- size: 65,536 addresses',
      '- nearest ranges of other clusters:',
      '  - podCIDRs 10.10.128.0/17 of central — **overlaps**',
      '  - serviceCIDRs 10.9.0.0/16 of central — below, adjacent',
      '  - podCIDRs 10.12.0.0/16 of west — above, 65,536 addresses apart',
      '',
      'Cluster: east',
    ].join('\n'),
  );
});

test('hover on an IPv6 CIDR gives the size as a power of two', () => {
  const v = hoverText(7, 33);
  assert.ok(v);
  assert.match(v, /^\*\*fd00:10::\/56\*\* — IPv6/);
  assert.match(v, /- last address: `fd00:10:0:ff:ffff:ffff:ffff:ffff`/);
  assert.match(v, /- size: 2\^72 addresses/);
  assert.doesNotMatch(v, /nearest ranges/);
});

test('no CIDR hover on other values or invalid CIDRs', () => {
  assert.doesNotMatch(hoverText(6, 11) ?? '', /first address/);
  const bad = serviceWith({ [CS_PATH]: clusterSet(`  clusters: [{name: east, podCIDRs: [10.0.0.0/40]}]\n`) }).hover(CS_URI, {
    line: 5,
    character: 42,
  });
  assert.doesNotMatch(JSON.stringify(bad?.contents ?? ''), /first address/);
});
