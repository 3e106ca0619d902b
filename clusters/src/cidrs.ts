// Live CIDR discovery: every context in parallel (bounded), each under its own deadline; per cluster, every
// source of mcs-facts §10 read at once, then one pod/service range set chosen by source rank.
import type { KubeConfig } from '@kubernetes/client-node';
import { openClusterAccess, DEFAULT_TIMEOUT_MS, type ClusterAccess } from './access';
import { contains, parsePrefix } from './cidrMath';
import {
  readControlPlaneFlags,
  readKubeadmConfig,
  readNodes,
  readServiceCidrs,
  type DiscoveredRange,
  type RangeKind,
  type SourceId,
  type SourceResult,
} from './cidrSources';
import {
  readCalicoPools,
  readCiliumConfig,
  readCiliumNodes,
  readClusterProperty,
  readKubernetesService,
  readSubmariner,
} from './cniSources';
import { describeFault, internalFault, isClusterWide, makeFault, type ClusterFault } from './faults';
import { loadKubeConfig } from './kubeconfig';
import { scrubReport } from './reportScrub';

export type { DiscoveredRange, RangeKind, SourceId, Confidence } from './cidrSources';

export interface SourceStatus {
  source: SourceId;
  status: 'found' | 'empty' | 'absent' | 'fault';
  fault?: ClusterFault;
}

export interface ClusterCidrReport {
  context: string;
  server?: string;
  /** From ClusterProperty cluster.clusterset.k8s.io, else Submariner's cluster id, else Cilium's cluster-name. */
  clusterId?: string;
  kubernetesVersion?: string;
  /** False when the cluster could not be read at all (or stopped answering); see `fault`. */
  ok: boolean;
  fault?: ClusterFault;
  /** The ranges chosen per family from the best source (see SOURCE_RANK). */
  podCIDRs: string[];
  serviceCIDRs: string[];
  globalCIDRs: string[];
  /** Everything found, best source first. */
  ranges: DiscoveredRange[];
  warnings: string[];
  sources: SourceStatus[];
  durationMs: number;
}

export interface DiscoverOptions {
  /** Kubeconfig file; default $KUBECONFIG or ~/.kube/config. Ignored when `kubeConfig` is given. */
  kubeconfigPath?: string;
  kubeConfig?: KubeConfig;
  allowExecAuth: boolean;
  /** Per-cluster deadline. Default 15 s. */
  timeoutMs?: number;
  /** Clusters read at the same time. Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called as each cluster finishes (progress). */
  onCluster?: (report: ClusterCidrReport) => void;
}

/** Which source wins for a kind (lower is better): what the dataplane uses beats what the cluster was created with. */
export const SOURCE_RANK: Record<RangeKind, SourceId[]> = {
  service: ['ServiceCIDR', 'kube-apiserver', 'kube-controller-manager', 'Submariner', 'kubeadm-config'],
  pod: ['cilium-config', 'CalicoIPPool', 'kube-controller-manager', 'Submariner', 'kubeadm-config', 'CiliumNode', 'Node'],
  global: ['Submariner'],
};

function rankOf(r: DiscoveredRange): number {
  const i = SOURCE_RANK[r.kind].indexOf(r.source);
  return (i < 0 ? 99 : i) + (r.confidence === 'low' ? 100 : 0);
}

/** Chosen ranges per kind (per family, those of the best-ranked source) and warnings where sources disagree. */
export function chooseRanges(all: DiscoveredRange[]): {
  chosen: Record<RangeKind, string[]>;
  winners: Set<DiscoveredRange>;
  warnings: string[];
} {
  const chosen: Record<RangeKind, string[]> = { pod: [], service: [], global: [] };
  const winnerSet = new Set<DiscoveredRange>();
  const warnings: string[] = [];
  for (const kind of ['pod', 'service', 'global'] as const) {
    for (const family of [4, 6] as const) {
      const cands = all.filter((r) => r.kind === kind && r.family === family).sort((a, b) => rankOf(a) - rankOf(b));
      const best = cands[0];
      if (!best) continue;
      const winners = cands.filter((r) => r.source === best.source);
      for (const w of winners) {
        winnerSet.add(w);
        if (!chosen[kind].includes(w.cidr)) chosen[kind].push(w.cidr);
      }
      const winPrefixes = winners.map((w) => parsePrefix(w.cidr)!);
      const reported = new Set<string>();
      for (const other of cands.filter((r) => r.source !== best.source)) {
        const p = parsePrefix(other.cidr)!;
        const agrees = winPrefixes.some((w) => contains(w, p) || contains(p, w));
        const key = `${other.source} ${other.cidr}`;
        if (!agrees && !reported.has(key)) {
          reported.add(key);
          warnings.push(
            `${kind} range ${other.cidr} from ${other.from} disagrees with ${winners.map((w) => w.cidr).join(', ')} from ${best.from}; using the latter (${best.source} ranks higher)`,
          );
        }
      }
    }
  }
  return { chosen, winners: winnerSet, warnings };
}

