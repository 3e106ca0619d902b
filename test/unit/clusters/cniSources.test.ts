// Discovery end to end against fake API servers that serve CNI and Submariner objects (the testbed has no
// CNI): which ranges are found, from where, with what confidence, and which set is chosen.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { discoverCidrs, type ClusterCidrReport } from '../../../clusters/src/cidrs';

const servers: Server[] = [];
after(() => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

/** A fake API server answering GETs from `routes` (path without query → body); everything else 404s like a missing API. */
async function fakeCluster(routes: Record<string, object>): Promise<string> {
  const s = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const body = routes[path];
    if (body) return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (path.includes('/configmaps/') || path.includes('/services/') || path.includes('/clusterproperties/')) {
      return res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ kind: 'Status', reason: 'NotFound', details: { name: path.split('/').pop() }, code: 404 }));
    }
    return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found\n');
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

const list = (items: object[]) => ({ items, metadata: {} });
const cm = (data: Record<string, string>) => ({ data });

async function discover(byContext: Record<string, string>): Promise<ClusterCidrReport[]> {
  const kc = new KubeConfig();
  const names = Object.keys(byContext);
  kc.loadFromOptions({
    clusters: names.map((n) => ({ name: n, server: byContext[n] ?? '', skipTLSVerify: false })),
    users: [{ name: 'u', token: 'fake-token-1234567' }],
    contexts: names.map((n) => ({ name: n, cluster: n, user: 'u' })),
    currentContext: names[0] ?? '',
  });
  return discoverCidrs(names, { kubeConfig: kc, allowExecAuth: false, timeoutMs: 5000 });
}

const summary = (r: ClusterCidrReport) =>
  r.ranges.map((g) => `${g.chosen ? '*' : ' '} ${g.kind} ${g.cidr} ${g.source} ${g.confidence}`);

test('Cilium cluster-pool on a kubeadm cluster: the pool wins, kubeadm and unused Node ranges are reported as disagreeing', async () => {
  const server = await fakeCluster({
    '/version': { gitVersion: 'v1.29.4' },
    '/api/v1/namespaces/kube-system/configmaps/cilium-config': cm({
      ipam: 'cluster-pool',
      'cluster-pool-ipv4-cidr': '10.42.0.0/16',
      'cluster-name': 'east',
    }),
    '/apis/cilium.io/v2/ciliumnodes': list([
      { spec: { ipam: { podCIDRs: ['10.42.0.0/24'] } } },
      { spec: { ipam: { podCIDRs: ['10.42.1.0/24'] } } },
    ]),
    '/api/v1/namespaces/kube-system/configmaps/kubeadm-config': cm({
      ClusterConfiguration:
        'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.96.0.0/12\n  dnsDomain: cluster.local\n',
    }),
    '/api/v1/nodes': list([
      { spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] } },
      { spec: { podCIDRs: ['10.244.1.0/24'] } },
    ]),
    '/api/v1/namespaces/default/services/kubernetes': { spec: { clusterIP: '10.96.0.1' } },
  });
  const [r] = await discover({ east: server });
  assert.ok(r);
  assert.equal(r.ok, true);
  assert.equal(r.clusterId, 'east');
  assert.equal(r.kubernetesVersion, 'v1.29.4');
  assert.deepEqual(r.podCIDRs, ['10.42.0.0/16']);
  assert.deepEqual(r.serviceCIDRs, ['10.96.0.0/12']);
  assert.deepEqual(summary(r), [
    '* pod 10.42.0.0/16 cilium-config high',
    '  pod 10.244.0.0/16 kubeadm-config medium',
    '  pod 10.42.0.0/23 CiliumNode medium',
    '  pod 10.244.0.0/23 Node medium',
    '* service 10.96.0.0/12 kubeadm-config medium',
  ]);
  assert.deepEqual(r.warnings, [
    'pod range 10.244.0.0/16 from ConfigMap kube-system/kubeadm-config networking.podSubnet disagrees with 10.42.0.0/16 from ConfigMap kube-system/cilium-config cluster-pool-ipv4-cidr; using the latter (cilium-config ranks higher)',
    'pod range 10.244.0.0/23 from Node spec.podCIDRs (2 of 2) disagrees with 10.42.0.0/16 from ConfigMap kube-system/cilium-config cluster-pool-ipv4-cidr; using the latter (cilium-config ranks higher)',
  ]);
  assert.deepEqual(
    r.sources.filter((s) => s.status !== 'absent').map((s) => `${s.source}:${s.status}`),
    ['kubeadm-config:found', 'Node:found', 'cilium-config:found', 'CiliumNode:found', 'kubernetes-Service:found'],
  );
});

