// Objects the doctor scenarios seed by hand, the way a controller would have left them (no controller
// runs on the testbed): Services, EndpointSlices, ServiceExports with their status, ServiceImports, MCS
// EndpointSlices, controller Deployments with a ready status, Cilium/Submariner plumbing.
import type { KubernetesObject } from '@kubernetes/client-node';
import type { Testbed } from '../../testbed/src/index.js';

export type Obj = KubernetesObject & Record<string, unknown>;

export const ns = (name: string, annotations?: Record<string, string>): Obj => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, ...(annotations ? { annotations } : {}) },
});

export function service(
  namespace: string,
  name: string,
  opts: { type?: string; headless?: boolean; ports?: number[] } = {},
): Obj {
  const type = opts.type ?? 'ClusterIP';
  const spec: Record<string, unknown> =
    type === 'ExternalName'
      ? { type, externalName: 'example.com' }
      : {
          type,
          selector: { app: name },
          ports: (opts.ports ?? [80]).map((port) => ({ name: `p${port}`, port, protocol: 'TCP' })),
        };
  if (opts.headless) spec.clusterIP = 'None';
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
}

export function localSlice(namespace: string, svc: string, ready: boolean): Obj {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${svc}-local`, namespace, labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4',
    ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
    endpoints: [{ addresses: ['10.244.0.5'], conditions: { ready } }],
  };
}

export function mcsSlice(namespace: string, svc: string, source: string, ready: boolean): Obj {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${svc}-${source}`,
      namespace,
      labels: {
        'multicluster.kubernetes.io/service-name': svc,
        'multicluster.kubernetes.io/source-cluster': source,
        'endpointslice.kubernetes.io/managed-by': 'mcs-controller.testbed',
      },
    },
    addressType: 'IPv4',
    ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
    endpoints: [{ addresses: ['10.245.0.5'], conditions: { ready } }],
  };
}

export const serviceExport = (namespace: string, name: string): Obj => ({
  apiVersion: 'multicluster.x-k8s.io/v1alpha1',
  kind: 'ServiceExport',
  metadata: { name, namespace },
});

export function serviceImport(
  namespace: string,
  name: string,
  opts: { ips?: string[]; type?: string; ports?: number[] } = {},
): Obj {
  return {
    apiVersion: 'multicluster.x-k8s.io/v1alpha1',
    kind: 'ServiceImport',
    metadata: { name, namespace },
    spec: {
      type: opts.type ?? 'ClusterSetIP',
      ips: opts.ips ?? ['10.97.200.1'],
      ports: (opts.ports ?? [80]).map((port) => ({ name: `p${port}`, port, protocol: 'TCP' })),
    },
  };
}

export function deployment(namespace: string, name: string): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'example.invalid/controller:1' }] } },
    },
  };
}

export const configMap = (namespace: string, name: string, data: Record<string, string>): Obj => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
  data,
});

const now = () => new Date(Date.now() - 5 * 60_000).toISOString();

export const condition = (type: string, status: 'True' | 'False' | 'Unknown', reason: string, message = '') => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: now(),
});

export const HEALTHY_EXPORT_STATUS = {
  conditions: [
    condition('Valid', 'True', 'Valid'),
    condition('Ready', 'True', 'Exported'),
    condition('Conflict', 'False', 'NoConflicts'),
  ],
};

/** Writes `status` through the status subresource (server-side apply ignores it on the main resource). */
export async function patchStatus(
  tb: Testbed,
  context: string,
  resource: string,
  namespace: string | undefined,
  name: string,
  status: object,
): Promise<void> {
  const args = ['patch', resource, name, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status })];
  if (namespace) args.push('-n', namespace);
  const r = await tb.kubectl(context, args);
  if (r.code !== 0) throw new Error(`patch status of ${resource} ${name}: ${r.stderr}`);
}

export async function kubectlOk(tb: Testbed, context: string, args: string[]): Promise<string> {
  const r = await tb.kubectl(context, args);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A ready controller Deployment (status written by hand: no controller-manager runs). */
export async function readyDeployment(tb: Testbed, cluster: string, namespace: string, name: string, ready = 1): Promise<void> {
  await tb.apply(cluster, [ns(namespace), deployment(namespace, name)]);
  await patchStatus(tb, cluster, 'deployment', namespace, name, {
    replicas: 1,
    readyReplicas: ready,
    availableReplicas: ready,
    updatedReplicas: 1,
  });
}

/** A ServiceExport with the status a controller would write. */
export async function exported(
  tb: Testbed,
  cluster: string,
  namespace: string,
  name: string,
  status: object | null = HEALTHY_EXPORT_STATUS,
): Promise<void> {
  await tb.apply(cluster, serviceExport(namespace, name));
  if (status) await patchStatus(tb, cluster, 'serviceexports.multicluster.x-k8s.io', namespace, name, status);
}

/** A service exported from `exporter` and imported (with MCS slices) everywhere in `consumers`: healthy. */
export async function healthyService(
  tb: Testbed,
  exporter: string,
  consumers: string[],
  namespace: string,
  name: string,
): Promise<void> {
  await tb.apply(exporter, [ns(namespace), service(namespace, name), localSlice(namespace, name, true)]);
  await exported(tb, exporter, namespace, name);
  for (const c of new Set([exporter, ...consumers])) {
    const objs: Obj[] = [ns(namespace), serviceImport(namespace, name)];
    if (c !== exporter) objs.push(mcsSlice(namespace, name, exporter, true));
    await tb.apply(c, objs);
  }
}

export const CILIUM_CONFIG = (name: string, id: number, extra: Record<string, string> = {}): Obj =>
  configMap('kube-system', 'cilium-config', {
    'cluster-name': name,
    'cluster-id': String(id),
    'clustermesh-enable-mcs-api': 'true',
    'enable-wireguard': 'false',
    'enable-ipsec': 'false',
    ...extra,
  });
