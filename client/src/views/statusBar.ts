// The status bar item: how much MCS the server sees, and a warning when a validation ran out of its budget
// (as vscode-eslint does), so a slow file is never silently half-checked.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ServerStatusNotification,
  ValidationBudgetNotification,
  type ServerStatusParams,
  type ValidationBudgetParams,
} from '../../../server/src/protocol';

export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('clusterset.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Clusterset';
  item.command = 'clusterset.showServerLog';
  context.subscriptions.push(item);
  let overBudget: ValidationBudgetParams | undefined;

  const render = (status?: ServerStatusParams): void => {
    if (overBudget) {
      item.text = '$(warning) Clusterset';
      item.tooltip = `Validation of ${vscode.workspace.asRelativePath(vscode.Uri.parse(overBudget.uri))} stopped after ${overBudget.elapsedMs} ms (budget ${overBudget.budgetMs} ms, setting clusterset.validationTimeBudgetMs).`;
    } else if (status) {
      item.text = `$(server-environment) MCS ${status.mcsObjects}`;
      item.tooltip = `Clusterset: ${status.mcsObjects} objects indexed in ${status.indexedFiles} files; last validation ${status.lastValidationMs.toFixed(1)} ms`;
    }
    item.show();
  };

  context.subscriptions.push(
    client.onNotification(ServerStatusNotification, (p) => render(p)),
    client.onNotification(ValidationBudgetNotification, (p) => {
      overBudget = p;
      render();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // A new edit gets a new budget; the next status notification tells the new state.
      if (overBudget && e.document.uri.toString() === overBudget.uri) overBudget = undefined;
    }),
  );
}
