// The places a cluster's Pod and Service ranges can be read from through the API (mcs-facts §10). Each
// reader returns ranges with their source and confidence; a 404 for the API means "this source is absent".
import { parse as parseYaml } from 'yaml';
import type { ClusterAccess } from './access';
import { coveringPrefix, formatPrefix, parsePrefix, type Prefix } from './cidrMath';
import type { ClusterFault, Result } from './faults';

export type RangeKind = 'pod' | 'service' | 'global';
export type Confidence = 'high' | 'medium' | 'low';

export interface DiscoveredRange {
  cidr: string;
  family: 4 | 6;
  kind: RangeKind;
  /** Stable source id, see SOURCE_RANK. */
  source: SourceId;
  /** Which object and field, e.g. `ServiceCIDR kubernetes spec.cidrs`. */
  from: string;
  confidence: Confidence;
  note?: string;
  /** Set in reports: this range is among those chosen for the ClusterSet file. */
  chosen?: boolean;
}

export type SourceId =
  | 'ServiceCIDR'
  | 'cilium-config'
  | 'CalicoIPPool'
  | 'kube-apiserver'
  | 'kube-controller-manager'
  | 'Submariner'
  | 'kubeadm-config'
  | 'CiliumNode'
  | 'Node'
  | 'ClusterProperty'
  | 'kubernetes-Service';

export interface SourceResult {
  source: SourceId;
  ranges: DiscoveredRange[];
  warnings: string[];
  /** Set when the source could not be read (403, timeout…); absent APIs are not faults. */
  fault?: ClusterFault;
  /** True when the API or object does not exist in this cluster. */
  absent?: boolean;
  clusterId?: string;
  /** The ClusterIP of default/kubernetes: the first IP of the primary service range. */
  apiServiceIp?: string;
}

type Obj = {
  metadata?: { name?: string; namespace?: string; deletionTimestamp?: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
};

const absent = (source: SourceId): SourceResult => ({ source, ranges: [], warnings: [], absent: true });
export const failed = (source: SourceId, f: ClusterFault): SourceResult =>
  f.kind === 'crdMissing' || f.kind === 'notFound' ? absent(source) : { source, ranges: [], warnings: [], fault: f };

/** CIDR strings from a field that may be a list, or one string with commas/spaces (flags, ConfigMaps). */
export function cidrList(v: unknown): string[] {
  const parts = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,]+/) : [];
  return parts.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim());
}

export function toRanges(texts: string[], base: Omit<DiscoveredRange, 'cidr' | 'family'>, warnings: string[]): DiscoveredRange[] {
  const out: DiscoveredRange[] = [];
  for (const t of texts) {
    const p = parsePrefix(t);
    if (!p) warnings.push(`${base.from} has "${t}", which is not a CIDR; ignored`);
    else out.push({ ...base, cidr: formatPrefix(p), family: p.family });
  }
  return out;
}

async function firstServed<T>(a: ClusterAccess, paths: string[], what: string): Promise<Result<T>> {
  let last: Result<T> = { ok: false, fault: { kind: 'crdMissing', message: `${what}: not served` } };
  for (const p of paths) {
    last = await a.getJson<T>(p, what);
    if (last.ok || last.fault.kind !== 'crdMissing') return last;
  }
  return last;
}

export async function readServiceCidrs(a: ClusterAccess): Promise<SourceResult> {
  const r = await firstServed<{ apiVersion?: string; items?: Obj[] }>(
    a,
    ['/apis/networking.k8s.io/v1/servicecidrs', '/apis/networking.k8s.io/v1beta1/servicecidrs'],
    'ServiceCIDRs (networking.k8s.io)',
  );
  if (!r.ok) return failed('ServiceCIDR', r.fault);
  const warnings: string[] = [];
  // The bootstrap object `kubernetes` comes from the apiserver flags and holds the primary range: list it first.
  const items = (r.value.items ?? [])
    .slice()
    .sort((x, y) => Number(y.metadata?.name === 'kubernetes') - Number(x.metadata?.name === 'kubernetes'));
  const out = items.flatMap((o) => {
    const name = o.metadata?.name ?? '?';
    const deleting = !!o.metadata?.deletionTimestamp;
    return toRanges(
      cidrList(o.spec?.cidrs),
      {
        kind: 'service',
        source: 'ServiceCIDR',
        from: `ServiceCIDR ${name} spec.cidrs (${r.value.apiVersion ?? 'networking.k8s.io'})`,
        confidence: deleting ? 'low' : 'high',
        ...(deleting ? { note: 'being deleted' } : {}),
      },
      warnings,
    );
  });
  return { source: 'ServiceCIDR', ranges: out, warnings, absent: out.length === 0 };
}

/** `--flag=a,b` or `--flag a,b` in a container's command + args. */
function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
    if (a === flag) return argv[i + 1];
  }
  return undefined;
}

