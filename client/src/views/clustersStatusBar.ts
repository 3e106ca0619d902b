// The status bar item "clusterset: 3/3 clusters": how many members answered; a click refreshes. Shown once
// the clusterset has been read (the tree view was shown), never before.
import * as vscode from 'vscode';
import type { LiveClusterset } from './liveClusterset';
import { statusText } from './rows/treeRows';

export function registerClustersStatusBar(context: vscode.ExtensionContext, live: LiveClusterset): void {
  const item = vscode.window.createStatusBarItem('clusterset.clusters', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Clusterset clusters';
  item.command = 'clusterset.refresh';
  context.subscriptions.push(
    item,
    live.onDidChange((input) => {
      const s = statusText(input);
      if (!s) return item.hide();
      item.text = `$(${s.problem ? 'warning' : 'server-environment'}) ${s.text}`;
      item.tooltip = s.tooltip;
      item.backgroundColor = s.problem ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      item.show();
    }),
  );
}
