// Fault classification: Node network errors and API server answers become the right ClusterFault kind,
// with a one-line, credential-free message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFault, faultFromHttpStatus, faultFromNetworkError, isClusterWide } from '../../../clusters/src/faults';

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
  const f = faultFromHttpStatus(503, 'upstream connect error', 'Nodes', []);
  assert.deepEqual(f, { kind: 'unreachable', message: 'HTTP 503 reading Nodes: upstream connect error' });
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

test('only forbidden/notFound/crdMissing are per-source; describeFault prefixes the kind once', () => {
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
        'execPlugin',
        'config',
      ] as const
    ).filter((kind) => isClusterWide({ kind, message: '' })),
    ['unreachable', 'timeout', 'cancelled', 'tls', 'unauthorized', 'execPlugin', 'config'],
  );
  assert.equal(describeFault({ kind: 'timeout', message: 'no answer' }), 'timeout: no answer');
  assert.equal(describeFault({ kind: 'forbidden', message: 'forbidden: nodes' }), 'forbidden: nodes');
});
