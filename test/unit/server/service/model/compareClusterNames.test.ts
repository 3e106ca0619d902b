import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareClusterNames } from '../../../../../server/src/service/model/exportedServices';
import { rng } from '../parse/fastTreeGen';

// Clusters are listed in localeCompare order; the comparison skips ICU for DNS-label names only where the order
// is the same.
test('compareClusterNames orders as localeCompare, DNS labels and anything else', () => {
  const r = rng(17);
  const sign = (x: number) => Math.sign(x);
  const word = (alphabet: string) => {
    let w = '';
    for (let i = Math.floor(r() * 8); i > 0; i--) w += alphabet[Math.floor(r() * alphabet.length)];
    return w;
  };
  for (const alphabet of ['abcdefghijklmnopqrstuvwxyz0123456789-', 'ab-0', 'aB_.-0é', 'AZaz09_.']) {
    for (let i = 0; i < 20_000; i++) {
      const a = word(alphabet);
      const b = word(alphabet);
      assert.equal(sign(compareClusterNames(a, b)), sign(a.localeCompare(b)), `${a} vs ${b}`);
    }
  }
  for (const [a, b] of [
    ['east-1', 'east1'],
    ['a-b', 'ab'],
    ['a', 'a-'],
    ['Prod', 'dev'],
    ['us_east', 'us-east'],
    ['', 'a'],
  ])
    assert.equal(sign(compareClusterNames(a, b)), sign(a.localeCompare(b)), `${a} vs ${b}`);
});
