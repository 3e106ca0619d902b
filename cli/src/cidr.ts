// `clusterset cidr`: reads each context's Pod and Service ranges through the Kubernetes API and prints
// them per cluster (text), as a ClusterSet `spec.clusters` fragment (yaml) or as stable JSON.
// Exit 0: every cluster answered; 1: some cluster failed (the others are still printed); 2: usage error.
import { parseArgs } from 'node:util';
import { discoverCidrs, type ClusterCidrReport, type DiscoverOptions } from '../../client/src/clusters/cidrs';
import { clusterNameFromContext } from '../../client/src/clusters/clusterSetUpdate';
import { listContexts } from '../../client/src/clusters/kubeconfig';

type Out = { write(s: string): unknown };
const FORMATS = ['text', 'json', 'yaml'] as const;
type Format = (typeof FORMATS)[number];

export const CIDR_USAGE = `Usage: clusterset cidr [options]

Reads each cluster's Pod and Service CIDRs through the Kubernetes API (read-only): ServiceCIDR objects,
control-plane Pod flags, kube-system/kubeadm-config, Node podCIDRs, Cilium, Calico and Submariner objects.
Every range says where it came from and how sure that is; unreachable or forbidden clusters are reported
while the others complete.

Options:
  --kubeconfig FILE       kubeconfig to read (default $KUBECONFIG or ~/.kube/config)
  --context NAME          a context to read; repeat for several (default: every context)
  --format text|json|yaml text table per cluster, stable JSON, or a ClusterSet spec.clusters fragment
  --timeout SECONDS       deadline per cluster (default 15)
  --no-exec-auth          do not run exec credential plugins named in the kubeconfig
  -h, --help              show this help

Exit status: 0 every cluster answered, 1 some cluster failed, 2 usage error.`;

interface CidrArgs {
  kubeconfig?: string;
  contexts: string[];
  format: Format;
  timeoutMs: number;
  allowExecAuth: boolean;
}

function parseCidrArgs(args: string[]): CidrArgs | { help: true } | string {
  let v;
  try {
    v = parseArgs({
      args,
      options: {
        kubeconfig: { type: 'string' },
        context: { type: 'string', multiple: true },
        format: { type: 'string', default: 'text' },
        timeout: { type: 'string', default: '15' },
        'no-exec-auth': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    return (e as Error).message;
  }
  if (v.help) return { help: true };
  if (!FORMATS.includes(v.format as Format)) return `--format must be one of ${FORMATS.join(', ')} (got "${v.format}")`;
  const seconds = Number(v.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) return `--timeout must be a number of seconds between 0 and 600 (got "${v.timeout}")`;
  return { ...(v.kubeconfig ? { kubeconfig: v.kubeconfig } : {}), contexts: v.context ?? [], format: v.format as Format, timeoutMs: seconds * 1000, allowExecAuth: !v['no-exec-auth'] };
}

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
      const w = [0, 1, 2].map((i) => Math.max(...[['  RANGE', 'KIND', 'CONFIDENCE'][i] ?? '', ...rows.map((row) => row[i] ?? '')].map((s) => s.length)) + 1);
      lines.push(`  ${pad('  RANGE', w[0] ?? 0)}${pad('KIND', w[1] ?? 0)}${pad('CONFIDENCE', w[2] ?? 0)}SOURCE`);
      for (const row of rows) lines.push(`  ${pad(row[0] ?? '', w[0] ?? 0)}${pad(row[1] ?? '', w[1] ?? 0)}${pad(row[2] ?? '', w[2] ?? 0)}${row[3]}`);
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
  const lines = ['# ClusterSet spec.clusters fragment from `clusterset cidr`; paste under spec: in your ClusterSet file.', 'clusters:'];
  for (const r of reports) {
    if (!r.ok) {
      lines.push(`# ${r.context}: not read — ${r.fault?.kind}: ${(r.fault?.message ?? '').replace(/\n/g, ' ')}`);
      continue;
    }
    lines.push(`- name: ${r.clusterId ?? clusterNameFromContext(r.context)}`, `  context: ${/^[A-Za-z0-9][\w./-]*$/.test(r.context) ? r.context : JSON.stringify(r.context)}`);
    lines.push(r.podCIDRs.length ? `  podCIDRs: ${flow(r.podCIDRs)}` : '  podCIDRs: []  # not found; fill in');
    lines.push(r.serviceCIDRs.length ? `  serviceCIDRs: ${flow(r.serviceCIDRs)}` : '  serviceCIDRs: []  # not found; fill in');
    if (r.globalCIDRs[0]) lines.push(`  globalCIDR: ${r.globalCIDRs[0]}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatCidrJson(reports: ClusterCidrReport[]): string {
  return `${JSON.stringify({ version: 1, clusters: reports }, null, 2)}\n`;
}

export async function runCidr(args: string[], stdout: Out, stderr: Out, discover: typeof discoverCidrs = discoverCidrs): Promise<number> {
  const a = parseCidrArgs(args);
  if (typeof a === 'string') {
    stderr.write(`clusterset cidr: ${a}\n${CIDR_USAGE}\n`);
    return 2;
  }
  if ('help' in a) {
    stdout.write(`${CIDR_USAGE}\n`);
    return 0;
  }
  let contexts = a.contexts;
  if (contexts.length === 0) {
    const list = listContexts(a.kubeconfig);
    if (!list.ok) {
      stderr.write(`clusterset cidr: ${list.error}\n`);
      return 2;
    }
    contexts = list.contexts.map((c) => c.name);
    if (contexts.length === 0) {
      stderr.write(`clusterset cidr: the kubeconfig ${list.source} has no contexts\n`);
      return 2;
    }
  }
  const options: DiscoverOptions = { allowExecAuth: a.allowExecAuth, timeoutMs: a.timeoutMs, ...(a.kubeconfig ? { kubeconfigPath: a.kubeconfig } : {}) };
  const reports = await discover(contexts, options);
  stdout.write(a.format === 'json' ? formatCidrJson(reports) : a.format === 'yaml' ? formatCidrYaml(reports) : formatCidrText(reports));
  return reports.every((r) => r.ok) ? 0 : 1;
}
