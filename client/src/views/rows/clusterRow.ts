// A member of the clusterset: its context, cluster id, implementation and controller state, the MCS API
// versions it serves, and its fault if any. The row keeps the fault's reason in its description and
// tooltip; its contextValue (`cluster.ok`, `cluster.stale`, `cluster.partial`, `cluster.fault.<kind>`)
// lets menus key on the state.
import type { ClusterState } from '../../../../clusters/src/inventory/snapshot';
import { objectRow } from './objectRow';
import { clock, md, type Row, type RowIcon } from './row';

export type ClusterCondition = 'ok' | 'stale' | 'partial' | 'fault';

export function clusterCondition(c: ClusterState): ClusterCondition {
  if (!c.reachable || (c.fault && !c.partial?.length)) return 'fault';
  if (c.staleSince) return 'stale';
  if (c.partial?.length || c.fault) return 'partial';
  return 'ok';
}

const ICONS: Record<ClusterCondition, RowIcon> = {
  ok: { id: 'server-environment' },
  stale: { id: 'history', color: 'list.warningForeground' },
  partial: { id: 'warning', color: 'list.warningForeground' },
  fault: { id: 'error', color: 'list.errorForeground' },
};

export function controllerText(c: ClusterState): string {
  const ready =
    c.controllerReady === true
      ? 'controller ready'
      : c.controllerReady === false
        ? 'controller not ready'
        : 'controller not found';
  return `${c.implementation}, ${ready}`;
}

/** `v1alpha1, v1beta1` (group omitted for multicluster.x-k8s.io), `net.gke.io/v1`, or `no MCS API`. */
export function versionsText(c: ClusterState): string {
  if (c.crdVersions.length === 0) return 'no MCS API served';
  return c.crdVersions.map((v) => v.replace(/^multicluster\.x-k8s\.io\//, '')).join(', ');
}

function detail(c: ClusterState, key: string, label: string, description: string, icon: string): Row {
  return { id: `cluster:${c.name}:${key}`, label, description, icon: { id: icon }, contextValue: 'detail', cluster: c.name };
}

export function clusterRow(c: ClusterState): Row {
  const condition = clusterCondition(c);
  const problems = (c.fault ? 1 : 0) + (c.partial?.length ?? 0);
  let description: string;
  if (condition === 'fault') description = `${c.fault?.kind ?? 'unreachable'}: ${c.fault?.message ?? 'not read'}`;
  else if (condition === 'stale') description = `stale since ${clock(c.staleSince ?? '')} · ${controllerText(c)}`;
  else description = `${controllerText(c)} · ${versionsText(c)}${condition === 'partial' ? ` · partial read (${problems})` : ''}`;
  // The view has been hidden for a while: the watches are ended, the data is from then.
  if (c.paused) description += ' · paused';

  return {
    id: `cluster:${c.name}`,
    label: c.name,
    description,
    tooltip: () => clusterTooltip(c),
    icon: ICONS[condition],
    contextValue: condition === 'fault' ? `cluster.fault.${c.fault?.kind ?? 'unreachable'}` : `cluster.${condition}`,
    children: () => clusterDetails(c),
    cluster: c.name,
  };
}

function clusterTooltip(c: ClusterState): string {
  const tip = [`**${md(c.name)}** — context \`${c.context}\``, ''];
  if (c.fault) tip.push(`**${c.fault.kind}**: ${md(c.fault.message)}`, '');
  for (const p of c.partial ?? []) tip.push(`- ${md(p.resource)}: **${p.fault.kind}** ${md(p.fault.message)}`);
  if (c.staleSince) tip.push(`Stale since ${clock(c.staleSince)}: the watch broke; the data shown is from then.`, '');
  if (c.reachable) {
    tip.push(
      `- cluster id: ${c.clusterId ? `\`${c.clusterId}\`` : 'none (no ClusterProperty cluster.clusterset.k8s.io)'}`,
      `- implementation: ${md(controllerText(c))}`,
      `- MCS API: ${md(versionsText(c))}`,
    );
  }
  tip.push('', `read at ${clock(c.readAt)}${c.paused ? ' · watches paused while the view is hidden' : ''}`);
  return tip.join('\n');
}

function clusterDetails(c: ClusterState): Row[] {
  const children: Row[] = [detail(c, 'context', 'context', c.context, 'key')];
  if (c.reachable) {
    if (c.clusterId)
      children.push({
        ...objectRow(
          { cluster: c.name, apiVersion: 'about.k8s.io/v1alpha1', kind: 'ClusterProperty', name: 'cluster.clusterset.k8s.io' },
          c.clusterId,
        ),
        label: 'cluster id',
        description: c.clusterId,
      });
    else children.push(detail(c, 'clusterId', 'cluster id', 'none (no ClusterProperty cluster.clusterset.k8s.io)', 'tag'));
    children.push(detail(c, 'implementation', 'implementation', controllerText(c), 'gear'));
    children.push(detail(c, 'versions', 'MCS API', versionsText(c), 'versions'));
  }
  const fault = c.fault;
  if (fault) children.push({ ...detail(c, 'fault', fault.kind, fault.message, 'error'), tooltip: () => md(fault.message) });
  for (const p of c.partial ?? [])
    children.push({
      ...detail(c, `partial:${p.resource}`, p.resource, `${p.fault.kind}: ${p.fault.message}`, 'warning'),
      tooltip: () => md(p.fault.message),
    });
  if (c.staleSince) children.push(detail(c, 'stale', 'stale since', clock(c.staleSince), 'history'));
  return children;
}
