// The demo clusterset's live state, for `npm start` and the e2e tree scenarios: what the clusters would
// hold once an MCS controller (Cilium ClusterMesh here) has done its work, written by hand because the
// testbed runs no controller. Every object is valid for the API server; the status a controller would
// write goes through the status subresource (`kubectl patch --subresource=status`), as the CRDs demand.
// `npm start` adds what the clusters' controllers would have written (seedDemo's withController): a ready
// cilium-operator, cilium-config with MCS-API support and the exporters' own EndpointSlices, so the tree
// and the runbook see Cilium, not "no controller".
//
//   shop/web          healthy  — exported from east and west (same ports), imported everywhere with an IP
//   shop/cart         degraded — headless, exported from east and west; central has endpoints from east only
//   billing/payments  broken   — west exports it, but the Service is named payments-api (Valid=False)
//   north             a fourth context whose server does not answer (withUnreachableContext)
//   Nodes with pod ranges, so Discover CIDRs finds something (central's differ from examples/clusterset.yaml)
//
// The lint demo in examples/clusters/ (files with deliberate mistakes) is never applied to a cluster.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

const MCS = 'multicluster.x-k8s.io/v1alpha1';
const PORT_HTTP = { name: 'http', protocol: 'TCP', port: 80 };
const PORT_CART = { name: 'http', protocol: 'TCP', port: 8080 };
const AT = '2026-11-30T08:00:00Z';

const ns = (name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const meta = (namespace, name, extra = {}) => ({ namespace, name, ...extra });

function service(namespace, name, ports, { headless = false, selector = name } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(namespace, name),
    spec: { selector: { app: selector }, ports, ...(headless ? { clusterIP: 'None' } : {}) },
  };
}

const condition = (type, status, reason, message) => ({ type, status, reason, message, lastTransitionTime: AT });

function serviceExport(namespace, name, conditions) {
  return { object: { apiVersion: MCS, kind: 'ServiceExport', metadata: meta(namespace, name) }, status: { conditions } };
}

const exported = [
  condition('Valid', 'True', 'Valid', 'Service found and valid'),
  condition('Ready', 'True', 'Exported', 'Service is exported to the clusterset'),
  condition('Conflict', 'False', 'NoConflicts', 'No conflicts with other exports'),
];

function serviceImport(namespace, name, type, ips, ports, from) {
  return {
    object: {
      apiVersion: MCS,
      kind: 'ServiceImport',
      metadata: meta(namespace, name),
      spec: { type, ...(ips.length ? { ips } : {}), ports },
    },
    status: { clusters: from.map((cluster) => ({ cluster })) },
  };
}

/** An MCS EndpointSlice in a consumer for the endpoints of `source`. */
function mcsSlice(namespace, service, source, addresses, readyCount) {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(namespace, `${service}-${source}`, {
      labels: {
        'multicluster.kubernetes.io/service-name': service,
        'multicluster.kubernetes.io/source-cluster': source,
        'endpointslice.kubernetes.io/managed-by': 'clusterset-demo.clusterset.dev',
      },
    }),
    addressType: 'IPv4',
    endpoints: addresses.map((a, i) => ({ addresses: [a], hostname: `${service}-${i}`, conditions: { ready: i < readyCount } })),
    ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
  };
}

/** The cart pods' IPs, inside their cluster's Node pod ranges below (the consumers' MCS slices carry them). */
const EAST_CART_PODS = ['10.10.0.9', '10.10.1.9'];
const WEST_CART_PODS = ['10.20.0.7', '10.20.1.7'];

/** The exporting cluster's own EndpointSlice of a Service (kube-controller-manager's work), all ready. */
function localSlice(namespace, service, addresses) {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(namespace, `${service}-local`, {
      labels: {
        'kubernetes.io/service-name': service,
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
    }),
    addressType: 'IPv4',
    endpoints: addresses.map((a) => ({ addresses: [a], conditions: { ready: true } })),
    ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
  };
}

/** A Node with its pod range (no kubelet runs: it is there for Discover CIDRs). */
const node = (name, podCIDR) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: { podCIDR, podCIDRs: [podCIDR] } });

/** Per cluster: plain objects, and `{object, status}` pairs whose status is written after the object. */
export const DEMO_SEED = {
  east: [
    node('east-node-1', '10.10.0.0/24'),
    node('east-node-2', '10.10.1.0/24'),
    ns('shop'),
    service('shop', 'web', [{ ...PORT_HTTP, targetPort: 8080 }]),
    serviceExport('shop', 'web', exported),
    serviceImport('shop', 'web', 'ClusterSetIP', ['10.96.200.10'], [PORT_HTTP], ['east', 'west']),
    service('shop', 'cart', [PORT_CART], { headless: true }),
    serviceExport('shop', 'cart', exported),
    serviceImport('shop', 'cart', 'Headless', [], [PORT_CART], ['east', 'west']),
    mcsSlice('shop', 'cart', 'west', WEST_CART_PODS, 2),
  ],
  west: [
    node('west-node-1', '10.20.0.0/24'),
    node('west-node-2', '10.20.1.0/24'),
    ns('shop'),
    ns('billing'),
    service('shop', 'web', [{ ...PORT_HTTP, targetPort: 8080 }]),
    serviceExport('shop', 'web', exported),
    serviceImport('shop', 'web', 'ClusterSetIP', ['10.97.200.10'], [PORT_HTTP], ['east', 'west']),
    service('shop', 'cart', [PORT_CART], { headless: true }),
    serviceExport('shop', 'cart', exported),
    serviceImport('shop', 'cart', 'Headless', [], [PORT_CART], ['east', 'west']),
    mcsSlice('shop', 'cart', 'east', EAST_CART_PODS, 2),
    service('billing', 'payments-api', [{ name: 'https', protocol: 'TCP', port: 443 }], { selector: 'payments' }),
    serviceExport('billing', 'payments', [
      condition('Valid', 'False', 'ServiceNotFound', 'Service billing/payments does not exist'),
      condition('Ready', 'False', 'Pending', 'Waiting for a valid Service'),
    ]),
  ],
  central: [
    // Where central's pods really are (examples/clusterset.yaml has the mistaken 10.10.128.0/17).
    node('central-node-1', '10.30.0.0/24'),
    ns('shop'),
    serviceImport('shop', 'web', 'ClusterSetIP', ['10.98.200.10'], [PORT_HTTP], ['east', 'west']),
    serviceImport('shop', 'cart', 'Headless', [], [PORT_CART], ['east', 'west']),
    // west's endpoints never arrived in central: the degraded service.
    mcsSlice('shop', 'cart', 'east', EAST_CART_PODS, 2),
  ],
};

