// Contexts with one TLS identity share keep-alive agents; another CA, client certificate or verify setting
// gets agents of its own (a wrong CA must still fail its own handshake).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent as HttpsAgent } from 'node:https';
import { MAX_REQUEST_SOCKETS, reusingAgent } from '../../../clusters/src/watchStream';

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

test('a proxy agent (not a plain https.Agent) is kept as client-node built it', () => {
  class ProxyAgent extends HttpsAgent {}
  const agent = new ProxyAgent();
  const r = reusingAgent({ agent });
  assert.equal(r.request, agent);
  assert.equal(r.watch, agent);
});
