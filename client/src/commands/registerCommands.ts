// Palette commands: thin — pick, call the cluster logic, show.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { clusters } from '../clusterModule';
import { discoverCidrs } from './discoverCidrs';
import { kubeconfigSetting } from '../settings';
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
        `[${new Date().toISOString()}] Clusterset language server log shown on request (state: ${client.state === State.Running ? 'running' : 'not running'}).`,
      );
      client.outputChannel.show(true);
    }),
    vscode.commands.registerCommand('clusterset.runbook', () => {
      output.show(true);
      const config = kubeconfigSetting();
      output.appendLine(`Clusterset runbook — ${new Date().toISOString()}`);
      if (!vscode.workspace.isTrusted) {
        output.appendLine('This workspace is not trusted: Clusterset does not read kubeconfig files here.');
        return;
      }
      for (const line of clusters().describeKubeconfig(config)) output.appendLine(line);
    }),
    vscode.commands.registerCommand('clusterset.discoverCidrs', () => discoverCidrs(context, output)),
  );
}