/**
 * Cilium ClusterMesh with MCS-API support as `npm start` shows it: the operator's Deployment, its ready status
 * written by hand (no kubelet or controller runs on the testbed), and cilium-config with this cluster's
 * ClusterMesh name and id. IPAM mode `kubernetes`: pod ranges are the Nodes' spec.podCIDRs above, as Discover CIDRs reads them.
 * Without it (the e2e testbed) no controller runs anywhere, which the runbook's e2e scenario checks.
 */
function ciliumController(clusterName, clusterId) {
  const labels = { 'io.cilium/app': 'operator', name: 'cilium-operator' };
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta('kube-system', 'cilium-config'),
      data: {
        'cluster-name': clusterName,
        'cluster-id': String(clusterId),
        ipam: 'kubernetes',
        // No clustermesh-enable-endpoint-sync: Cilium's default, remote EndpointSlices for headless imports only.
        'clustermesh-enable-mcs-api': 'true',
      },
    },
    {
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta('kube-system', 'cilium-operator', { labels }),
        spec: {
          replicas: 1,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: { containers: [{ name: 'cilium-operator', image: 'quay.io/cilium/operator-generic:v1.18.4' }] },
          },
        },
      },
      status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 },
    },
  ];
}

/** The clusters' ClusterMesh ids for `withController` (1..255, unique). */
const CILIUM_IDS = { east: 1, west: 2, central: 3 };

/** What the controllers of a running cluster add (`withController`): Cilium, and the exporters' own endpoints. */
const RUNNING = {
  east: [
    localSlice('shop', 'web', ['10.10.0.5', '10.10.1.5']),
    localSlice('shop', 'cart', EAST_CART_PODS),
    ...ciliumController('east', CILIUM_IDS.east),
  ],
  west: [
    localSlice('shop', 'web', ['10.20.0.5', '10.20.1.5']),
    localSlice('shop', 'cart', WEST_CART_PODS),
    ...ciliumController('west', CILIUM_IDS.west),
  ],
  central: ciliumController('central', CILIUM_IDS.central),
};

const RESOURCE = {
  ServiceExport: 'serviceexports.multicluster.x-k8s.io',
  ServiceImport: 'serviceimports.multicluster.x-k8s.io',
  Deployment: 'deployments.apps',
};

/**
 * Applies DEMO_SEED to the testbed's clusters of the same names (namespaces first), then writes the
 * statuses. With `withController`, each cluster also gets what its controllers would have written (RUNNING):
 * a ready Cilium operator with MCS-API support, and the exporters' own EndpointSlices. Resolves with
 * per-cluster counts; throws with the API server's reason when anything is rejected.
 */
export async function seedDemo(testbed, { log = () => {}, only, withController = false } = {}) {
  const counts = {};
  for (const [cluster, seeded] of Object.entries(DEMO_SEED)) {
    if (only && !only.includes(cluster)) continue;
    const c = testbed.clusters.find((x) => x.name === cluster);
    if (!c) continue;
    const items = withController ? [...seeded, ...(RUNNING[cluster] ?? [])] : seeded;
    const objects = items.map((i) => i.object ?? i);
    await testbed.apply(cluster, objects);
    for (const i of items.filter((x) => x.status)) {
      const o = i.object;
      const r = await testbed.kubectl(c.context, [
        'patch',
        RESOURCE[o.kind],
        o.metadata.name,
        '-n',
        o.metadata.namespace,
        '--subresource=status',
        '--type=merge',
        '-p',
        JSON.stringify({ status: i.status }),
      ]);
      if (r.code !== 0)
        throw new Error(`status of ${o.kind} ${o.metadata.namespace}/${o.metadata.name} in ${cluster}: ${r.stderr.trim()}`);
    }
    counts[cluster] = objects.length;
    log(`seed ${cluster}: ${objects.length} objects, ${items.filter((x) => x.status).length} statuses`);
  }
  return counts;
}

/**
 * Writes a copy of `kubeconfigPath` with one more context, `name`, whose server refuses connections
 * (https://127.0.0.1:1): the demo's unreachable cluster. Its token is a fixed placeholder, not a credential.
 */
export function withUnreachableContext(kubeconfigPath, outPath, name = 'north') {
  const kc = parse(readFileSync(kubeconfigPath, 'utf8'));
  kc.clusters = [...(kc.clusters ?? []), { name, cluster: { server: 'https://127.0.0.1:1', 'insecure-skip-tls-verify': true } }];
  kc.users = [...(kc.users ?? []), { name: `${name}-user`, user: { token: 'demo-unreachable-no-secret' } }];
  kc.contexts = [...(kc.contexts ?? []), { name, context: { cluster: name, user: `${name}-user` } }];
  writeFileSync(outPath, stringify(kc), { mode: 0o600 });
  return outPath;
}
