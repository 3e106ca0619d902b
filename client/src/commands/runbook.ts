// "Clusterset: Debug a Service Across the Clusterset…": pick the service (from the inventory, or typed as
// namespace/name), run the runbook on the clusterset's clusters with a cancellable progress notification
// naming each check, and open the report as a Markdown preview (an untitled document: it can be saved).
// The reachability probe creates pods, so it runs only from the report's notification, after a modal
// dialog that names every pod. Also callable with a service (the tree's "Debug this service").
import * as vscode from 'vscode';
import { clusters } from '../clusterModule';
import { findClusterSetFile } from '../clusterSetFile';
import type { RunbookReport } from '../../../clusters/src/runbook/run';
import type { ServiceKey } from '../../../clusters/src/inventory/snapshot';
import { clusterAccessSettings, readSettings, requireTrust } from '../settings';

const TYPE_IT = 'Type namespace/name…';

/** A service from a command argument: `ns/name`, `{namespace, name}`, or a tree node carrying `service`. */
export function serviceFromArg(arg: unknown): ServiceKey | undefined {
  if (typeof arg === 'string') return clusters().parseServiceRef(arg);
  const o = arg as { namespace?: unknown; name?: unknown; service?: unknown } | undefined;
  if (o && typeof o.namespace === 'string' && typeof o.name === 'string') return { namespace: o.namespace, name: o.name };
  if (o?.service) return serviceFromArg(o.service);
  return undefined;
}

/** The workspace's ClusterSet file text, when there is one: the same file the tree and Discover CIDRs use. */
async function clusterSetText(): Promise<string | undefined> {
  return (await findClusterSetFile(false))?.text;
}

interface RunSettings {
  kubeconfig?: string;
  allowExecAuth: boolean;
  implementation?: 'cilium' | 'submariner' | 'gke' | 'istio' | 'aws';
  clusterSetText?: string;
}

async function settings(): Promise<RunSettings> {
  // The one settings reader and trust guard the tree and Discover CIDRs use.
  const { kubeconfig, allowExecAuth } = clusterAccessSettings();
  const impl = readSettings().implementation;
  const text = await clusterSetText();
  return {
    ...(kubeconfig ? { kubeconfig } : {}),
    allowExecAuth,
    ...(impl !== 'generic' ? { implementation: impl as RunSettings['implementation'] } : {}),
    ...(text !== undefined ? { clusterSetText: text } : {}),
  };
}

/** Quick pick of the services the inventory sees, plus whatever the user types as namespace/name. */
async function pickService(s: RunSettings): Promise<ServiceKey | undefined> {
  const c = clusters();
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
  qp.title = 'Debug a service across the clusterset';
  qp.placeholder = 'namespace/name — or pick a service the clusters export';
  const fixed: vscode.QuickPickItem[] = [];
  const typed = (): vscode.QuickPickItem[] => {
    const ref = c.parseServiceRef(qp.value);
    if (!ref || fixed.some((i) => i.label === qp.value.trim())) return [];
    return [{ label: qp.value.trim(), description: 'debug this service' }];
  };
  const refresh = () => {
    qp.items = [
      ...typed(),
      ...fixed,
      ...(fixed.length || qp.busy ? [] : [{ label: TYPE_IT, description: 'no exported service found' }]),
    ];
  };
  qp.busy = true;
  refresh();
  qp.onDidChangeValue(refresh);
  const abort = new AbortController();
  const prepared = c.prepare(s);
  if (prepared.ok) {
    void c
      .readInventory(prepared.value.kc, prepared.value.members, {
        allowExec: s.allowExecAuth,
        timeoutMs: 8000,
        signal: abort.signal,
      })
      .then((snapshot) => {
        for (const svc of c.summarizeServices(snapshot, s.implementation)) {
          fixed.push({
            label: `${svc.namespace}/${svc.name}`,
            description: `exported from ${svc.exportedFrom.join(', ') || 'nowhere'}`,
            detail: `${svc.health}${svc.reasons.length ? `: ${svc.reasons.join('; ')}` : ''}`,
          });
        }
      })
      .finally(() => {
        qp.busy = false;
        refresh();
      });
  } else qp.busy = false;
  const picked = await new Promise<string | undefined>((resolve) => {
    qp.onDidAccept(() => resolve(qp.selectedItems[0]?.label ?? qp.value));
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  });
  abort.abort();
  qp.dispose();
  if (picked === TYPE_IT) {
    const text = await vscode.window.showInputBox({
      title: 'Debug a service across the clusterset',
      prompt: 'namespace/name of the Service',
      validateInput: (v) => (c.parseServiceRef(v) ? undefined : 'namespace/name, both DNS labels (e.g. shop/web)'),
    });
    return text ? c.parseServiceRef(text) : undefined;
  }
  return picked ? c.parseServiceRef(picked) : undefined;
}

async function run(service: ServiceKey, s: RunSettings, probe: boolean): Promise<RunbookReport | undefined> {
  const c = clusters();
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Clusterset: debugging ${service.namespace}/${service.name}`,
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return c.diagnoseService({
        service,
        ...s,
        signal: abort.signal,
        probe,
        onProgress: (p) =>
          progress.report({ increment: 100 / p.total, message: `${p.index + 1}/${p.total} ${p.title}: ${p.status}` }),
        confirmProbe: async (pods) => {
          const go = 'Create and delete the pods';
          const answer = await vscode.window.showWarningMessage(
            `The reachability probe creates, then deletes:\n${pods.join('\n')}`,
            { modal: true },
            go,
          );
          return answer === go;
        },
      });
    },
  );
}

async function show(report: RunbookReport, output: vscode.OutputChannel): Promise<void> {
  const c = clusters();
  output.appendLine(`Clusterset runbook — ${report.startedAt}`);
  output.append(c.formatTextReport(report));
  const rerun = `clusterset doctor --service ${report.service}${report.clusters.map((m) => ` --context ${m.context}`).join('')}`;
  const doc = await vscode.workspace.openTextDocument({
    language: 'markdown',
    content: c.formatMarkdownReport(report, { causeDocsBase: c.CAUSE_DOCS_BASE, rerun }),
  });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
}

export async function runbookCommand(output: vscode.OutputChannel, arg?: unknown): Promise<void> {
  if (!requireTrust('debug a service')) return;
  const s = await settings();
  const service = serviceFromArg(arg) ?? (await pickService(s));
  if (!service) return;
  let probe = false;
  for (;;) {
    const report = await run(service, s, probe);
    if (!report) return;
    await show(report, output);
    const line = clusters().summaryLine(report);
    const again = 'Run Again';
    const withProbe = 'Run with Probe Pods…';
    const answer = await (report.healthy ? vscode.window.showInformationMessage : vscode.window.showWarningMessage)(
      `Clusterset: ${line}`,
      again,
      withProbe,
    );
    if (answer !== again && answer !== withProbe) return;
    probe = answer === withProbe;
  }
}
