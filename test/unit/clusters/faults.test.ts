// Fault classification: Node network errors and API server answers become the right ClusterFault kind,
// with a one-line, credential-free message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  describeFault,
  faultFromHttpStatus,
  faultFromNetworkError,
  faultFromNonJson,
  internalFault,
  isClusterWide,
  retryAfterSeconds,
} from '../../../clusters/src/faults';

const SERVER = 'https://10.0.0.1:6443';
const err = (code: string, message: string) => Object.assign(new Error(message), { code });

test('network errors: refused/DNS are unreachable, certificate errors are tls, aborts are timeout or cancelled', () => {
  assert.equal(
    faultFromNetworkError(err('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:6443'), SERVER, undefined, 1000, []).kind,
    'unreachable',
  );
  assert.equal(
    faultFromNetworkError(err('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example'), SERVER, undefined, 1000, []).kind,
    'unreachable',
  );
  const tls = faultFromNetworkError(
    err('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'),
    SERVER,
    undefined,
    1000,
    [],
  );
  assert.equal(tls.kind, 'tls');
  assert.match(
    tls.message,
    /TLS handshake with https:\/\/10\.0\.0\.1:6443 failed \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\).*certificate-authority/,
  );
  assert.equal(
    faultFromNetworkError(
      err('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"),
      SERVER,
      undefined,
      1000,
      [],
    ).kind,
    'tls',
  );
  assert.equal(
    faultFromNetworkError(err('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), SERVER, undefined, 1000, []).kind,
    'tls',
  );
  assert.deepEqual(faultFromNetworkError(err('ABORT_ERR', 'aborted'), SERVER, 'deadline', 2500, []), {
    kind: 'timeout',
    message: 'no answer from https://10.0.0.1:6443 within 2.5 s',
  });
  assert.deepEqual(faultFromNetworkError(err('ABORT_ERR', 'aborted'), SERVER, 'cancelled', 2500, []), {
    kind: 'cancelled',
    message: 'cancelled',
  });
});

test('network error messages are redacted', () => {
  const f = faultFromNetworkError(
    err('ECONNRESET', 'socket hang up while sending Bearer abcdefghijkl'),
    SERVER,
    undefined,
    1000,
    [],
  );
  assert.equal(f.message, 'cannot connect to https://10.0.0.1:6443 (ECONNRESET): socket hang up while sending Bearer [redacted]');
});

test('HTTP answers: 401 unauthorized, 403 forbidden with the API server reason, 404 object vs API not served', () => {
  const status = (message: string, reason: string, details: object = {}) =>
    JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, details });
  assert.equal(faultFromHttpStatus(401, status('Unauthorized', 'Unauthorized'), 'Nodes', []).kind, 'unauthorized');
  assert.deepEqual(
    faultFromHttpStatus(403, status('nodes is forbidden: User "viewer" cannot list resource "nodes"', 'Forbidden'), 'Nodes', []),
    {
      kind: 'forbidden',
      message: 'forbidden: nodes is forbidden: User "viewer" cannot list resource "nodes"',
    },
  );
  assert.deepEqual(
    faultFromHttpStatus(
      404,
      status('configmaps "kubeadm-config" not found', 'NotFound', { name: 'kubeadm-config', kind: 'configmaps' }),
      'ConfigMap kube-system/kubeadm-config',
      [],
    ),
    {
      kind: 'notFound',
      message: 'ConfigMap kube-system/kubeadm-config not found',
    },
  );
  // What a kube-apiserver answers for a group whose CRD is not installed.
  assert.equal(faultFromHttpStatus(404, '404 page not found\n', 'CiliumNodes', []).kind, 'crdMissing');
  // ...and for a built-in version that is not served (networking.k8s.io/v1beta1 servicecidrs on 1.36).
  assert.equal(
    faultFromHttpStatus(404, status('the server could not find the requested resource', 'NotFound'), 'ServiceCIDRs', []).kind,
    'crdMissing',
  );
});

