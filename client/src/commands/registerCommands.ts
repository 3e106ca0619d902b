// Palette and tree commands: thin — pick, call the cluster logic, show.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { discoverCidrs } from './discoverCidrs';
import type { LiveClusterset } from '../views/liveClusterset';
import type { ObjectDocuments } from '../views/objectDocuments';
import type { Row } from '../views/rows/row';
import { copyDnsName, openYaml, pickContexts, revealInClusterSet } from './treeActions';
import { runbookCommand } from './runbook';

export interface CommandDeps {
  client: LanguageClient;
  live: LiveClusterset;
  objects: ObjectDocuments;
  output: vscode.OutputChannel;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const { client, live, objects, output } = deps;
  context.subscriptions.push(
    vscode.commands.registerCommand('clusterset.refresh', async () => {
      objects.refreshOpen();
      await live.refresh();
    }),
    vscode.commands.registerCommand('clusterset.openYaml', (row?: Row) => openYaml(row)),
    vscode.commands.registerCommand('clusterset.copyDnsName', (row?: Row) => copyDnsName(row)),
    vscode.commands.registerCommand('clusterset.revealInClusterSet', (row?: Row) => revealInClusterSet(row, live)),
    vscode.commands.registerCommand('clusterset.pickContexts', () => pickContexts(context, live)),
    vscode.commands.registerCommand('clusterset.showServerLog', () => {
      client.outputChannel.appendLine(
        `[${new Date().toISOString()}] Clusterset language server log shown on request (state: ${client.state === State.Running ? 'running' : 'not running'}).`,
      );
      client.outputChannel.show(true);
    }),
    vscode.commands.registerCommand('clusterset.runbook', (arg?: unknown) => runbookCommand(output, arg)),
    vscode.commands.registerCommand('clusterset.discoverCidrs', () => discoverCidrs(context, output, live)),
  );
}
