// Palette commands: thin — pick, call the cluster logic, show.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { discoverCidrs } from './discoverCidrs';
import { runbookCommand } from './runbook';
import type { ClustersetTreeProvider } from '../views/clustersetTree';

export interface CommandDeps {
  client: LanguageClient;
  tree: ClustersetTreeProvider;
  output: vscode.OutputChannel;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const { client, tree, output } = deps;
  context.subscriptions.push(
    vscode.commands.registerCommand('clusterset.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('clusterset.showServerLog', () => {
      client.outputChannel.appendLine(
        `[${new Date().toISOString()}] Clusterset language server log shown on request (state: ${client.state === 2 ? 'running' : 'not running'}).`,
      );
      client.outputChannel.show(true);
    }),
    vscode.commands.registerCommand('clusterset.runbook', (arg?: unknown) => runbookCommand(output, arg)),
    vscode.commands.registerCommand('clusterset.discoverCidrs', () => discoverCidrs(context, output)),
  );
}
