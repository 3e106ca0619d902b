// The probe pod's spec (what the confirmation dialog promises: one unprivileged, short-lived busybox pod,
// labelled so it can be found) and the ClusterSet file as the runbook reads it (contexts, CIDRs,
// implementation, expected encryption, services), through the language service's reader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRunbookClusterSet } from '../../../../clusters/src/runbook/clusterSetFile';
import { PROBE_IMAGE, PROBE_LABEL, probePod } from '../../../../clusters/src/runbook/probe';

test('the probe pod resolves and connects, never restarts, runs as non-root without a token, and ends itself', () => {
  const pod = probePod('clusterset-probe-abc123', 'shop', 'web.shop.svc.clusterset.local', 80);
  assert.equal(pod.metadata?.labels?.[PROBE_LABEL], 'true');
  assert.equal(pod.spec?.restartPolicy, 'Never');
  assert.equal(pod.spec?.automountServiceAccountToken, false);
  assert.ok((pod.spec?.activeDeadlineSeconds ?? 0) > 0);
  assert.equal(pod.spec?.securityContext?.runAsNonRoot, true);
  const c = pod.spec?.containers[0];
  assert.equal(c?.image, PROBE_IMAGE);
  assert.equal(c?.securityContext?.allowPrivilegeEscalation, false);
  assert.deepEqual(c?.securityContext?.capabilities?.drop, ['ALL']);
  assert.deepEqual(c?.command?.slice(3), ['web.shop.svc.clusterset.local', '80']);
  assert.match(c?.command?.[2] ?? '', /nslookup "\$0" && nc -w 5 "\$0" "\$1"/);
  assert.doesNotMatch(probePod('p', 'shop', 'x', undefined).spec?.containers[0]?.command?.[2] ?? '', /nc /);
});

test('the ClusterSet file: members with contexts, ranges, implementation, encryption and services', () => {
  const r = readRunbookClusterSet(`# comment
apiVersion: clusterset.dev/v1alpha1
kind: ClusterSet
metadata: {name: prod}
spec:
  implementation: submariner
  overlap: {mode: globalnet, globalnetCIDR: 242.0.0.0/8}
  connectivity: {encryption: ipsec}
  clusters:
  - {name: east, context: ctx-east, podCIDRs: [10.10.0.0/16], serviceCIDRs: [10.96.0.0/16], globalCIDR: 242.0.0.0/16}
  - {name: west, podCIDRs: [10.10.0.0/16]}
  services:
  - {name: web, namespace: shop, exportedFrom: [east], consumers: [west]}
`);
  assert.ok(r.ok);
  assert.equal(r.value.name, 'prod');
  assert.equal(r.value.implementation, 'submariner');
  assert.equal(r.value.overlapMode, 'globalnet');
  assert.equal(r.value.encryption, 'ipsec');
  assert.deepEqual(r.value.clusters[0], {
    name: 'east',
    context: 'ctx-east',
    podCIDRs: ['10.10.0.0/16'],
    serviceCIDRs: ['10.96.0.0/16'],
    globalCIDR: '242.0.0.0/16',
  });
  assert.equal(r.value.clusters[1]?.context, undefined);
  assert.deepEqual(r.value.services[0], { name: 'web', namespace: 'shop', exportedFrom: ['east'], consumers: ['west'] });
  const bad = readRunbookClusterSet('kind: ConfigMap\n');
  assert.equal(bad.ok, false);
});
