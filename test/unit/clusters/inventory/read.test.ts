// readInventory's shared reads when nothing can be read: a follower whose leader could not even open its
// access reads on its own, so its fault names its own context. No network is involved (the credential
// plugin is refused before any request).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { stringify } from 'yaml';
import { sameReadKey } from '../../../../clusters/src/access';
import { loadKubeConfig } from '../../../../clusters/src/kubeconfig';
import { readInventory } from '../../../../clusters/src/inventory/read';

const dir = mkdtempSync(join(tmpdir(), 'clusterset-read-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('contexts sharing a key whose credential plugin may not run: each fault names its own context', async () => {
  const path = join(dir, 'config');
  writeFileSync(
    path,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'east', cluster: { server: 'https://127.0.0.1:1' } }],
      users: [{ name: 'plugin', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'get-token' } } }],
      contexts: ['east', 'east-shop', 'east-dev'].map((name) => ({ name, context: { cluster: 'east', user: 'plugin' } })),
    }),
  );
  const loaded = loadKubeConfig(path);
  if (!loaded.ok) throw new Error(loaded.error);
  // The premise: the three would share one read.
  const key = sameReadKey(loaded.kc, 'east');
  assert.ok(key);
  assert.equal(sameReadKey(loaded.kc, 'east-dev'), key);
  const s = await readInventory(
    loaded.kc,
    ['east', 'east-shop', 'east-dev'].map((c) => ({ name: c, context: c })),
    { allowExec: false },
  );
  for (const c of s.clusters) {
    assert.equal(c.fault?.kind, 'execPlugin', c.name);
    assert.match(c.fault?.message ?? '', new RegExp(`^context "${c.context}" gets credentials from the program "get-token"`));
  }
});
