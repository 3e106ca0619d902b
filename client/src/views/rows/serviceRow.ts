// A service of the clusterset: `namespace/name` with its health icon; the tooltip says why (the health
// reasons, then per cluster what is exported, imported and which endpoints arrived from where).
import type { ClustersetSnapshot, Health, ServiceSummary } from '../../../../clusters/src/inventory/snapshot';
import { clusterPhrases, serviceClusterRow } from './serviceClusterRow';
import { md, type Row, type RowIcon } from './row';
import { clusterOf, serviceInClusters, type ServiceInCluster } from './serviceFacts';

export const HEALTH_ICONS: Record<Health, RowIcon> = {
  healthy: { id: 'pass-filled', color: 'testing.iconPassed' },
  degraded: { id: 'warning', color: 'list.warningForeground' },
  broken: { id: 'error', color: 'list.errorForeground' },
};

export function dnsName(s: { namespace: string; name: string }): string {
  return `${s.name}.${s.namespace}.svc.clusterset.local`;
}

/**
 * The row of one service: label, icon and description from its summary alone (what the first paint shows);
 * the per-cluster rows and the tooltip read the snapshot's index, built on the first expand or hover.
 */
export function serviceRow(summary: ServiceSummary, snapshot: ClustersetSnapshot): Row {
  const key = { namespace: summary.namespace, name: summary.name };
  const first = summary.reasons[0];
  return {
    id: `service:${summary.namespace}/${summary.name}`,
    label: `${summary.namespace}/${summary.name}`,
    description:
      summary.health === 'healthy'
        ? `healthy · exported from ${summary.exportedFrom.join(', ')}`
        : `${summary.health}${first ? ` — ${first}` : ''}`,
    tooltip: () => serviceTooltip(summary, serviceInClusters(snapshot, key)),
    icon: HEALTH_ICONS[summary.health],
    contextValue: `service.${summary.health}`,
    children: () => serviceInClusters(snapshot, key).map((c) => serviceClusterRow(key, c, clusterOf(snapshot, c.cluster))),
    service: key,
  };
}

/** Why the service is in its state: the health reasons, then per cluster exported/imported/endpoints. */
export function serviceTooltip(summary: ServiceSummary, inClusters: ServiceInCluster[]): string {
  const lines = [`**${md(summary.namespace)}/${md(summary.name)}** — ${summary.health}`, ''];
  for (const r of summary.reasons) lines.push(`- ${md(r)}`);
  if (summary.reasons.length) lines.push('');
  lines.push(
    `exported from: ${summary.exportedFrom.map(md).join(', ') || 'none'} · imported in: ${summary.importedIn.map(md).join(', ') || 'none'}`,
    '',
  );
  for (const c of inClusters) lines.push(`- **${md(c.cluster)}**: ${clusterPhrases(c).phrases.map(md).join('; ')}`);
  lines.push('', `\`${dnsName(summary)}\``);
  return lines.join('\n');
}
