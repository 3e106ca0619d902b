// A service of the clusterset: `namespace/name` with its health icon; the tooltip says why (the health
// reasons, then per cluster what is exported, imported and which endpoints arrived from where).
import type { ClusterState, Health, ServiceSummary } from '../../../../clusters/src/inventory/snapshot';
import { clusterPhrases, serviceClusterRow } from './serviceClusterRow';
import { md, type Row, type RowIcon } from './row';
import type { ServiceInCluster } from './serviceFacts';

export const HEALTH_ICONS: Record<Health, RowIcon> = {
  healthy: { id: 'pass-filled', color: 'testing.iconPassed' },
  degraded: { id: 'warning', color: 'list.warningForeground' },
  broken: { id: 'error', color: 'list.errorForeground' },
};

export function dnsName(s: { namespace: string; name: string }): string {
  return `${s.name}.${s.namespace}.svc.clusterset.local`;
}

export function serviceRow(summary: ServiceSummary, inClusters: ServiceInCluster[], clusters: ClusterState[]): Row {
  const key = { namespace: summary.namespace, name: summary.name };
  const state = new Map(clusters.map((c) => [c.name, c]));
  const lines = [`**${md(summary.namespace)}/${md(summary.name)}** — ${summary.health}`, ''];
  for (const r of summary.reasons) lines.push(`- ${md(r)}`);
  if (summary.reasons.length) lines.push('');
  lines.push(
    `exported from: ${summary.exportedFrom.map(md).join(', ') || 'none'} · imported in: ${summary.importedIn.map(md).join(', ') || 'none'}`,
    '',
  );
  for (const c of inClusters) lines.push(`- **${md(c.cluster)}**: ${clusterPhrases(c).phrases.map(md).join('; ')}`);
  lines.push('', `\`${dnsName(summary)}\``);
  const first = summary.reasons[0];
  return {
    id: `service:${summary.namespace}/${summary.name}`,
    label: `${summary.namespace}/${summary.name}`,
    description:
      summary.health === 'healthy'
        ? `healthy · exported from ${summary.exportedFrom.join(', ')}`
        : `${summary.health}${first ? ` — ${first}` : ''}`,
    tooltip: lines.join('\n'),
    icon: HEALTH_ICONS[summary.health],
    contextValue: `service.${summary.health}`,
    children: inClusters.map((c) => serviceClusterRow(key, c, state.get(c.cluster))),
    service: key,
  };
}
