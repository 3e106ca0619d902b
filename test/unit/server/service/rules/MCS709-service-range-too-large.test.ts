import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, clusterSet, lintFull } from '../cidr/fixtures';

const text = clusterSet(`  clusters: [{name: east, serviceCIDRs: [10.0.0.0/8, "fd00:96::/64"]}]\n`);

test('MCS709 warns for /8 and IPv6 /64 Service ranges before Kubernetes 1.33', () => {
  const ds = lintFull(text, 'MCS709', { kubernetesVersion: '1.31' });
  assert.deepEqual(brief(ds), [
    ['MCS709', 5, 41, 51, 2],
    ['MCS709', 5, 53, 67, 2],
  ]);
  assert.match(
    ds[0].message,
    /^serviceCIDRs 10\.0\.0\.0\/8 of east is larger than \/12: on Kubernetes 1\.31 kube-apiserver refuses to start/,
  );
  assert.match(ds[1].message, /larger than \/108/);
});

test('MCS709 is a hint when the Kubernetes version is unset and silent from 1.33', () => {
  assert.deepEqual(
    lintFull(text, 'MCS709').map((d) => d.severity),
    [4, 4],
  );
  assert.deepEqual(lintFull(text, 'MCS709', { kubernetesVersion: '1.33' }), []);
  assert.deepEqual(
    lintFull(clusterSet(`  clusters: [{name: east, serviceCIDRs: [10.96.0.0/12, "fd00:96::/108"]}]\n`), 'MCS709', {
      kubernetesVersion: '1.30',
    }),
    [],
  );
});
