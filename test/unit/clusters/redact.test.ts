// Redaction: no token, password, certificate or key survives into a message, while names, CIDRs and
// URLs stay readable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstLine, isTokenLike, pluginExcerpt, redact, rememberSecrets } from '../../../clusters/src/redact';

const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJlLXBhcnQ';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx1c2VyLWtleS1kYXRh\nAAAA\n-----END RSA PRIVATE KEY-----';

test('known secrets are removed verbatim, wherever they appear', () => {
  const out = redact('auth failed for token s3cr3t-token-value at https://10.0.0.1:6443', ['s3cr3t-token-value']);
  assert.equal(out, 'auth failed for token [redacted] at https://10.0.0.1:6443');
});

test('short secrets are not searched for (a one-letter password must not shred the message)', () => {
  assert.equal(redact('cannot connect to east', ['a']), 'cannot connect to east');
});

test('Bearer and Basic header values, JWTs and PEM blocks are redacted without a known secret', () => {
  assert.equal(
    redact('sent Authorization: Bearer abc.def-123_XYZ and got 401'),
    'sent Authorization: Bearer [redacted] and got 401',
  );
  assert.equal(redact('Basic dXNlcjpwYXNz rejected'), 'Basic [redacted] rejected');
  assert.equal(redact(`token was ${JWT}`), 'token was [redacted]');
  assert.equal(redact(`key:\n${PEM}\nend`), 'key:\n[redacted]\nend');
  // A PEM block cut off by a length limit is still removed.
  assert.equal(redact('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU'), '[redacted]');
});

test('credential-looking key/value pairs keep the key and lose the value', () => {
  assert.equal(redact('error: {"token":"abcdef123456","cluster":"east"}'), 'error: {"token":[redacted],"cluster":"east"}');
  assert.equal(redact('password=hunter22 user=admin'), 'password=[redacted] user=admin');
  assert.equal(redact('client-key-data: LS0tLS1CRUdJTg'), 'client-key-data: [redacted]');
  assert.equal(redact('AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI'), 'AWS_SECRET_ACCESS_KEY=[redacted]');
});

test('a long opaque word after "token" in prose is redacted; ordinary words are not', () => {
  assert.equal(
    redact('refresh failed for token plugin-issued-token-abcdef1 (expired)'),
    'refresh failed for token [redacted] (expired)',
  );
  assert.equal(redact('the token has expired, log in again'), 'the token has expired, log in again');
});

test('long base64 runs (embedded certificates) are removed; CIDRs, names and URLs are kept', () => {
  const b64 = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9w';
  assert.equal(redact(`ca ${b64} invalid`), 'ca [redacted] invalid');
  const plain =
    'nodes is forbidden: User "viewer" cannot list resource "nodes" at https://127.0.0.1:6443/api/v1/nodes (10.96.0.0/16, fd00:10:96::/108)';
  assert.equal(redact(plain), plain);
});

test('firstLine: first non-empty line, redacted and capped', () => {
  assert.equal(
    firstLine(`\n  error: getting credentials: token ${JWT}\nsecond line`),
    'error: getting credentials: token [redacted]',
  );
  assert.equal(firstLine('x'.repeat(10) + ' ' + 'y'.repeat(20), [], 12), 'xxxxxxxxxx …');
  assert.equal(firstLine(''), '');
});

/** A small deterministic PRNG (mulberry32), so the generated tokens are the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABETS = {
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  hex: '0123456789abcdef',
};

test('plugin output: every generated base64/base64url/hex token of 16–64 characters is masked, alone or dotted', () => {
  const rnd = prng(42);
  const token = (alphabet: string, len: number) =>
    Array.from({ length: len }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
  const missed: string[] = [];
  for (const [name, alphabet] of Object.entries(ALPHABETS)) {
    for (let i = 0; i < 3000; i++) {
      const len = 16 + (i % 49);
      const t = token(alphabet, len);
      const dotted = `${token(ALPHABETS.base64url, 4)}.${token(alphabet, 16 + (i % 20))}`;
      for (const secret of [t, dotted]) {
        const out = pluginExcerpt(`error: refresh failed: ${secret} rejected`, [], 400);
        if (out.includes(secret)) missed.push(`${name}: ${secret}`);
      }
    }
  }
  assert.deepEqual(missed.slice(0, 5), []);
});

test('plugin output: the formats the issue names are masked, the words around them kept, the excerpt bounded', () => {
  const out = pluginExcerpt(
    [
      '\u001b[31mERROR\u001b[0m oauth2: token expired: ya29.a0AfH6SMBx3kQ9Zq1rT7uV2wY5dEfGhIjKlMnOpQrS',
      'jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXBhcnQ and hex 9f86d081884c7d659a2feaa0c55ad015',
      'a third line that is not shown',
    ].join('\n'),
  );
  assert.equal(out, 'ERROR oauth2: token expired: [redacted] / jwt [redacted] and hex [redacted]');
  assert.equal(pluginExcerpt('x'.repeat(1000)).length <= 200, true);
  // The cut never leaves half a marker or half a secret behind.
  assert.doesNotMatch(pluginExcerpt(`${'word '.repeat(38)}Zk3q9PwX_7mLr2Tb0aQ`, [], 200), /Zk3q9/);
});

test('names, paths, hosts, versions and UUIDs are not tokens', () => {
  for (const name of [
    'gke_my-project-123456_us-central1-a_prod',
    'client.authentication.k8s.io/v1beta1',
    '/home/user/.kube/config',
    'serviceexports.multicluster.x-k8s.io',
    'MutatingWebhookConfiguration',
    'GRPCRouteBackendRef',
    'IPv6DualStack',
    'ip-10-0-0-1.ec2.internal',
    '/usr/local/bin/gke-gcloud-auth-plugin',
    '3f2a9c4e-1b2d-4e5f-8a9b-0c1d2e3f4a5b',
    'AWS_SECRET_ACCESS_KEY',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
  ])
    assert.equal(isTokenLike(name), false, name);
});

test('remembered secrets are removed from every later message; kept strings stay readable', () => {
  rememberSecrets(['remembered-Secret-value', undefined, 'abc']);
  assert.equal(redact('server said remembered-Secret-value'), 'server said [redacted]');
  assert.equal(redact('short abc stays'), 'short abc stays');
  const path = '/tmp/clusterset-x-Ab3dE9/token';
  assert.equal(redact(`token file ${path} does not exist`, [], { keep: [path] }), `token file ${path} does not exist`);
});

test('a kept name survives even when some secret (an exec env value) happens to equal it', () => {
  rememberSecrets(['production-east']);
  assert.equal(redact('context "production-east" failed', [], { keep: ['production-east'] }), 'context "production-east" failed');
  assert.equal(redact('value production-east leaked'), 'value [redacted] leaked');
});