export async function readControlPlaneFlags(a: ClusterAccess): Promise<SourceResult[]> {
  const selector = encodeURIComponent('component in (kube-apiserver,kube-controller-manager)');
  const r = await a.listAll<
    Obj & { metadata?: { labels?: Record<string, string> }; spec?: { containers?: { command?: string[]; args?: string[] }[] } }
  >(`/api/v1/namespaces/kube-system/pods?labelSelector=${selector}`, 'kube-system control-plane Pods');
  if (!r.ok) return [failed('kube-apiserver', r.fault), failed('kube-controller-manager', r.fault)];
  const byComponent = (id: 'kube-apiserver' | 'kube-controller-manager', flags: [string, RangeKind][]): SourceResult => {
    const warnings: string[] = [];
    const pods = r.value.items.filter((p) => p.metadata?.labels?.component === id);
    const seen = new Set<string>();
    const out: DiscoveredRange[] = [];
    for (const pod of pods) {
      const argv = (pod.spec?.containers ?? []).flatMap((c) => [...(c.command ?? []), ...(c.args ?? [])]);
      for (const [flag, kind] of flags) {
        for (const rg of toRanges(
          cidrList(flagValue(argv, flag)),
          { kind, source: id, from: `Pod kube-system/${pod.metadata?.name ?? '?'} ${flag}`, confidence: 'high' },
          warnings,
        )) {
          if (!seen.has(`${kind} ${rg.cidr}`)) out.push(rg);
          seen.add(`${kind} ${rg.cidr}`);
        }
      }
    }
    return { source: id, ranges: out, warnings, absent: out.length === 0 };
  };
  return [
    byComponent('kube-apiserver', [['--service-cluster-ip-range', 'service']]),
    byComponent('kube-controller-manager', [
      ['--cluster-cidr', 'pod'],
      ['--service-cluster-ip-range', 'service'],
    ]),
  ];
}

export async function readKubeadmConfig(a: ClusterAccess): Promise<SourceResult> {
  const r = await a.getJson<Obj>(
    '/api/v1/namespaces/kube-system/configmaps/kubeadm-config',
    'ConfigMap kube-system/kubeadm-config',
  );
  if (!r.ok) return failed('kubeadm-config', r.fault);
  const warnings: string[] = [];
  let net: { podSubnet?: unknown; serviceSubnet?: unknown } = {};
  try {
    net = ((parseYaml(r.value.data?.ClusterConfiguration ?? '') as { networking?: typeof net } | null)?.networking ??
      {}) as typeof net;
  } catch {
    warnings.push('kubeadm-config ClusterConfiguration is not valid YAML; ignored');
  }
  const base = {
    source: 'kubeadm-config' as const,
    confidence: 'medium' as const,
    note: 'what the cluster was created with; the CNI may use another range',
  };
  const out = [
    ...toRanges(
      cidrList(net.podSubnet),
      { ...base, kind: 'pod', from: 'ConfigMap kube-system/kubeadm-config networking.podSubnet' },
      warnings,
    ),
    ...toRanges(
      cidrList(net.serviceSubnet),
      { ...base, kind: 'service', from: 'ConfigMap kube-system/kubeadm-config networking.serviceSubnet' },
      warnings,
    ),
  ];
  return { source: 'kubeadm-config', ranges: out, warnings, absent: out.length === 0 };
}

/**
 * Per-node pod ranges (Node spec.podCIDRs, CiliumNode spec.ipam.podCIDRs) summarised as the smallest
 * covering prefix per family: a lower bound of the cluster range, hence medium confidence.
 */
export function aggregateNodeRanges(
  source: 'Node' | 'CiliumNode',
  perNode: string[][],
  nodeCount: number,
  truncated = false,
): SourceResult {
  const warnings: string[] = [];
  const withRange = perNode.filter((l) => l.length > 0).length;
  if (nodeCount > 0 && withRange === 0 && source === 'Node') {
    warnings.push(
      `none of the ${nodeCount} Nodes has spec.podCIDR: the CNI allocates pod IPs itself (e.g. Cilium cluster-pool, Calico IPAM), so read its pools`,
    );
  } else if (withRange < nodeCount) {
    warnings.push(`${nodeCount - withRange} of ${nodeCount} ${source}s have no pod range yet`);
  }
  const out: DiscoveredRange[] = [];
  for (const family of [4, 6] as const) {
    const prefixes = perNode
      .flat()
      .map(parsePrefix)
      .filter((p): p is Prefix => !!p && p.family === family);
    const cover = coveringPrefix(prefixes);
    if (!cover) continue;
    const distinct = new Set(prefixes.map(formatPrefix));
    if (cover.bits < (family === 4 ? 8 : 16)) {
      warnings.push(
        `${source} pod ranges are scattered (their covering prefix ${formatPrefix(cover)} is too wide to be one cluster range); listed one by one`,
      );
      for (const c of distinct)
        out.push({ cidr: c, family, kind: 'pod', source, from: `${source} spec.podCIDRs`, confidence: 'medium' });
      continue;
    }
    const field = source === 'Node' ? 'spec.podCIDRs' : 'spec.ipam.podCIDRs';
    out.push({
      cidr: formatPrefix(cover),
      family,
      kind: 'pod',
      source,
      from: `${source} ${field} (${withRange} of ${nodeCount}${truncated ? '+' : ''})`,
      confidence: 'medium',
      note: `smallest prefix covering ${distinct.size} node range(s); the cluster range may be larger`,
    });
  }
  return { source, ranges: out, warnings, absent: out.length === 0 && nodeCount === 0 };
}

export async function readNodes(a: ClusterAccess): Promise<SourceResult> {
  const r = await a.listAll<Obj & { spec?: { podCIDR?: string; podCIDRs?: string[] } }>('/api/v1/nodes', 'Nodes');
  if (!r.ok) return failed('Node', r.fault);
  const perNode = r.value.items.map((n) => cidrList(n.spec?.podCIDRs ?? n.spec?.podCIDR));
  return aggregateNodeRanges('Node', perNode, r.value.items.length, r.value.truncated);
}
