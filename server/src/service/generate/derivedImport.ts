// The ServiceImport an MCS controller derives from the exported Services, computed with KEP-1645's rules
// ("Constraints and Conflict Resolution", "Service Types"): type from headlessness, the union of ports merged
// by name then by (protocol, port), and for every global property the value of the oldest export, with the
// Conflict reason the controller would set. The same workspace model as the conflict rules (MCS2xx) reads.
// Sources: https://github.com/kubernetes/enhancements/tree/master/keps/sig-multicluster/1645-multi-cluster-services-api
// and kubernetes-sigs/mcs-api conformance/service_import.go (union of ports + PortConflict on both exports).
import { stringAt } from '../parse/path';
import { exportingClusters, servicesForExport, type ExportingCluster } from '../model/exportedServices';
import {
  declaredIpFamilies,
  internalTrafficPolicy,
  isHeadless,
  serviceType,
  servicePorts,
  sessionAffinity,
  sessionTimeout,
  trafficDistribution,
  stringMap,
} from '../model/service';
import { nodeAt } from '../parse/path';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { ServiceRef } from './types';

/** The contributor's name when the files belong to no cluster folder. */
export const FLAT_WORKSPACE = 'the workspace';

export interface ImportPort {
  name: string;
  protocol: string;
  port: number;
  appProtocol?: string;
  /** Clusters whose Service has this port. */
  clusters: string[];
}

/** What one exporting cluster brings to the import. */
export interface Contribution {
  cluster: string;
  exportUri: string;
  serviceUri?: string;
  creationTimestamp?: string;
  type: 'ClusterSetIP' | 'Headless';
  serviceType: string;
  ports: Array<{ name: string; protocol: string; port: number; appProtocol?: string }>;
  sessionAffinity: string;
  sessionTimeout?: string;
  internalTrafficPolicy: string;
  trafficDistribution?: string;
  ipFamilies?: string[];
  exportedLabels: Record<string, string>;
  exportedAnnotations: Record<string, string>;
}

