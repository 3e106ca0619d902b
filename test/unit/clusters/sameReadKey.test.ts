// sameReadKey: two contexts share one one-shot read only when every request of theirs would be the same
// request with the same credentials. Kubeconfigs written to disk and loaded as the product loads them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { stringify } from 'yaml';
import { sameReadKey } from '../../../clusters/src/access';
import { loadKubeConfig } from '../../../clusters/src/kubeconfig';

const dir = mkdtempSync(join(tmpdir(), 'clusterset-same-read-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const CA = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64');
const OTHER_CA = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n').toString('base64');
const cluster = (name: string, fields: Record<string, unknown>) => ({
  name,
  cluster: { server: 'https://api.east.example:6443', 'certificate-authority-data': CA, ...fields },
});
const ctx = (name: string, clusterName: string, user: string, namespace?: string) => ({
  name,
  context: { cluster: clusterName, user, ...(namespace ? { namespace } : {}) },
});

function load() {
  const path = join(dir, 'config');
  const execUser = { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'get-token', args: ['east'] } };
  writeFileSync(
    path,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        cluster('east', {}),
        cluster('east-copy', {}),
        cluster('east-other-ca', { 'certificate-authority-data': OTHER_CA }),
        cluster('east-sni', { 'tls-server-name': 'kubernetes.default' }),
        cluster('east-insecure', { 'insecure-skip-tls-verify': true, 'certificate-authority-data': undefined }),
        cluster('east-proxied', { 'proxy-url': 'http://proxy.example:3128' }),
        cluster('rancher-a', { server: 'https://rancher.example/k8s/clusters/c-aaaa' }),
        cluster('rancher-b', { server: 'https://rancher.example/k8s/clusters/c-bbbb' }),
        cluster('east-missing-ca', { 'certificate-authority-data': undefined, 'certificate-authority': join(dir, 'nope.crt') }),
      ],
      users: [
        { name: 'admin', user: { token: 'admin-token' } },
        { name: 'admin-again', user: { token: 'admin-token' } },
        { name: 'viewer', user: { token: 'viewer-token' } },
        { name: 'plugin', user: execUser },
      ],
      contexts: [
        ctx('east', 'east', 'admin'),
        ctx('east-shop', 'east', 'admin', 'shop'),
        ctx('east-copy', 'east-copy', 'admin'),
        ctx('east-viewer', 'east', 'viewer'),
        ctx('east-admin-again', 'east', 'admin-again'),
        ctx('east-other-ca', 'east-other-ca', 'admin'),
        ctx('east-sni', 'east-sni', 'admin'),
        ctx('east-insecure', 'east-insecure', 'admin'),
        ctx('east-proxied', 'east-proxied', 'admin'),
        ctx('rancher-a', 'rancher-a', 'admin'),
        ctx('rancher-b', 'rancher-b', 'admin'),
        ctx('plugin-east', 'east', 'plugin'),
        ctx('plugin-east-shop', 'east', 'plugin', 'shop'),
        ctx('plugin-east-copy', 'east-copy', 'plugin'),
        ctx('east-missing-ca', 'east-missing-ca', 'admin'),
        ctx('dangling', 'no-such-cluster', 'admin'),
      ],
      'current-context': 'east',
    }),
    { mode: 0o600 },
  );
  const loaded = loadKubeConfig(path);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.kc;
}

const kc = load();
const key = (context: string) => sameReadKey(kc, context);

test('contexts that differ only in name, namespace or cluster entry name share a key', () => {
  assert.ok(key('east'));
  assert.equal(key('east-shop'), key('east'));
  assert.equal(key('east-copy'), key('east'));
});

test('another user, CA, TLS server name, verification, proxy or server path is another key', () => {
  const others = [
    'east-viewer',
    'east-admin-again', // the same token under another user name: kept apart (faults name the user)
    'east-other-ca',
    'east-sni',
    'east-insecure',
    'east-proxied',
    'rancher-a',
    'rancher-b',
  ].map(key);
  assert.equal(new Set([key('east'), ...others]).size, others.length + 1);
});

test('an exec plugin user shares a key only within one cluster entry (the plugin may get that entry’s config)', () => {
  assert.ok(key('plugin-east'));
  assert.equal(key('plugin-east-shop'), key('plugin-east'));
  assert.notEqual(key('plugin-east-copy'), key('plugin-east'));
  assert.notEqual(key('plugin-east'), key('east'));
});

test('a context whose entries have a problem, or do not exist, has no key (it is read on its own)', () => {
  assert.equal(key('east-missing-ca'), undefined);
  assert.equal(key('dangling'), undefined);
  assert.equal(key('not-in-the-kubeconfig'), undefined);
});

test('the key carries no credential', () => {
  for (const c of ['east', 'east-viewer', 'plugin-east']) assert.doesNotMatch(key(c) ?? '', /token/);
});
