// CIDR discovery reports as text (CLI and the "Clusterset" output channel), as a ClusterSet spec.clusters
// fragment, as stable JSON, and as the input of the ClusterSet file update.
import type { ClusterCidrReport } from './cidrs';
import { clusterNameFromContext, type DiscoveredCluster } from './clusterSetUpdate';

function pad(s: string, n: number): string {
  return s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length);
}

export function formatCidrText(reports: ClusterCidrReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const facts = [r.server, r.clusterId && `cluster id ${r.clusterId}`, r.kubernetesVersion].filter(Boolean).join(', ');
    lines.push(`${r.context}${facts ? `  (${facts})` : ''}`);
    if (r.fault) lines.push(`  ${r.ok ? 'warning' : 'FAILED'} [${r.fault.kind}] ${r.fault.message}`);
    if (r.ranges.length) {
      const rows = r.ranges.map((g) => {
        return [`${g.chosen ? '*' : ' '} ${g.cidr}`, g.kind, g.confidence, `${g.from}${g.note ? ` — ${g.note}` : ''}`];
      });
      // Column widths by a loop, not Math.max(...rows): no call gets an argument per range.
      const w = [0, 1, 2].map(
        (i) =>
          rows.reduce((m, row) => Math.max(m, (row[i] ?? '').length), (['  RANGE', 'KIND', 'CONFIDENCE'][i] ?? '').length) + 1,
      );
      lines.push(`  ${pad('  RANGE', w[0] ?? 0)}${pad('KIND', w[1] ?? 0)}${pad('CONFIDENCE', w[2] ?? 0)}SOURCE`);
      for (const row of rows)
        lines.push(`  ${pad(row[0] ?? '', w[0] ?? 0)}${pad(row[1] ?? '', w[1] ?? 0)}${pad(row[2] ?? '', w[2] ?? 0)}${row[3]}`);
      lines.push('  (* = chosen for the ClusterSet file)');
    } else if (r.ok) lines.push('  no ranges found');
    for (const warning of r.warnings) lines.push(`  warning: ${warning}`);
    lines.push('');
  }
  const failed = reports.filter((r) => !r.ok).length;
  lines.push(`${reports.length} cluster(s) read, ${failed} failed.`);
  return `${lines.join('\n')}\n`;
}

const flow = (l: string[]) => `[${l.join(', ')}]`;

export function formatCidrYaml(reports: ClusterCidrReport[]): string {
  const lines = [
    '# ClusterSet spec.clusters fragment from `clusterset cidr`; paste under spec: in your ClusterSet file.',
    'clusters:',
  ];
  for (const r of reports) {
    if (!r.ok) {
      lines.push(`# ${r.context}: not read — ${r.fault?.kind}: ${(r.fault?.message ?? '').replace(/\n/g, ' ')}`);
      continue;
    }
    lines.push(
      `- name: ${r.clusterId ?? clusterNameFromContext(r.context)}`,
      `  context: ${/^[A-Za-z0-9][\w./-]*$/.test(r.context) ? r.context : JSON.stringify(r.context)}`,
    );
    lines.push(r.podCIDRs.length ? `  podCIDRs: ${flow(r.podCIDRs)}` : '  podCIDRs: []  # not found; fill in');
    lines.push(r.serviceCIDRs.length ? `  serviceCIDRs: ${flow(r.serviceCIDRs)}` : '  serviceCIDRs: []  # not found; fill in');
    if (r.globalCIDRs[0]) lines.push(`  globalCIDR: ${r.globalCIDRs[0]}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatCidrJson(reports: ClusterCidrReport[]): string {
  return `${JSON.stringify({ version: 1, clusters: reports }, null, 2)}\n`;
}

/** The clusters that answered, as input for updateClusterSetText (with where each chosen range came from). */
export function discoveredClusters(reports: ClusterCidrReport[]): DiscoveredCluster[] {
  return reports
    .filter((r) => r.ok)
    .map((r) => {
      // Every source that supplied a chosen range of this kind (one per family at most), best first.
      const from = (kind: string) =>
        [...new Set(r.ranges.filter((g) => g.chosen && g.kind === kind).map((g) => `${g.source} (${g.confidence})`))].join(', ');
      const pod = from('pod');
      const service = from('service');
      return {
        context: r.context,
        ...(r.clusterId ? { clusterId: r.clusterId } : {}),
        podCIDRs: r.podCIDRs,
        serviceCIDRs: r.serviceCIDRs,
        globalCIDRs: r.globalCIDRs,
        ...(pod ? { podSource: pod } : {}),
        ...(service ? { serviceSource: service } : {}),
      };
    });
}
