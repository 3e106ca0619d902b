// Redaction: no token, password, certificate or key survives into a message, while names, CIDRs and
// URLs stay readable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstLine, redact } from '../../../clusters/src/redact';

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
