// Activation wiring: the language client, the clusterset view and the commands. Nothing else lives here.
import * as vscode from 'vscode';
import { registerGenerateCommands } from './commands/generate';
import { registerCommands } from './commands/registerCommands';
import { startLanguageClient } from './languageClient';
import { ClustersetTreeProvider } from './views/clustersetTree';
import { registerStatusBar } from './views/statusBar';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Clusterset');
  context.subscriptions.push(output);
  const client = startLanguageClient(context);
  const tree = new ClustersetTreeProvider();
  context.subscriptions.push(vscode.window.registerTreeDataProvider('clusterset.explorer', tree));
  registerCommands(context, { client, tree, output });
  registerGenerateCommands(context, client);
  registerStatusBar(context, client);
  await client.start();
}

export function deactivate(): void {
  // The language client is disposed through context.subscriptions.
}