test('5xx and 429 are server errors (with Retry-After), another status a bad response — never "unreachable"', () => {
  assert.deepEqual(faultFromHttpStatus(503, 'upstream connect error', 'Nodes', []), {
    kind: 'serverError',
    message: 'server error (HTTP 503) reading Nodes: upstream connect error',
  });
  const throttled = faultFromHttpStatus(
    429,
    JSON.stringify({ kind: 'Status', message: 'Too many requests, please try again later.', reason: 'TooManyRequests' }),
    'Nodes',
    [],
    '7',
  );
  assert.deepEqual(throttled, {
    kind: 'serverError',
    message:
      'too many requests (429) reading Nodes: Too many requests, please try again later. — the server asks to retry after 7 s',
    retryAfterSeconds: 7,
  });
  const inAMinute = new Date(Date.now() + 60_000).toUTCString();
  const dated = faultFromHttpStatus(503, '', 'Nodes', [], inAMinute);
  assert.equal(dated.kind, 'serverError');
  assert.ok(dated.retryAfterSeconds !== undefined && dated.retryAfterSeconds >= 58 && dated.retryAfterSeconds <= 60);
  assert.equal(faultFromHttpStatus(500, '', 'Nodes', [], 'soon').retryAfterSeconds, undefined);
  assert.equal(retryAfterSeconds('120'), 120);
  assert.equal(retryAfterSeconds(undefined), undefined);
  assert.deepEqual(faultFromHttpStatus(302, '<html>moved</html>', 'Nodes', []), {
    kind: 'badResponse',
    message: 'unexpected HTTP 302 reading Nodes: <html>moved</html>',
  });
  assert.deepEqual(faultFromNonJson('https://10.0.0.1:6443', 'Nodes', 'text/html; charset=utf-8'), {
    kind: 'badResponse',
    message:
      'https://10.0.0.1:6443 answered Nodes with something that is not JSON (text/html) — a proxy, login page or load balancer in the way?',
  });
});

test('an exception of ours is an internal fault, redacted, and says so', () => {
  const f = internalFault(new TypeError(`Cannot read properties of undefined (reading 'x') near token=abc123secretvalue`));
  assert.equal(f.kind, 'internal');
  assert.equal(
    f.message,
    "internal error (please report it): Cannot read properties of undefined (reading 'x') near token=[redacted]",
  );
  assert.equal(describeFault(f), f.message);
});

test('a 403 body that quotes a known secret is redacted', () => {
  const f = faultFromHttpStatus(
    403,
    JSON.stringify({ kind: 'Status', message: 'token the-users-token-1234 may not list nodes' }),
    'Nodes',
    ['the-users-token-1234'],
  );
  assert.equal(f.message, 'forbidden: token [redacted] may not list nodes');
});

test('only cluster-level kinds stop the reads of a cluster; describeFault labels the kind once and redacts', () => {
  assert.deepEqual(
    (
      [
        'unreachable',
        'timeout',
        'cancelled',
        'tls',
        'unauthorized',
        'forbidden',
        'notFound',
        'crdMissing',
        'serverError',
        'badResponse',
        'execPlugin',
        'config',
        'internal',
      ] as const
    ).filter((kind) => isClusterWide({ kind, message: '' })),
    ['unreachable', 'timeout', 'cancelled', 'tls', 'unauthorized', 'execPlugin', 'config'],
  );
  assert.equal(describeFault({ kind: 'timeout', message: 'no answer' }), 'timeout: no answer');
  assert.equal(describeFault({ kind: 'forbidden', message: 'forbidden: nodes' }), 'forbidden: nodes');
  assert.equal(describeFault({ kind: 'serverError', message: 'HTTP 500' }), 'server error: HTTP 500');
  assert.equal(describeFault({ kind: 'execPlugin', message: 'exec plugin "x" failed' }), 'exec plugin "x" failed');
  // A fault value built without makeFault (deserialised, hand-made) is still redacted on the way out.
  assert.equal(
    describeFault({ kind: 'execPlugin', message: 'failed: ya29.a0AfH6SMBx3kQ9Zq1rT7uV2wY5dE' }),
    'exec plugin: failed: [redacted]',
  );
});

test('HTTP/2: a stream the server reset or a protocol error is a bad response of that request; a failed session is unreachable', () => {
  const kind = (code: string, message: string) => faultFromNetworkError(err(code, message), SERVER, undefined, 1000, []).kind;
  assert.equal(kind('ERR_HTTP2_STREAM_ERROR', 'Stream closed with error code NGHTTP2_INTERNAL_ERROR'), 'badResponse');
  assert.equal(kind('ERR_HTTP2_ERROR', 'Protocol error'), 'badResponse');
  assert.equal(kind('ERR_HTTP2_SESSION_ERROR', 'Session closed with error code 2'), 'unreachable');
  assert.equal(kind('ERR_HTTP2_GOAWAY_SESSION', 'New streams cannot be created after receiving a GOAWAY'), 'unreachable');
});
