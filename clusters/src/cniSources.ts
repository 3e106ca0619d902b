// Ranges the CNI and the multicluster dataplane own (Cilium, Calico, Submariner) and the cluster's
// identity (ClusterProperty, Cilium cluster-name), read through their CRDs and ConfigMaps.
import type { ClusterAccess } from './access';
import { aggregateNodeRanges, cidrList, failed, toRanges, type SourceResult } from './cidrSources';

type Obj = { metadata?: { name?: string; namespace?: string }; spec?: Record<string, unknown>; data?: Record<string, string> };

// Cilium's IPAM modes whose pod ranges live in cilium-config (cluster-pool is the Helm default).
const CILIUM_POOL_MODES = new Set(['cluster-pool', 'cluster-pool-v2beta']);

export async function readCiliumConfig(a: ClusterAccess): Promise<SourceResult> {
  const r = await a.getJson<Obj>(
    '/api/v1/namespaces/kube-system/configmaps/cilium-config',
    'ConfigMap kube-system/cilium-config',
  );
  if (!r.ok) return failed('cilium-config', r.fault);
  const data = r.value.data ?? {};
  const mode = data.ipam || 'cluster-pool';
  const warnings: string[] = [];
  const clusterName = data['cluster-name'] && data['cluster-name'] !== 'default' ? data['cluster-name'] : undefined;
  const identity = clusterName ? { clusterId: clusterName } : {};
  if (!CILIUM_POOL_MODES.has(mode)) {
    warnings.push(
      `Cilium IPAM mode is "${mode}": pod ranges come from ${mode === 'kubernetes' ? 'Node spec.podCIDRs' : mode === 'multi-pool' ? 'CiliumPodIPPools (not read)' : 'the cloud provider (not read)'}, not from cilium-config`,
    );
    return { source: 'cilium-config', ranges: [], warnings, ...identity };
  }
  const base = {
    kind: 'pod' as const,
    source: 'cilium-config' as const,
    confidence: 'high' as const,
    note: `Cilium IPAM ${mode}`,
  };
  const out = [
    ...toRanges(
      cidrList(data['cluster-pool-ipv4-cidr']),
      { ...base, from: 'ConfigMap kube-system/cilium-config cluster-pool-ipv4-cidr' },
      warnings,
    ),
    ...toRanges(
      cidrList(data['cluster-pool-ipv6-cidr']),
      { ...base, from: 'ConfigMap kube-system/cilium-config cluster-pool-ipv6-cidr' },
      warnings,
    ),
  ];
  return { source: 'cilium-config', ranges: out, warnings, ...identity };
}

export async function readCiliumNodes(a: ClusterAccess): Promise<SourceResult> {
  const r = await a.listAll<Obj & { spec?: { ipam?: { podCIDRs?: string[] } } }>(
    '/apis/cilium.io/v2/ciliumnodes',
    'CiliumNodes (cilium.io/v2)',
  );
  if (!r.ok) return failed('CiliumNode', r.fault);
  return aggregateNodeRanges(
    'CiliumNode',
    r.value.items.map((n) => cidrList(n.spec?.ipam?.podCIDRs)),
    r.value.items.length,
    r.value.truncated,
  );
}

export async function readCalicoPools(a: ClusterAccess): Promise<SourceResult> {
  const r = await a.listAll<Obj>('/apis/crd.projectcalico.org/v1/ippools', 'Calico IPPools (crd.projectcalico.org/v1)');
  if (!r.ok) return failed('CalicoIPPool', r.fault);
  const warnings: string[] = [];
  const out = r.value.items.flatMap((pool) => {
    const name = pool.metadata?.name ?? '?';
    if (pool.spec?.disabled === true) {
      warnings.push(`Calico IPPool ${name} is disabled; not counted`);
      return [];
    }
    return toRanges(
      cidrList(pool.spec?.cidr),
      { kind: 'pod', source: 'CalicoIPPool', from: `IPPool ${name} spec.cidr`, confidence: 'high' },
      warnings,
    );
  });
  return { source: 'CalicoIPPool', ranges: out, warnings, absent: r.value.items.length === 0 };
}

/**
 * Submariner: the local `Submariner` CR (submariner.io/v1alpha1, spec.clusterCIDR/serviceCIDR/globalCIDR),
 * else the `Cluster` object (submariner.io/v1, snake_case fields) whose cluster_id is this cluster's.
 */
