// The clusterset tree's actions: open an object as read-only YAML, copy a service's clusterset DNS name,
// reveal a service or cluster in the ClusterSet file, choose the contexts when no file or setting does.
import * as vscode from 'vscode';
import { clusters } from '../clusterModule';
import { findClusterSetFile } from '../clusterSetFile';
import { clusterAccessSettings, requireTrust } from '../settings';
import { PICKED_CONTEXTS_KEY, type LiveClusterset } from '../views/liveClusterset';
import { objectUri } from '../views/objectDocuments';
import type { Row } from '../views/rows/row';
import { dnsName } from '../views/rows/serviceRow';

export async function openYaml(row: Row | undefined): Promise<void> {
  if (!row?.object) return;
  if (!requireTrust('read objects from clusters')) return;
  const doc = await vscode.workspace.openTextDocument(objectUri(row.object));
  await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
  await vscode.window.showTextDocument(doc, { preview: true });
}

export async function copyDnsName(row: Row | undefined): Promise<void> {
  if (!row?.service) return;
  const name = dnsName(row.service);
  await vscode.env.clipboard.writeText(name);
  vscode.window.setStatusBarMessage(`Copied ${name}`, 3000);
}

export async function revealInClusterSet(row: Row | undefined, live: LiveClusterset): Promise<void> {
  if (!row?.service && !row?.cluster) return;
  const scoped = live.currentScope?.file;
  const file = scoped ?? (await findClusterSetFile(true))?.uri;
  if (!file) {
    void vscode.window.showInformationMessage('Clusterset: there is no ClusterSet file in this workspace.');
    return;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  const text = open?.getText() ?? Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
  const target = row.service ? { service: row.service } : { cluster: row.cluster ?? '' };
  const at = clusters().locateInClusterSet(text, target);
  const what = row.service ? `service ${row.service.namespace}/${row.service.name}` : `cluster ${row.cluster}`;
  // vscode.open rather than openTextDocument: the extension keeps no reference, so closing the editor
  // closes the document (and clears its diagnostics) as for any file the user opened.
  const selection = at ? new vscode.Range(positionAt(text, at.start), positionAt(text, at.end)) : undefined;
  await vscode.commands.executeCommand('vscode.open', file, selection ? { selection } : {});
  if (!at)
    void vscode.window.showInformationMessage(`Clusterset: ${vscode.workspace.asRelativePath(file)} does not list ${what}.`);
}

function positionAt(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
}

/** Lets the user choose the clusterset's contexts (remembered for this workspace); used when no file or setting names them. */
export async function pickContexts(context: vscode.ExtensionContext, live: LiveClusterset): Promise<void> {
  if (!requireTrust('read your kubeconfig')) return;
  const list = clusters().listContexts(clusterAccessSettings().kubeconfig);
  if (!list.ok) {
    void vscode.window.showErrorMessage(`Clusterset: ${list.error}`);
    return;
  }
  const before = new Set(context.workspaceState.get<string[]>(PICKED_CONTEXTS_KEY) ?? []);
  const picked = await vscode.window.showQuickPick(
    list.contexts.map((c) => ({ label: c.name, description: c.server, picked: before.size === 0 || before.has(c.name) })),
    {
      canPickMany: true,
      title: 'Contexts of the clusterset (a ClusterSet file or clusterset.contexts wins over this choice)',
      placeHolder: `kubeconfig: ${list.source}`,
    },
  );
  if (!picked) return;
  await context.workspaceState.update(PICKED_CONTEXTS_KEY, picked.length ? picked.map((p) => p.label) : undefined);
  await live.refresh();
}
