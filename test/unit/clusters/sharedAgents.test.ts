// Contexts with one TLS identity share keep-alive agents; another CA, client certificate or verify setting
// gets agents of its own (a wrong CA must still fail its own handshake).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent as HttpsAgent } from 'node:https';
import { MAX_REQUEST_SOCKETS, reusingAgent } from '../../../clusters/src/watchStream';
import { selfSignedCert } from './selfSigned';

const opts = (extra: Record<string, unknown>) => ({ agent: new HttpsAgent({}), ...extra });

test('the same TLS material shares agents; requests are capped per server, watches are not', () => {
  const a = reusingAgent(opts({ ca: Buffer.from('ca-1'), cert: Buffer.from('c'), key: Buffer.from('k') }));
  const b = reusingAgent(opts({ ca: Buffer.from('ca-1'), cert: Buffer.from('c'), key: Buffer.from('k') }));
  assert.equal(a.request, b.request);
  assert.equal(a.watch, b.watch);
  assert.notEqual(a.request, a.watch);
  assert.equal((a.request as HttpsAgent).maxSockets, MAX_REQUEST_SOCKETS);
  assert.equal((a.watch as HttpsAgent).maxSockets, Infinity);
  assert.equal((a.request as HttpsAgent).options.keepAlive, true);
});

test('another CA, client certificate, key or skip-verify setting is another identity', () => {
  const base = { ca: Buffer.from('ca-2'), cert: Buffer.from('c'), key: Buffer.from('k') };
  const a = reusingAgent(opts(base)).request;
  for (const change of [
    { ca: Buffer.from('ca-3') },
    { cert: Buffer.from('c2') },
    { key: Buffer.from('k2') },
    { rejectUnauthorized: false },
  ])
    assert.notEqual(reusingAgent(opts({ ...base, ...change })).request, a, JSON.stringify(Object.keys(change)));
});

test('a proxy agent (not a plain https.Agent) is kept as client-node built it, and gets no HTTP/2 target', () => {
  class ProxyAgent extends HttpsAgent {}
  const agent = new ProxyAgent();
  const r = reusingAgent({ agent });
  assert.equal(r.request, agent);
  assert.equal(r.watch, agent);
  assert.equal(r.h2, undefined, 'requests through a proxy must go through its agent');
});

const selfSigned = (cn: string) => selfSignedCert(cn);

const secureContextOf = (agent: unknown) => (agent as HttpsAgent & { options: { secureContext?: object } }).options.secureContext;

test('one TLS context per identity, shared by its request and watch agents; another client certificate gets its own', () => {
  const ca = selfSigned('ca');
  const alice = selfSigned('alice');
  const bob = selfSigned('bob');
  const a1 = reusingAgent(opts({ ca: ca.cert, cert: alice.cert, key: alice.key }));
  const a2 = reusingAgent(opts({ ca: ca.cert, cert: alice.cert, key: alice.key }));
  const b = reusingAgent(opts({ ca: ca.cert, cert: bob.cert, key: bob.key }));
  const ctx = secureContextOf(a1.request);
  assert.ok(ctx, 'valid material gets a shared TLS context');
  assert.equal(secureContextOf(a1.watch), ctx);
  assert.equal(secureContextOf(a2.request), ctx);
  assert.ok(secureContextOf(b.request));
  assert.notEqual(secureContextOf(b.request), ctx);
  assert.notEqual(b.request, a1.request);
  // The HTTP/2 sessions of an identity use the same TLS context and material, under the identity's digest.
  assert.equal(a1.h2?.tls.secureContext, ctx);
  assert.equal(a1.h2?.tls.cert, alice.cert);
  assert.equal(a2.h2?.id, a1.h2?.id);
  assert.notEqual(b.h2?.id, a1.h2?.id);
  // The material stays in the options too: Node names the socket pool and the TLS session cache by it.
  assert.equal((b.request as HttpsAgent).options.cert, bob.cert);
});

test('material Node cannot load gets no shared TLS context (its connections fail as before)', () => {
  const r = reusingAgent(opts({ ca: Buffer.from('not a certificate'), cert: Buffer.from('x'), key: Buffer.from('y') }));
  assert.equal(secureContextOf(r.request), undefined);
});
