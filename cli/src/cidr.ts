// `clusterset cidr`: reads each context's Pod and Service ranges through the Kubernetes API and prints
// them per cluster (text), as a ClusterSet `spec.clusters` fragment (yaml) or as stable JSON.
// Exit 0: every cluster answered; 1: some cluster failed (the others are still printed); 2: usage error.
import { parseArgs } from 'node:util';
import { clusterOptionSpec, readClusterOptions } from './clusterOptions';
import { formatCidrJson, formatCidrText, formatCidrYaml } from '../../clusters/src/cidrReport';
import { discoverCidrs, type DiscoverOptions } from '../../clusters/src/cidrs';
import { listContexts } from '../../clusters/src/kubeconfig';
import { scrubReport } from '../../clusters/src/reportScrub';

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
      options: clusterOptionSpec(15),
    }).values;
  } catch (e) {
    return (e as Error).message;
  }
  if (v.help) return { help: true };
  return readClusterOptions(v, FORMATS);
}

export async function runCidr(
  args: string[],
  stdout: Out,
  stderr: Out,
  discover: typeof discoverCidrs = discoverCidrs,
): Promise<number> {
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
  const options: DiscoverOptions = {
    allowExecAuth: a.allowExecAuth,
    timeoutMs: a.timeoutMs,
    ...(a.kubeconfig ? { kubeconfigPath: a.kubeconfig } : {}),
  };
  // Once more right before printing (discoverCidrs scrubs too; an injected discovery may not).
  const reports = (await discover(contexts, options)).map(scrubReport);
  stdout.write(
    a.format === 'json' ? formatCidrJson(reports) : a.format === 'yaml' ? formatCidrYaml(reports) : formatCidrText(reports),
  );
  return reports.every((r) => r.ok) ? 0 : 1;
}