async function readAllSources(a: ClusterAccess): Promise<SourceResult[]> {
  const identity = readClusterProperty(a);
  const [cp, ...rest] = await Promise.all([
    identity,
    readServiceCidrs(a),
    readControlPlaneFlags(a),
    readKubeadmConfig(a),
    readNodes(a),
    readCiliumConfig(a),
    readCiliumNodes(a),
    readCalicoPools(a),
    readKubernetesService(a),
    identity.then((p) => readSubmariner(a, p.clusterId)),
  ]);
  return [cp, ...rest.flat()];
}

function emptyReport(context: string, server?: string): ClusterCidrReport {
  return {
    context,
    ...(server ? { server } : {}),
    ok: true,
    podCIDRs: [],
    serviceCIDRs: [],
    globalCIDRs: [],
    ranges: [],
    warnings: [],
    sources: [],
    durationMs: 0,
  };
}

export async function discoverCluster(kc: KubeConfig, context: string, options: DiscoverOptions): Promise<ClusterCidrReport> {
  const t0 = Date.now();
  const done = (r: ClusterCidrReport) => stableOrder({ ...r, durationMs: Date.now() - t0 });
  const opened = openClusterAccess(kc, context, {
    allowExecAuth: options.allowExecAuth,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!opened.ok) return done({ ...emptyReport(context), ok: false, fault: opened.fault });
  const a = opened.value;
  const report = emptyReport(context, a.server);
  // One request first: an unreachable or unauthenticated cluster gives one fault, not one per source.
  const version = await a.getJson<{ gitVersion?: string }>('/version', 'the server version (/version)');
  // /version is the server's simplest answer: a 5xx or a non-Kubernetes answer there says the whole cluster is in trouble.
  const versionFails =
    !version.ok && (isClusterWide(version.fault) || ['serverError', 'badResponse'].includes(version.fault.kind));
  if (!version.ok && versionFails) return done({ ...report, ok: false, fault: version.fault });
  if (version.ok && version.value.gitVersion) report.kubernetesVersion = version.value.gitVersion;

  const results = await readAllSources(a);
  report.sources = results.map((r) => ({
    source: r.source,
    status: r.fault ? 'fault' : r.absent ? 'absent' : r.ranges.length || r.clusterId || r.apiServiceIp ? 'found' : 'empty',
    ...(r.fault ? { fault: r.fault } : {}),
  }));
  const clusterWide = results.find((r) => r.fault && isClusterWide(r.fault));
  if (clusterWide?.fault) {
    report.ok = false;
    report.fault = clusterWide.fault;
  } else if (results.every((r) => r.fault)) {
    report.ok = false;
    const faults = results.map((r) => r.fault as ClusterFault);
    if (faults.every((f) => f.kind === 'forbidden')) {
      const example = (results.find((r) => r.source === 'Node') ?? results[0])?.fault?.message.replace(/^forbidden: /, '') ?? '';
      report.fault = makeFault(
        'forbidden',
        `forbidden: this context may not read any CIDR source (Nodes, ServiceCIDRs, kube-system ConfigMaps, CNI pools), e.g. ${example}`,
      );
    } else {
      // Mixed failures (server errors, bad answers): the first one that is not a 403 says the most.
      const first = faults.find((f) => f.kind !== 'forbidden') ?? faults[0];
      report.fault = makeFault(
        first?.kind ?? 'internal',
        `no CIDR source could be read, e.g. ${first ? describeFault(first) : ''}`,
      );
    }
  }
  report.clusterId = ['ClusterProperty', 'Submariner', 'cilium-config']
    .map((s) => results.find((r) => r.source === s)?.clusterId)
    .find(Boolean);
  report.ranges = results.flatMap((r) => r.ranges).sort((x, y) => x.kind.localeCompare(y.kind) || rankOf(x) - rankOf(y));
  const { chosen, winners, warnings } = chooseRanges(report.ranges);
  report.ranges = report.ranges.map((r) => (winners.has(r) ? { ...r, chosen: true } : r));
  [report.podCIDRs, report.serviceCIDRs, report.globalCIDRs] = [chosen.pod, chosen.service, chosen.global];
  report.warnings = [
    ...results.flatMap((r) => r.warnings),
    ...warnings,
    ...readFailures(results, report.ok),
    ...hints(report, results),
  ];
  return done(report);
}

/** Same key order in every report, for scripts diffing `clusterset cidr --format json`. */
function stableOrder(r: ClusterCidrReport): ClusterCidrReport {
  const {
    context,
    server,
    clusterId,
    kubernetesVersion,
    ok,
    fault,
    podCIDRs,
    serviceCIDRs,
    globalCIDRs,
    ranges,
    warnings,
    sources,
    durationMs,
  } = r;
  return {
    context,
    ...(server ? { server } : {}),
    ...(clusterId ? { clusterId } : {}),
    ...(kubernetesVersion ? { kubernetesVersion } : {}),
    ok,
    ...(fault ? { fault } : {}),
    podCIDRs,
    serviceCIDRs,
    globalCIDRs,
    ranges: ranges.map(({ cidr, family, kind, source, from, confidence, note, chosen }) => ({
      cidr,
      family,
      kind,
      source,
      from,
      confidence,
      ...(note ? { note } : {}),
      chosen: !!chosen,
    })),
    warnings,
    sources,
    durationMs,
  };
}

function readFailures(results: SourceResult[], ok: boolean): string[] {
  if (!ok) return [];
  const seen = new Set<string>();
  return results.flatMap((r) =>
    r.fault && !seen.has(r.fault.message) && seen.add(r.fault.message)
      ? [
          `${r.source} not read: ${r.fault.message}${r.fault.kind === 'forbidden' ? ' (RBAC is checked before the API exists, so a missing CRD answers 403 too)' : ''}`,
        ]
      : [],
  );
}

function hints(report: ClusterCidrReport, results: SourceResult[]): string[] {
  if (!report.ok) return [];
  const out: string[] = [];
  const apiIp = results.find((r) => r.apiServiceIp)?.apiServiceIp;
  if (report.serviceCIDRs.length === 0) {
    out.push(
      `no service range found${apiIp ? `; the kubernetes Service's ClusterIP ${apiIp} is the first address of the primary service range (prefix length unknown)` : ''}`,
    );
  } else if (
    apiIp &&
    !report.serviceCIDRs.some((c) => contains(parsePrefix(c)!, parsePrefix(`${apiIp}/${apiIp.includes(':') ? 128 : 32}`)!))
  ) {
    out.push(
      `the kubernetes Service's ClusterIP ${apiIp} is outside the service ranges found (${report.serviceCIDRs.join(', ')}): a range is missing`,
    );
  }
  if (report.podCIDRs.length === 0)
    out.push(
      'no pod range found: no CNI pool, controller-manager flag, kubeadm-config or Node podCIDR was readable — enter podCIDRs by hand',
    );
  return out;
}

/** Reads every context, `concurrency` at a time; the answer is in the order of `contexts`. Never rejects. */
export async function discoverCidrs(contexts: string[], options: DiscoverOptions): Promise<ClusterCidrReport[]> {
  let kc = options.kubeConfig;
  if (!kc) {
    const loaded = loadKubeConfig(options.kubeconfigPath);
    if (!loaded.ok)
      return contexts.map((c) => ({
        ...emptyReport(c),
        ok: false,
        fault: makeFault('config', loaded.error, [], { keep: [loaded.error] }),
      }));
    kc = loaded.kc;
  }
  const out: ClusterCidrReport[] = new Array(contexts.length);
  let next = 0;
  const worker = async (config: KubeConfig) => {
    for (let i = next++; i < contexts.length; i = next++) {
      const context = contexts[i] ?? '';
      const r = await discoverCluster(config, context, options).catch((e: unknown) => ({
        ...emptyReport(context),
        ok: false,
        fault: internalFault(e),
      }));
      out[i] = r;
      options.onCluster?.(r);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, contexts.length)) }, () => worker(kc)));
  // Every secret learnt while any cluster was read is removed from every report, for the CLI and the editor.
  return out.map(scrubReport);
}
