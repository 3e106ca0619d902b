// `clusterset status`: the live inventory, headless. Every member of the clusterset is read in parallel under
// its own deadline; the clusters print as one table (with each one's fault), the services as another with
// their health and the reasons. Exit 0: every cluster answered and every service is healthy; 1: otherwise;
// 2: usage error (bad option, unreadable kubeconfig or ClusterSet file, unknown context).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { clusterOptionSpec, readClusterOptions } from './clusterOptions';
import { readInventory } from '../../clusters/src/inventory/read';
import { summarizeServices } from '../../clusters/src/inventory/health';
import type { McsImplementation } from '../../clusters/src/inventory/snapshot';
import { statusHealthy, statusReport, type StatusReport } from '../../clusters/src/inventory/statusReport';
import { loadKubeConfig } from '../../clusters/src/kubeconfig';
import { membersForContexts, resolveScope, type ClusterMember } from '../../clusters/src/scope';
import { readClusterSetText, type ClusterSetModel } from '../../server/src/service/public';

type Out = { write(s: string): unknown };
const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];
const IMPLEMENTATIONS: readonly McsImplementation[] = ['generic', 'cilium', 'submariner', 'gke', 'istio', 'aws'];

export const STATUS_USAGE = `Usage: clusterset status [options]

Reads every cluster of the clusterset (read-only, in parallel, each under its own deadline) and prints the
clusters (implementation, controller, served MCS API versions, cluster id, fault) and every exported or
imported service with its health: healthy, degraded or broken, and why.

The clusters are the ClusterSet file's members (each cluster's context:), else every kubeconfig context;
--context names them explicitly.

Options:
  --kubeconfig FILE       kubeconfig to read (default $KUBECONFIG or ~/.kube/config)
  --context NAME          a context to read; repeat for several
  --clusterset FILE       a ClusterSet file: its members, their names and its implementation
  --format text|json      a table, or the JSON documented in docs/inventory.md
  --timeout SECONDS       deadline per cluster (default 10)
  --no-exec-auth          do not run exec credential plugins named in the kubeconfig
  -h, --help              show this help

Exit status: 0 every cluster answered and every service is healthy, 1 otherwise, 2 usage error.`;

interface StatusArgs {
  kubeconfig?: string;
  contexts: string[];
  clusterset?: string;
  format: Format;
  timeoutMs: number;
  allowExec: boolean;
}

function parseStatusArgs(args: string[]): StatusArgs | { help: true } | string {
  let v;
  try {
    v = parseArgs({
      args,
      options: { ...clusterOptionSpec(10), clusterset: { type: 'string' } },
    }).values;
  } catch (e) {
    return (e as Error).message;
  }
  if (v.help) return { help: true };
  const common = readClusterOptions(v, FORMATS);
  if (typeof common === 'string') return common;
  const { allowExecAuth, ...rest } = common;
  return { ...rest, ...(v.clusterset ? { clusterset: v.clusterset } : {}), allowExec: allowExecAuth };
}

function readModel(file: string): ClusterSetModel | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return `cannot read --clusterset ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
  return readClusterSetText(text) ?? `--clusterset ${file} has no kind: ClusterSet document`;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const short = (v: string) => v.replace('multicluster.x-k8s.io/', '');

function clusterStateText(c: StatusReport['clusters'][number]): string {
  if (c.errorKind) return c.errorKind === 'crdMissing' ? 'no MCS API' : c.errorKind;
  return c.partial.length ? 'partial' : 'ok';
}

export function formatStatusText(r: StatusReport): string {
  const out = table(
    ['CLUSTER', 'CONTEXT', 'STATE', 'IMPLEMENTATION', 'CONTROLLER', 'MCS API', 'CLUSTER ID'],
    r.clusters.map((c) => [
      c.name,
      c.context,
      clusterStateText(c),
      c.implementation,
      c.controllerReady === null ? '-' : c.controllerReady ? 'ready' : 'NOT READY',
      c.crdVersions.map(short).join(',') || '-',
      c.clusterId ?? '-',
    ]),
  );
  for (const c of r.clusters) {
    if (c.error) out.push(`  ${c.name}: ${c.error}`);
    for (const p of c.partial) out.push(`  ${c.name}: not read: ${p}`);
  }
  out.push('');
  if (r.services.length === 0) out.push('No ServiceExport or ServiceImport in the clusters that answered.');
  else {
    out.push(
      ...table(
        ['SERVICE', 'HEALTH', 'EXPORTED FROM', 'IMPORTED IN', 'READY ENDPOINTS BY SOURCE'],
        r.services.map((s) => [
          `${s.namespace}/${s.name}`,
          s.health,
          s.exportedFrom.join(',') || '-',
          s.importedIn.join(',') || '-',
          Object.entries(s.endpoints)
            .map(([k, n]) => `${k}=${n}`)
            .join(' ') || '-',
        ]),
      ),
    );
    for (const s of r.services) for (const why of s.reasons) out.push(`  ${s.namespace}/${s.name}: ${why}`);
  }
  const answered = r.clusters.filter((c) => c.error === null).length;
  const count = (h: string) => r.services.filter((s) => s.health === h).length;
  out.push(
    '',
    `${answered}/${r.clusters.length} clusters answered; services: ${count('healthy')} healthy, ${count('degraded')} degraded, ${count('broken')} broken`,
  );
  return `${out.join('\n')}\n`;
}

export async function runStatus(
  args: string[],
  stdout: Out,
  stderr: Out,
  read: typeof readInventory = readInventory,
): Promise<number> {
  const a = parseStatusArgs(args);
  const usage = (msg: string) => {
    stderr.write(`clusterset status: ${msg}\n`);
    return 2;
  };
  if (typeof a === 'string') return usage(`${a}\n${STATUS_USAGE}`);
  if ('help' in a) {
    stdout.write(`${STATUS_USAGE}\n`);
    return 0;
  }
  const model = a.clusterset ? readModel(a.clusterset) : undefined;
  if (typeof model === 'string') return usage(model);
  const loaded = loadKubeConfig(a.kubeconfig);
  if (!loaded.ok) return usage(loaded.error);
  const known = loaded.kc.getContexts().map((c) => c.name);
  const unknown = a.contexts.filter((c) => !known.includes(c));
  if (unknown.length) return usage(`no context ${unknown.map((c) => `"${c}"`).join(', ')} in ${loaded.source}`);
  let members: ClusterMember[];
  if (a.contexts.length) members = membersForContexts(a.contexts, model);
  else members = resolveScope({ ...(model ? { clusterSet: model } : {}), kubeconfigContexts: known }).members;
  if (members.length === 0) return usage(`the kubeconfig ${loaded.source} has no contexts`);
  const declared = model?.implementation?.value as McsImplementation | undefined;
  const snapshot = await read(loaded.kc, members, { timeoutMs: a.timeoutMs, allowExec: a.allowExec });
  const report = statusReport(
    snapshot,
    summarizeServices(snapshot, declared && IMPLEMENTATIONS.includes(declared) ? declared : undefined),
  );
  stdout.write(a.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatStatusText(report));
  return statusHealthy(report) ? 0 : 1;
}