test('Calico pools (a disabled one skipped), control-plane flags and dual-stack ServiceCIDRs', async () => {
  const server = await fakeCluster({
    '/version': { gitVersion: 'v1.33.1' },
    '/apis/crd.projectcalico.org/v1/ippools': list([
      { metadata: { name: 'default-ipv4-ippool' }, spec: { cidr: '192.168.0.0/16' } },
      { metadata: { name: 'old' }, spec: { cidr: '172.30.0.0/16', disabled: true } },
    ]),
    '/api/v1/namespaces/kube-system/pods': list([
      {
        metadata: { name: 'kube-controller-manager-cp1', labels: { component: 'kube-controller-manager' } },
        spec: {
          containers: [
            {
              command: [
                'kube-controller-manager',
                '--cluster-cidr=192.168.0.0/16',
                '--service-cluster-ip-range',
                '10.100.0.0/16,fd00:100::/108',
              ],
            },
          ],
        },
      },
      {
        metadata: { name: 'kube-apiserver-cp1', labels: { component: 'kube-apiserver' } },
        spec: { containers: [{ command: ['kube-apiserver', '--service-cluster-ip-range=10.100.0.0/16,fd00:100::/108'] }] },
      },
    ]),
    '/apis/networking.k8s.io/v1/servicecidrs': {
      apiVersion: 'networking.k8s.io/v1',
      items: [{ metadata: { name: 'kubernetes' }, spec: { cidrs: ['10.100.0.0/16', 'fd00:100::/108'] } }],
    },
    '/api/v1/nodes': list([{ spec: {} }, { spec: {} }]),
  });
  const [r] = await discover({ west: server });
  assert.ok(r);
  assert.deepEqual(r.podCIDRs, ['192.168.0.0/16']);
  assert.deepEqual(r.serviceCIDRs, ['10.100.0.0/16', 'fd00:100::/108']);
  assert.deepEqual(
    summary(r).filter((l) => l.startsWith('*')),
    [
      '* pod 192.168.0.0/16 CalicoIPPool high',
      '* service 10.100.0.0/16 ServiceCIDR high',
      '* service fd00:100::/108 ServiceCIDR high',
    ],
  );
  assert.ok(
    r.ranges.some(
      (g) =>
        g.source === 'kube-apiserver' &&
        g.from === 'Pod kube-system/kube-apiserver-cp1 --service-cluster-ip-range' &&
        g.cidr === 'fd00:100::/108',
    ),
  );
  assert.ok(r.ranges.some((g) => g.source === 'kube-controller-manager' && g.kind === 'pod' && g.cidr === '192.168.0.0/16'));
  assert.ok(r.warnings.includes('Calico IPPool old is disabled; not counted'));
  assert.ok(r.warnings.some((w) => /none of the 2 Nodes has spec\.podCIDR: the CNI allocates pod IPs itself/.test(w)));
});

test('Submariner CR gives pod, service and global ranges and the cluster id; Cilium in kubernetes IPAM defers to Nodes', async () => {
  const server = await fakeCluster({
    '/version': { gitVersion: 'v1.31.0' },
    '/apis/submariner.io/v1alpha1/submariners': list([
      {
        metadata: { name: 'submariner', namespace: 'submariner-operator' },
        spec: {
          clusterID: 'central',
          clusterCIDR: '10.50.0.0/16',
          serviceCIDR: '10.110.0.0/16',
          globalCIDR: '242.1.0.0/16',
          brokerK8sApiServerToken: 'never-printed-token-123',
        },
      },
    ]),
    '/api/v1/namespaces/kube-system/configmaps/cilium-config': cm({ ipam: 'kubernetes' }),
    '/api/v1/nodes': list([{ spec: { podCIDRs: ['10.50.0.0/24'] } }]),
  });
  const [r] = await discover({ central: server });
  assert.ok(r);
  assert.equal(r.clusterId, 'central');
  assert.deepEqual([r.podCIDRs, r.serviceCIDRs, r.globalCIDRs], [['10.50.0.0/16'], ['10.110.0.0/16'], ['242.1.0.0/16']]);
  assert.ok(
    r.warnings.includes('Cilium IPAM mode is "kubernetes": pod ranges come from Node spec.podCIDRs, not from cilium-config'),
  );
  assert.doesNotMatch(JSON.stringify(r), /never-printed-token/);
});

test('Submariner Cluster objects: only the one whose cluster_id is ours is used', async () => {
  const server = await fakeCluster({
    '/version': { gitVersion: 'v1.31.0' },
    '/apis/about.k8s.io/v1alpha1/clusterproperties/cluster.clusterset.k8s.io': { spec: { value: 'west' } },
    '/apis/submariner.io/v1/clusters': list([
      {
        metadata: { name: 'east', namespace: 'submariner-operator' },
        spec: { cluster_id: 'east', cluster_cidr: ['10.1.0.0/16'], service_cidr: ['10.96.0.0/16'] },
      },
      {
        metadata: { name: 'west', namespace: 'submariner-operator' },
        spec: { cluster_id: 'west', cluster_cidr: ['10.2.0.0/16'], service_cidr: ['10.97.0.0/16'], global_cidr: [] },
      },
    ]),
  });
  const [r] = await discover({ 'kind-west': server });
  assert.ok(r);
  assert.equal(r.clusterId, 'west');
  assert.deepEqual([r.podCIDRs, r.serviceCIDRs], [['10.2.0.0/16'], ['10.97.0.0/16']]);
  assert.deepEqual(
    r.ranges.map((g) => g.from),
    ['Cluster submariner-operator/west spec.cluster_cidr', 'Cluster submariner-operator/west spec.service_cidr'],
  );
});