export interface DerivedImport {
  namespace: string;
  name: string;
  type: 'ClusterSetIP' | 'Headless';
  ports: ImportPort[];
  sessionAffinity: string;
  sessionTimeout?: string;
  internalTrafficPolicy: string;
  trafficDistribution?: string;
  ipFamilies?: string[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Exporting clusters in precedence order (oldest first). */
  contributions: Contribution[];
  /** How the precedence was decided: creation timestamps, or the cluster-name tie-break Cilium uses. */
  orderedBy: 'creationTimestamp' | 'clusterName';
  /** Conflict reasons (mcs-api pkg/apis/v1beta1/serviceexport.go), each with what differs. */
  conflicts: Array<{ reason: string; detail: string }>;
  /** Clusters whose Service cannot be exported (ExternalName) or is missing from the workspace. */
  excluded: Array<{ cluster: string; why: string }>;
}

function readContribution(c: ExportingCluster): Contribution | { cluster: string; why: string } {
  const svc = c.service;
  if (!svc) return { cluster: c.cluster, why: 'the workspace has no Service of that name for this cluster' };
  const root = svc.doc.root;
  const type = serviceType(root);
  if (type === 'ExternalName')
    return { cluster: c.cluster, why: 'an ExternalName Service cannot be exported (Valid=False InvalidServiceType)' };
  const ports = servicePorts(root).flatMap((p) => {
    const port = Number(p.port);
    return Number.isInteger(port) ? [{ name: p.name, protocol: p.protocol, port, appProtocol: p.appProtocol }] : [];
  });
  const exp = c.export.doc.root;
  return {
    cluster: c.cluster,
    exportUri: c.export.uri,
    serviceUri: svc.uri,
    creationTimestamp: stringAt(exp, ['metadata', 'creationTimestamp']),
    type: isHeadless(root) ? 'Headless' : 'ClusterSetIP',
    serviceType: type,
    ports: ports.map((p) => (p.appProtocol === undefined ? { name: p.name, protocol: p.protocol, port: p.port } : p)),
    sessionAffinity: sessionAffinity(root),
    sessionTimeout: sessionTimeout(root),
    internalTrafficPolicy: internalTrafficPolicy(root),
    trafficDistribution: trafficDistribution(root),
    ipFamilies: declaredIpFamilies(root),
    exportedLabels: Object.fromEntries(stringMap(nodeAt(exp, ['spec', 'exportedLabels']))),
    exportedAnnotations: Object.fromEntries(stringMap(nodeAt(exp, ['spec', 'exportedAnnotations']))),
  };
}

function byPrecedence(a: Contribution, b: Contribution): number {
  if (a.creationTimestamp && b.creationTimestamp && a.creationTimestamp !== b.creationTimestamp) {
    return a.creationTimestamp < b.creationTimestamp ? -1 : 1;
  }
  return a.cluster.localeCompare(b.cluster);
}

/** Union of ports: merged by name first, then by (protocol, port); the oldest export settles duplicates. */
function mergePorts(contributions: Contribution[]): { ports: ImportPort[]; conflict?: string } {
  const merged: ImportPort[] = [];
  for (const c of contributions) {
    for (const p of c.ports) {
      const same = merged.find((m) => m.name === p.name && m.protocol === p.protocol && m.port === p.port);
      if (same) {
        if (!same.clusters.includes(c.cluster)) same.clusters.push(c.cluster);
        continue;
      }
      // A later export may not reuse a name or a (protocol, port) pair the oldest already holds.
      const clash = merged.some((m) => m.name === p.name || (m.protocol === p.protocol && m.port === p.port));
      if (!clash) merged.push({ ...p, clusters: [c.cluster] });
    }
  }
  const signature = (c: Contribution): string =>
    c.ports
      .map((p) => `${p.name}|${p.protocol}|${p.port}|${p.appProtocol ?? ''}`)
      .sort()
      .join(',');
  const sets = new Set(contributions.map(signature));
  if (sets.size <= 1) return { ports: merged };
  const describe = contributions.map((c) => `${c.cluster}: ${c.ports.map((p) => `${p.port}/${p.protocol}`).join(' ') || 'none'}`);
  return { ports: merged, conflict: `port sets differ (${describe.join('; ')})` };
}

type Field = 'type' | 'sessionAffinity' | 'sessionTimeout' | 'internalTrafficPolicy' | 'trafficDistribution';
const GLOBAL_FIELDS: Array<{ field: Field; reason: string; show: string }> = [
  { field: 'type', reason: 'TypeConflict', show: 'type' },
  { field: 'sessionAffinity', reason: 'SessionAffinityConflict', show: 'sessionAffinity' },
  { field: 'sessionTimeout', reason: 'SessionAffinityConfigConflict', show: 'sessionAffinityConfig.clientIP.timeoutSeconds' },
  { field: 'internalTrafficPolicy', reason: 'InternalTrafficPolicyConflict', show: 'internalTrafficPolicy' },
  { field: 'trafficDistribution', reason: 'TrafficDistributionConflict', show: 'trafficDistribution' },
];

function disagreement(cs: Contribution[], read: (c: Contribution) => string): string | undefined {
  const oldest = read(cs[0]);
  const differing = cs.filter((c) => read(c) !== oldest);
  if (!differing.length) return undefined;
  const theirs = differing.map((c) => `${read(c)} in ${c.cluster}`).join(', ');
  return `${differing.length}/${cs.length} clusters disagree with the oldest export (${cs[0].cluster}: ${oldest}): ${theirs}`;
}

/** Derives the ServiceImport of `ref` from the workspace, or says why there is none. */
export function deriveServiceImport(index: WorkspaceIndex, ref: ServiceRef): DerivedImport | string {
  const exporting = [
    ...exportingClusters(index, ref.namespace, ref.name),
    // A namespace-less export applied with the default context lands in `default`.
    ...(ref.namespace === 'default' ? exportingClusters(index, undefined, ref.name) : []),
  ];
  const seen = new Set<string>();
  let unique = exporting.filter((c) => !seen.has(c.cluster) && seen.add(c.cluster));
  if (unique.length === 0) {
    // No cluster folders: the workspace describes one cluster (or one set of manifests applied everywhere).
    const flat = [ref.namespace, ...(ref.namespace === 'default' ? [undefined] : [])].flatMap((ns) =>
      index.find('ServiceExport', ns, ref.name),
    );
    if (flat.length === 0)
      return `${ref.namespace}/${ref.name} is not exported: no ServiceExport of that namespace and name in the workspace.`;
    unique = [{ cluster: FLAT_WORKSPACE, export: flat[0], service: servicesForExport(index, flat[0])[0] }];
  }
  const contributions: Contribution[] = [];
  const excluded: DerivedImport['excluded'] = [];
  for (const c of unique) {
    const r = readContribution(c);
    if ('why' in r) excluded.push(r);
    else contributions.push(r);
  }
  if (contributions.length === 0) {
    return `${ref.namespace}/${ref.name} has no exportable Service: ${excluded.map((e) => `${e.cluster}: ${e.why}`).join('; ')}.`;
  }
  const everyTimestamp = contributions.every((c) => c.creationTimestamp);
  contributions.sort(byPrecedence);
  const oldest = contributions[0];
  const conflicts: DerivedImport['conflicts'] = [];
  for (const g of GLOBAL_FIELDS) {
    // The ClientIP timeout is compared only between exports that use ClientIP affinity.
    const among = g.field === 'sessionTimeout' ? contributions.filter((c) => c.sessionTimeout !== undefined) : contributions;
    const detail = among.length > 1 ? disagreement(among, (c) => String(c[g.field] ?? 'unset')) : undefined;
    if (detail) conflicts.push({ reason: g.reason, detail: `${g.show}: ${detail}` });
  }
  const ports = mergePorts(contributions);
  if (ports.conflict) conflicts.push({ reason: 'PortConflict', detail: ports.conflict });
  // A Service that leaves ipFamilies to its cluster cannot be compared from the files alone.
  const declared = contributions.filter((c) => c.ipFamilies !== undefined);
  const families = declared.length > 1 ? disagreement(declared, (c) => (c.ipFamilies ?? []).join('+')) : undefined;
  if (families) conflicts.push({ reason: 'IPFamilyConflict', detail: `ipFamilies: ${families}` });
  const labels = disagreement(contributions, (c) => JSON.stringify(c.exportedLabels));
  if (labels) conflicts.push({ reason: 'LabelsConflict', detail: `exportedLabels: ${labels}` });
  const annotations = disagreement(contributions, (c) => JSON.stringify(c.exportedAnnotations));
  if (annotations) conflicts.push({ reason: 'AnnotationsConflict', detail: `exportedAnnotations: ${annotations}` });
  return {
    namespace: ref.namespace,
    name: ref.name,
    type: oldest.type,
    ports: ports.ports,
    sessionAffinity: oldest.sessionAffinity,
    sessionTimeout: oldest.sessionTimeout,
    internalTrafficPolicy: oldest.internalTrafficPolicy,
    trafficDistribution: oldest.trafficDistribution,
    ipFamilies: oldest.ipFamilies,
    labels: oldest.exportedLabels,
    annotations: oldest.exportedAnnotations,
    contributions,
    orderedBy: everyTimestamp ? 'creationTimestamp' : 'clusterName',
    conflicts,
    excluded,
  };
}
