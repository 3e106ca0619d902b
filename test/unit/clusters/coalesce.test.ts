import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coalesce, requestKey } from '../../../clusters/src/coalesce';

/** A run that resolves when told to, recording the signal it was given. */
function deferred() {
  const calls: AbortSignal[] = [];
  const resolvers: Array<(v: string) => void> = [];
  const run = (s: AbortSignal) => {
    calls.push(s);
    return new Promise<string>((res) => resolvers.push(res));
  };
  return { calls, resolvers, run };
}
const aborted = (reason: unknown) => `aborted: ${String(reason)}`;

test('identical requests in flight share one run; a later one after it settled runs again', async () => {
  const scope = {};
  const d = deferred();
  const a = coalesce(scope, 'k', new AbortController().signal, d.run, aborted);
  const b = coalesce(scope, 'k', new AbortController().signal, d.run, aborted);
  assert.equal(d.calls.length, 1);
  d.resolvers[0]?.('answer');
  assert.deepEqual(await Promise.all([a, b]), ['answer', 'answer']);
  const c = coalesce(scope, 'k', new AbortController().signal, d.run, aborted);
  assert.equal(d.calls.length, 2);
  d.resolvers[1]?.('second');
  assert.equal(await c, 'second');
});

test('another key or another scope (TLS identity) is another request', () => {
  const d = deferred();
  const scope = {};
  void coalesce(scope, 'k1', new AbortController().signal, d.run, aborted);
  void coalesce(scope, 'k2', new AbortController().signal, d.run, aborted);
  void coalesce({}, 'k1', new AbortController().signal, d.run, aborted);
  void coalesce(undefined, 'k1', new AbortController().signal, d.run, aborted);
  assert.equal(d.calls.length, 4);
});

test('one caller giving up does not end the request for the others; the last one does', async () => {
  const scope = {};
  const d = deferred();
  const first = new AbortController();
  const second = new AbortController();
  const a = coalesce(scope, 'k', first.signal, d.run, aborted);
  const b = coalesce(scope, 'k', second.signal, d.run, aborted);
  first.abort('deadline');
  assert.equal(await a, 'aborted: deadline');
  assert.equal(d.calls[0]?.aborted, false);
  second.abort('cancel');
  assert.equal(await b, 'aborted: cancel');
  assert.equal(d.calls[0]?.aborted, true);
  // Given up on, the flight is gone: the next caller starts afresh.
  void coalesce(scope, 'k', new AbortController().signal, d.run, aborted);
  assert.equal(d.calls.length, 2);
});

test('an already aborted signal answers at once without a request', async () => {
  const d = deferred();
  const c = new AbortController();
  c.abort('gone');
  assert.equal(await coalesce({}, 'k', c.signal, d.run, aborted), 'aborted: gone');
  assert.equal(d.calls.length, 0);
});

test('the request key depends on URL and headers (the credential) and holds no credential in clear', () => {
  const u = new URL('https://10.0.0.1:6443/apis');
  const k = requestKey(u, { Authorization: 'Bearer secret-token' });
  assert.equal(k, requestKey(new URL('https://10.0.0.1:6443/apis'), { Authorization: 'Bearer secret-token' }));
  assert.notEqual(k, requestKey(u, { Authorization: 'Bearer other' }));
  assert.notEqual(k, requestKey(new URL('https://10.0.0.1:6443/api'), { Authorization: 'Bearer secret-token' }));
  assert.ok(!k.includes('secret'));
  // One headers object is digested once; a changed credential is another object, so another key.
  const headers = { Authorization: 'Bearer secret-token' };
  assert.equal(requestKey(u, headers), requestKey(u, headers));
  assert.equal(requestKey(u, headers), k);
  // A server URL with userinfo: the key keeps origin, path and query only.
  const withUser = requestKey(new URL('https://admin:hunter2-pass@10.0.0.1:6443/apis?limit=500'), headers);
  assert.ok(!withUser.includes('hunter2'), withUser);
  assert.notEqual(withUser, requestKey(new URL('https://10.0.0.1:6443/apis?limit=1'), headers));
});
