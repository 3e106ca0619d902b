// Activation wiring: the language client, the clusterset view and the commands. Nothing else lives here.
import * as vscode from 'vscode';
import { registerGenerateCommands } from './commands/generate';
import { CLUSTERSET_GLOB } from './clusterSetFile';
import { registerCommands } from './commands/registerCommands';
import { startLanguageClient } from './languageClient';
import { ACCESS_SETTINGS } from './settings';
import { registerClustersStatusBar } from './views/clustersStatusBar';
import { LiveClusterset } from './views/liveClusterset';
import { OBJECT_SCHEME, ObjectDocuments } from './views/objectDocuments';
import { treeRows } from './views/rows/treeRows';
import { registerStatusBar } from './views/statusBar';
import { ClustersetTreeProvider } from './views/treeProvider';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Clusterset');
  context.subscriptions.push(output);
  const client = startLanguageClient(context);

  // The tree reads nothing until it is shown (LiveClusterset starts on the first visibility).
  const live = new LiveClusterset(context, output);
  const tree = new ClustersetTreeProvider();
  const view = vscode.window.createTreeView('clusterset.explorer', { treeDataProvider: tree, showCollapseAll: true });
  const objects = new ObjectDocuments(live);
  const watcher = vscode.workspace.createFileSystemWatcher(CLUSTERSET_GLOB);
  context.subscriptions.push(
    live,
    view,
    watcher,
    live.onDidChange((input) => tree.setRows(treeRows(input))),
    view.onDidChangeVisibility((e) => live.setVisible(e.visible)),
    vscode.workspace.registerTextDocumentContentProvider(OBJECT_SCHEME, objects),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (ACCESS_SETTINGS.some((s) => e.affectsConfiguration(s))) void live.rescope();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void live.rescope()),
    watcher.onDidChange(() => void live.rescope()),
    watcher.onDidCreate(() => void live.rescope()),
    watcher.onDidDelete(() => void live.rescope()),
  );
  tree.setRows(treeRows(live.current));
  if (view.visible) live.setVisible(true);

  registerCommands(context, { client, live, objects, output });
  registerGenerateCommands(context, client);
  registerStatusBar(context, client);
  registerClustersStatusBar(context, live);
  await client.start();
}

export function deactivate(): void {
  // The language client, the watches and the views are disposed through context.subscriptions.
}
