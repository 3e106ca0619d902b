// The whole tree from what the client knows: the root rows (Services, Clusters) from a snapshot, or one
// message row that says why there is nothing to show yet. Pure: the TreeDataProvider only adapts it.
import type { ClustersetSnapshot, ServiceSummary } from '../../../../clusters/src/inventory/snapshot';
import { clusterRow } from './clusterRow';
import { md, messageRow, plural, type Row } from './row';
import { serviceRow } from './serviceRow';

export type TreeInput =
  | { kind: 'untrusted' }
  | { kind: 'error'; message: string }
  | { kind: 'idle' }
  | {
      kind: 'live';
      /** Where the member list came from, e.g. `clusterset.yaml`, `setting clusterset.contexts`. */
      scopeSource: string;
      /** Member names in scope (a member not yet in the snapshot is being read). */
      members: Array<{ name: string; context: string }>;
      snapshot?: ClustersetSnapshot;
      summaries?: ServiceSummary[];
    };

/** `1 degraded, 1 broken` or `all healthy`. */
function healthCounts(summaries: ServiceSummary[]): string {
  const degraded = summaries.filter((s) => s.health === 'degraded').length;
  const broken = summaries.filter((s) => s.health === 'broken').length;
  const parts = [degraded ? `${degraded} degraded` : '', broken ? `${broken} broken` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'all healthy';
}

export function answeredCount(snapshot: ClustersetSnapshot | undefined): number {
  return snapshot?.clusters.filter((c) => c.reachable && !c.staleSince).length ?? 0;
}

export function treeRows(input: TreeInput): Row[] {
  if (input.kind === 'untrusted')
    return [
      messageRow(
        'untrusted',
        'Trust this workspace to read your kubeconfig',
        'Clusterset contacts no cluster in an untrusted workspace.',
        'shield',
      ),
    ];
  if (input.kind === 'error') return [messageRow('error', 'No clusters', input.message, 'error')];
  if (input.kind === 'idle') return [messageRow('idle', 'Not connected yet')];
  if (input.members.length === 0)
    return [messageRow('empty', 'No contexts in the clusterset', `scope: ${input.scopeSource}`, 'info')];

  const snap = input.snapshot;
  const summaries = [...(input.summaries ?? [])].sort(
    (a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  );
  const read = new Set(snap?.clusters.map((c) => c.name) ?? []);
  const pending = input.members.filter((m) => !read.has(m.name));

  const services: Row[] = snap ? summaries.map((s) => serviceRow(s, snap)) : [];
  if (snap && services.length === 0)
    services.push(
      messageRow('noServices', 'No ServiceExports or ServiceImports', `in ${plural(snap.clusters.length, 'cluster')}`),
    );
  if (!snap) services.push(messageRow('reading', 'Reading the clusters…', undefined, 'loading~spin'));

  const clusters: Row[] = (snap?.clusters ?? []).map(clusterRow);
  for (const m of pending)
    clusters.push({
      id: `cluster:${m.name}`,
      label: m.name,
      description: `reading… (context ${m.context})`,
      icon: { id: 'loading~spin' },
      contextValue: 'cluster.reading',
      cluster: m.name,
    });

  const total = input.members.length;
  return [
    {
      id: 'group:services',
      label: 'Services',
      description: snap ? `${summaries.length} · ${healthCounts(summaries)}` : 'reading…',
      tooltip: snap
        ? () =>
            `${plural(summaries.length, 'service')} across ${plural(snap.clusters.length, 'cluster')}: ${healthCounts(summaries)}`
        : undefined,
      icon: { id: 'symbol-interface' },
      contextValue: 'group.services',
      children: () => services,
      expanded: true,
    },
    {
      id: 'group:clusters',
      label: 'Clusters',
      description: `${answeredCount(snap)}/${total} answered · ${input.scopeSource}`,
      tooltip: () => `Members from ${md(input.scopeSource)}; ${answeredCount(snap)} of ${total} answered.`,
      icon: { id: 'server-environment' },
      contextValue: 'group.clusters',
      children: () => clusters,
      expanded: true,
    },
  ];
}

/** The status bar text: `clusterset: 3/3 clusters`, or undefined when there is nothing to count yet. */
export function statusText(input: TreeInput): { text: string; problem: boolean; tooltip: string } | undefined {
  if (input.kind !== 'live' || input.members.length === 0) return undefined;
  const answered = answeredCount(input.snapshot);
  const total = input.members.length;
  const faults = (input.snapshot?.clusters ?? [])
    .filter((c) => !c.reachable || c.staleSince)
    .map((c) => `${c.name}: ${c.staleSince ? `stale since ${c.staleSince}` : (c.fault?.message ?? 'not read')}`);
  return {
    text: `clusterset: ${answered}/${total} clusters`,
    problem: answered < total && !!input.snapshot,
    tooltip: [`Clusterset (${input.scopeSource}): ${answered} of ${total} clusters answered. Click to refresh.`, ...faults].join(
      '\n',
    ),
  };
}
