// `clusterset doctor`: the runbook, headless. Reads every cluster at once (read-only unless --probe) and
// prints the checks per cluster with their evidence and the causes with their fixes.
// Exit 0: healthy; 1: causes found (or a check failed, or the run was cut short); 2: usage error.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { clusterOptionSpec, readClusterOptions } from './clusterOptions';
import { isImplementation } from '../../clusters/src/runbook/clusterSetFile';
import { diagnoseService, parseServiceRef, prepare, type DiagnoseOptions } from '../../clusters/src/runbook/diagnose';
import { formatJsonReport } from '../../clusters/src/runbook/report/json';
import { formatMarkdownReport } from '../../clusters/src/runbook/report/markdown';
import { isHealthy } from '../../clusters/src/runbook/report/summary';
import { formatTextReport } from '../../clusters/src/runbook/report/text';
import type { RunbookReport } from '../../clusters/src/runbook/run';

type Out = { write(s: string): unknown };
const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const DOCTOR_USAGE = `Usage: clusterset doctor --service NAMESPACE/NAME [options]

Runs the MCS runbook for one service across every cluster at once: CIDRs, CRDs, controller, cluster ids,
the Service and its ServiceExport status, the namespace and ServiceImport in each consumer, EndpointSlices,
DNS, encryption and NetworkPolicies. Names each cause with its evidence and fix. Read-only unless --probe.

Options:
  --service NS/NAME        the service to debug (required)
  --kubeconfig FILE        kubeconfig to read (default $KUBECONFIG or ~/.kube/config)
  --context NAME           a cluster to include; repeat for several (default: the ClusterSet file's, else all)
  --clusterset FILE        the ClusterSet file (members, CIDRs, implementation, expected encryption)
  --implementation X       generic|cilium|submariner|gke|istio|aws (default: the file, else detected)
  --probe                  also create a short-lived pod per consumer that resolves and connects (always deleted)
  --format text|markdown|json
  --timeout SECONDS        deadline per cluster (default 15)
  --no-exec-auth           do not run exec credential plugins named in the kubeconfig
  -h, --help               show this help

Exit status: 0 healthy, 1 causes found, 2 usage error.`;

interface DoctorArgs {
  options: Omit<DiagnoseOptions, 'onProgress'>;
  format: Format;
}

function parseDoctorArgs(args: string[]): DoctorArgs | { help: true } | string {
  let v;
  try {
    v = parseArgs({
      args,
      options: {
        ...clusterOptionSpec(15),
        service: { type: 'string' },
        clusterset: { type: 'string' },
        implementation: { type: 'string' },
        probe: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    return (e as Error).message;
  }
  if (v.help) return { help: true };
  if (!v.service) return '--service NAMESPACE/NAME is required';
  const service = parseServiceRef(v.service);
  if (!service) return `--service must be NAMESPACE/NAME with DNS-label parts (got "${v.service}")`;
  const common = readClusterOptions(v, FORMATS);
  if (typeof common === 'string') return common;
  if (v.implementation !== undefined && !isImplementation(v.implementation))
    return `--implementation must be one of generic, cilium, submariner, gke, istio, aws (got "${v.implementation}")`;
  let clusterSetText: string | undefined;
  if (v.clusterset) {
    try {
      clusterSetText = readFileSync(v.clusterset, 'utf8');
    } catch (e) {
      return `--clusterset ${v.clusterset} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
  }
  return {
    format: common.format,
    options: {
      service,
      allowExecAuth: common.allowExecAuth,
      timeoutMs: common.timeoutMs,
      probe: v.probe,
      ...(common.kubeconfig ? { kubeconfig: common.kubeconfig } : {}),
      ...(common.contexts.length ? { contexts: common.contexts } : {}),
      ...(clusterSetText !== undefined ? { clusterSetText } : {}),
      ...(v.implementation && isImplementation(v.implementation) ? { implementation: v.implementation } : {}),
    },
  };
}

export async function runDoctor(
  args: string[],
  stdout: Out,
  stderr: Out,
  diagnose: (o: DiagnoseOptions) => Promise<RunbookReport> = diagnoseService,
): Promise<number> {
  const a = parseDoctorArgs(args);
  if (typeof a === 'string') {
    stderr.write(`clusterset doctor: ${a}\n${DOCTOR_USAGE}\n`);
    return 2;
  }
  if ('help' in a) {
    stdout.write(`${DOCTOR_USAGE}\n`);
    return 0;
  }
  // A kubeconfig or ClusterSet file that cannot be used is the user's to fix: usage error, nothing read.
  const ready = prepare(a.options);
  if (!ready.ok) {
    stderr.write(`clusterset doctor: ${ready.error}\n`);
    return 2;
  }
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    const report = await diagnose({
      ...a.options,
      signal: abort.signal,
      onProgress: (p) => {
        if (a.format === 'text') stderr.write(`  ${p.index}/${p.total - 1} ${p.title}: ${p.status}\n`);
      },
      ...(a.options.probe
        ? {
            confirmProbe: (pods: string[]) => {
              stderr.write(`--probe: creating, then deleting:\n${pods.map((p) => `  ${p}`).join('\n')}\n`);
              return true;
            },
          }
        : {}),
    });
    const rerun = `clusterset doctor ${args.map((x) => (/^[\w./=@:-]+$/.test(x) ? x : JSON.stringify(x))).join(' ')}`;
    stdout.write(
      a.format === 'json'
        ? formatJsonReport(report)
        : a.format === 'markdown'
          ? formatMarkdownReport(report, { rerun })
          : formatTextReport(report),
    );
    return isHealthy(report) ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}
