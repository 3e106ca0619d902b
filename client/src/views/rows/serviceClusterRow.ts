// Under a service: one row per cluster that has anything of it. The description says what the cluster
// does with the service (exported with its conditions, imported with type/IPs/ports, endpoints per source
// cluster); the children are the objects themselves, each openable as YAML.
import type { ClusterState, ServiceKey } from '../../../../clusters/src/inventory/snapshot';
import { objectRow } from './objectRow';
import { clock, md, type Row } from './row';
import { conditionSummary, endpointsSummary, importSummary, portsText, type ServiceInCluster } from './serviceFacts';

/** The facts of one cluster as short phrases, shared by the row's description and the service tooltip. */
export function clusterPhrases(c: ServiceInCluster): { phrases: string[]; problem: boolean } {
  const phrases: string[] = [];
  let problem = false;
  if (c.export) {
    const s = conditionSummary(c.export.conditions);
    problem ||= s.problem;
    phrases.push(`exported (${s.text})`);
    if (c.export.service === null) {
      problem = true;
      phrases.push('no Service behind the export');
    }
  }
  if (c.import) phrases.push(`imported ${importSummary(c.import)}`);
  if (c.slices.length || c.import) phrases.push(endpointsSummary(c.slices));
  return { phrases, problem };
}

export function serviceClusterRow(key: ServiceKey, c: ServiceInCluster, state: ClusterState | undefined): Row {
  const { phrases, problem } = clusterPhrases(c);
  const unread = state && !state.reachable ? ` — not read: ${state.fault?.message ?? 'unreachable'}` : '';
  return {
    id: `service:${key.namespace}/${key.name}@${c.cluster}`,
    label: c.cluster,
    description: phrases.join(' · ') + unread,
    tooltip: () => {
      const stale = state?.staleSince ? ` (stale since ${clock(state.staleSince)})` : '';
      return [
        `\`${key.namespace}/${key.name}\` in cluster **${md(c.cluster)}**${stale}`,
        ...phrases.map((p) => `- ${md(p)}`),
      ].join('\n');
    },
    icon: { id: problem ? 'circle-filled' : 'circle-outline', color: problem ? 'list.warningForeground' : undefined },
    contextValue: 'serviceInCluster',
    children: () => objectRows(c),
    service: key,
    cluster: c.cluster,
  };
}

/** The objects of the service in the cluster, each openable as YAML. */
function objectRows(c: ServiceInCluster): Row[] {
  const children: Row[] = [];
  if (c.export) {
    const conditions = c.export.conditions;
    const lines = () => {
      const conds = conditions.map(
        (k) => `- ${md(k.type)}=${md(k.status)}${k.reason ? ` ${md(k.reason)}` : ''}${k.message ? `: ${md(k.message)}` : ''}`,
      );
      return conds.length ? [conds.join('\n')] : [];
    };
    children.push(objectRow(c.export.ref, conditionSummary(conditions).text, lines));
    if (c.export.service) {
      const svc = c.export.service;
      children.push(objectRow(svc.ref, `${svc.type}${svc.clusterIP ? ` ${svc.clusterIP}` : ''} · ${portsText(svc.ports)}`));
    }
  }
  if (c.import) {
    const from = c.import.statusClusters;
    children.push(
      objectRow(c.import.ref, importSummary(c.import), () =>
        from.length ? [`status.clusters: ${from.map(md).join(', ')}`] : [],
      ),
    );
  }
  for (const s of c.slices)
    children.push(
      objectRow(s.ref, `from ${s.sourceCluster ?? '(no source-cluster label)'} · ${s.ready}/${s.total} ready · ${s.addressType}`),
    );
  return children;
}
