// "Clusterset: Discover CIDRs from clusters": pick contexts, read their ranges with progress and Cancel,
// print the report, then propose the ClusterSet file change as a diff that is written only on "Apply".
import * as vscode from 'vscode';
import { clusters } from '../clusterModule';
import type { DiscoveredCluster } from '../../../clusters/src/clusterSetUpdate';
import { findClusterSetFile } from '../clusterSetFile';
import { clusterAccessSettings, requireTrust } from '../settings';
import type { LiveClusterset } from '../views/liveClusterset';

const PROPOSAL_SCHEME = 'clusterset-proposal';
const proposals = new Map<string, string>();
let providerRegistered = false;

function registerProposalProvider(context: vscode.ExtensionContext): void {
  if (providerRegistered) return;
  providerRegistered = true;
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, {
      provideTextDocumentContent: (uri) => proposals.get(uri.path) ?? '',
    }),
  );
}

async function pickContexts(
  output: vscode.OutputChannel,
  kubeconfig: string | undefined,
  inScope: ReadonlySet<string>,
): Promise<string[] | undefined> {
  const list = clusters().listContexts(kubeconfig);
  if (!list.ok) {
    void vscode.window.showErrorMessage(`Clusterset: ${list.error}`);
    output.appendLine(list.error);
    return undefined;
  }
  // The clusterset's contexts (as the tree resolved them) are preselected; without a scope, all are.
  const items = list.contexts.map((c) => ({
    label: c.name,
    description: c.server,
    picked: inScope.size === 0 || inScope.has(c.name),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Discover CIDRs from these contexts',
    placeHolder: `kubeconfig: ${list.source}`,
  });
  return picked?.map((p) => p.label);
}

export async function discoverCidrs(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  live?: LiveClusterset,
): Promise<void> {
  if (!requireTrust('discover CIDRs')) return;
  const { kubeconfig, allowExecAuth } = clusterAccessSettings();
  const inScope = new Set(live?.currentScope?.members.map((m) => m.context) ?? []);
  const contexts = await pickContexts(output, kubeconfig, inScope);
  if (!contexts?.length) return;
  const c = clusters();
  let cancelled = false;
  const reports = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Clusterset: discovering CIDRs', cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => {
        cancelled = true;
        abort.abort();
      });
      let done = 0;
      return c.discoverCidrs(contexts, {
        allowExecAuth,
        signal: abort.signal,
        ...(kubeconfig ? { kubeconfigPath: kubeconfig } : {}),
        onCluster: (r) =>
          progress.report({
            increment: 100 / contexts.length,
            message: `${++done}/${contexts.length} (${r.context}${r.ok ? '' : ` failed: ${r.fault?.kind}`})`,
          }),
      });
    },
  );
  output.show(true);
  output.appendLine(`CIDR discovery — ${new Date().toISOString()}`);
  output.append(c.formatCidrText(reports));
  if (cancelled) {
    output.appendLine('Cancelled: the ClusterSet file is not changed.');
    return;
  }
  const discovered = c.discoveredClusters(reports);
  if (discovered.every((d) => d.podCIDRs.length + d.serviceCIDRs.length === 0)) {
    void vscode.window.showWarningMessage('Clusterset: no cluster gave a range; see the Clusterset output for why.');
    return;
  }
  await proposeUpdate(context, output, discovered);
}

async function proposeUpdate(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  discovered: DiscoveredCluster[],
): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const target =
    (await findClusterSetFile(true))?.uri ?? (folder ? vscode.Uri.joinPath(folder.uri, 'clusterset.yaml') : undefined);
  if (!target) {
    void vscode.window.showInformationMessage(
      'Clusterset: open a folder to write a ClusterSet file; the ranges are in the Clusterset output.',
    );
    return;
  }
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  const current = exists ? (await vscode.workspace.openTextDocument(target)).getText() : undefined;
  const update = clusters().updateClusterSetText(current, discovered);
  if (!update.ok) {
    void vscode.window.showErrorMessage(`Clusterset: cannot update ${vscode.workspace.asRelativePath(target)}: ${update.error}`);
    return;
  }
  for (const note of update.notes) output.appendLine(`  ${note}`);
  if (update.changes.length === 0) {
    void vscode.window.showInformationMessage(
      `Clusterset: ${vscode.workspace.asRelativePath(target)} already has the discovered ranges.`,
    );
    return;
  }
  output.appendLine(`Proposed changes to ${vscode.workspace.asRelativePath(target)}:`);
  for (const ch of update.changes) output.appendLine(`  ${ch}`);
  registerProposalProvider(context);
  const key = `/${Date.now()}/${target.path.split('/').pop() ?? 'clusterset.yaml'}`;
  proposals.set(key, update.text);
  proposals.set(`${key}.empty`, '');
  const left = exists ? target : vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `${key}.empty` });
  const right = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: key });
  await vscode.commands.executeCommand(
    'vscode.diff',
    left,
    right,
    `${vscode.workspace.asRelativePath(target)} ↔ discovered CIDRs (proposal)`,
  );
  const answer = await vscode.window.showInformationMessage(
    `Apply ${update.changes.length} change(s) to ${vscode.workspace.asRelativePath(target)}?`,
    'Apply',
    'Cancel',
  );
  proposals.delete(`${key}.empty`);
  if (answer !== 'Apply') {
    proposals.delete(key);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  if (exists) {
    const doc = await vscode.workspace.openTextDocument(target);
    if (doc.getText() !== current) {
      void vscode.window.showWarningMessage(
        'Clusterset: the ClusterSet file changed while the proposal was open; run the command again.',
      );
      return;
    }
    edit.replace(target, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), update.text);
  } else {
    edit.createFile(target, { ignoreIfExists: false });
    edit.insert(target, new vscode.Position(0, 0), update.text);
  }
  proposals.delete(key);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('Clusterset: the edit was not applied.');
    return;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  await doc.save();
  await vscode.window.showTextDocument(doc);
}