export async function readSubmariner(a: ClusterAccess, clusterId: string | undefined): Promise<SourceResult> {
  const warnings: string[] = [];
  const cr = await a.listAll<Obj>('/apis/submariner.io/v1alpha1/submariners', 'Submariner (submariner.io/v1alpha1)');
  if (cr.ok && cr.value.items[0]) {
    const s = cr.value.items[0];
    const name = `Submariner ${s.metadata?.namespace ?? '?'}/${s.metadata?.name ?? '?'}`;
    const base = { source: 'Submariner' as const, confidence: 'high' as const };
    const id = typeof s.spec?.clusterID === 'string' ? s.spec.clusterID : undefined;
    const out = [
      ...toRanges(cidrList(s.spec?.clusterCIDR), { ...base, kind: 'pod', from: `${name} spec.clusterCIDR` }, warnings),
      ...toRanges(cidrList(s.spec?.serviceCIDR), { ...base, kind: 'service', from: `${name} spec.serviceCIDR` }, warnings),
      ...toRanges(cidrList(s.spec?.globalCIDR), { ...base, kind: 'global', from: `${name} spec.globalCIDR` }, warnings),
    ];
    return { source: 'Submariner', ranges: out, warnings, ...(id ? { clusterId: id } : {}) };
  }
  if (!cr.ok && cr.fault.kind !== 'crdMissing') return failed('Submariner', cr.fault);
  const r = await a.listAll<Obj>('/apis/submariner.io/v1/clusters', 'Submariner Clusters (submariner.io/v1)');
  if (!r.ok) return failed('Submariner', r.fault);
  const items = r.value.items;
  const ids = items.map((c) => String(c.spec?.cluster_id ?? c.metadata?.name ?? '?'));
  const own = clusterId ? items.find((c) => c.spec?.cluster_id === clusterId) : items.length === 1 ? items[0] : undefined;
  if (!own) {
    if (items.length)
      warnings.push(
        `Submariner Cluster objects for ${ids.join(', ')}, none known to be this cluster${clusterId ? ` (${clusterId})` : ''}; not used`,
      );
    return { source: 'Submariner', ranges: [], warnings, absent: items.length === 0 };
  }
  const name = `Cluster ${own.metadata?.namespace ?? '?'}/${own.metadata?.name ?? '?'}`;
  const base = { source: 'Submariner' as const, confidence: 'high' as const };
  const out = [
    ...toRanges(cidrList(own.spec?.cluster_cidr), { ...base, kind: 'pod', from: `${name} spec.cluster_cidr` }, warnings),
    ...toRanges(cidrList(own.spec?.service_cidr), { ...base, kind: 'service', from: `${name} spec.service_cidr` }, warnings),
    ...toRanges(cidrList(own.spec?.global_cidr), { ...base, kind: 'global', from: `${name} spec.global_cidr` }, warnings),
  ];
  const id = typeof own.spec?.cluster_id === 'string' ? own.spec.cluster_id : undefined;
  return { source: 'Submariner', ranges: out, warnings, ...(id ? { clusterId: id } : {}) };
}

/** The cluster id from ClusterProperty cluster.clusterset.k8s.io (about.k8s.io v1alpha1, then v1beta1). */
export async function readClusterProperty(a: ClusterAccess): Promise<SourceResult> {
  for (const v of ['v1alpha1', 'v1beta1']) {
    const r = await a.getJson<Obj>(
      `/apis/about.k8s.io/${v}/clusterproperties/cluster.clusterset.k8s.io`,
      'ClusterProperty cluster.clusterset.k8s.io',
    );
    if (r.ok) {
      const value = r.value.spec?.value;
      return {
        source: 'ClusterProperty',
        ranges: [],
        warnings: [],
        ...(typeof value === 'string' && value ? { clusterId: value } : {}),
      };
    }
    if (r.fault.kind !== 'crdMissing') return failed('ClusterProperty', r.fault);
  }
  return { source: 'ClusterProperty', ranges: [], warnings: [], absent: true };
}

/** default/kubernetes: its ClusterIP is the first IP of the primary service range (a hint, no length). */
export async function readKubernetesService(a: ClusterAccess): Promise<SourceResult> {
  const r = await a.getJson<{ spec?: { clusterIP?: string } }>(
    '/api/v1/namespaces/default/services/kubernetes',
    'Service default/kubernetes',
  );
  if (!r.ok) return failed('kubernetes-Service', r.fault);
  const ip = r.value.spec?.clusterIP;
  return { source: 'kubernetes-Service', ranges: [], warnings: [], ...(ip ? { apiServiceIp: ip } : {}) };
}
