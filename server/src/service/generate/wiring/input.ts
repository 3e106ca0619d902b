// What the join/install runbooks are built from: the ClusterSet file (clusters, contexts, CIDRs, overlap
// mode, encryption, services) and the workspace (which exported Services are headless). Read once, checked
// once: a ClusterSet the generators cannot build a correct runbook from gets one clear error.
import { analyzeClusterSet } from '../../cidr/analysis';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { stringAt } from '../../parse/path';
import type { WorkspaceIndex } from '../../workspaceIndex';
import { isHeadless } from '../../model/service';
import { servicesForExport } from '../../model/exportedServices';

export interface WiringCluster {
  name: string;
  /** kubeconfig context; the cluster name when the file names none (`contextGuessed`). */
  context: string;
  contextGuessed: boolean;
  region?: string;
  podCIDRs: string[];
  serviceCIDRs: string[];
  globalCIDR?: string;
}

export interface WiringService {
  namespace: string;
  name: string;
  exportedFrom: string[];
  consumers: string[];
  headless: boolean;
}

export interface WiringInput {
  clusterset: string;
  implementation: string;
  version?: string;
  clusters: WiringCluster[];
  overlapMode?: string;
  globalnetCIDR?: string;
  encryption?: string;
  substrate?: string;
  /** Cross-cluster overlaps between pod/service ranges, as `a 10.0.0.0/16 ↔ b 10.0.0.0/16`. */
  overlaps: string[];
  services: WiringService[];
  clusterSetFile: string;
}

function cidrsOf(c: { cidrs: Array<{ text: string; role: string }> }, role: string): string[] {
  return c.cidrs.filter((f) => f.role === role).map((f) => f.text);
}

/** Reads the ClusterSet document, or returns the problem that stops every runbook. */
export function readWiringInput(
  doc: ParsedDocument,
  fileName: string,
  index: WorkspaceIndex,
  version?: string,
): WiringInput | string {
  const analysis = analyzeClusterSet(doc);
  const { model } = analysis;
  const root = doc.root;
  if (analysis.invalid.length) {
    const bad = analysis.invalid.map((i) => `"${i.field.text}" (${i.reason})`).join(', ');
    return `The ClusterSet file has CIDRs that do not parse: ${bad}. Fix them first (the linter marks them).`;
  }
  const clusters: WiringCluster[] = [];
  for (const c of model.clusters) {
    const name = c.name?.value;
    if (!name) return `spec.clusters[${c.index}] has no name: every cluster needs one (it is the cluster id).`;
    const context = stringAt(c.node, ['context']);
    clusters.push({
      name,
      context: context ?? name,
      contextGuessed: context === undefined,
      region: stringAt(c.node, ['region']),
      podCIDRs: cidrsOf(c, 'podCIDRs'),
      serviceCIDRs: cidrsOf(c, 'serviceCIDRs'),
      globalCIDR: c.globalCIDR?.text,
    });
  }
  if (clusters.length < 2) return 'A clusterset needs at least two clusters in spec.clusters.';
  const names = new Set<string>();
  for (const c of clusters) {
    if (names.has(c.name)) return `Cluster name ${c.name} appears twice in spec.clusters: cluster ids must be unique.`;
    names.add(c.name);
  }
  const overlaps: string[] = [];
  for (const rule of ['MCS703', 'MCS704'] as const) {
    for (const [id, partners] of analysis.partners[rule]) {
      for (const p of partners) {
        if (p < id) continue;
        const a = analysis.ranges[id].field;
        const b = analysis.ranges[p].field;
        overlaps.push(`${clusters[a.clusterIndex].name} ${a.text} ↔ ${clusters[b.clusterIndex].name} ${b.text}`);
      }
    }
  }
  const services: WiringService[] = model.services.flatMap((s) => {
    if (!s.name || !s.namespace) return [];
    const refs = (field: 'exportedFrom' | 'consumers'): string[] =>
      s.clusterRefs.filter((r) => r.field === field).map((r) => r.value);
    const svc = servicesForExport(index, { namespace: s.namespace, name: s.name, cluster: refs('exportedFrom')[0] })[0];
    return [
      {
        namespace: s.namespace,
        name: s.name,
        exportedFrom: refs('exportedFrom'),
        consumers: refs('consumers'),
        headless: svc ? isHeadless(svc.doc.root) : false,
      },
    ];
  });
  return {
    clusterset: model.name ?? 'clusterset',
    implementation: model.implementation?.value ?? 'generic',
    version,
    clusters,
    overlapMode: model.overlapMode?.value,
    globalnetCIDR: model.globalnetCIDR?.value,
    encryption: stringAt(root, ['spec', 'connectivity', 'encryption']),
    substrate: stringAt(root, ['spec', 'connectivity', 'substrate']),
    overlaps,
    services,
    clusterSetFile: fileName,
  };
}
