// The clusterset tree: one node per kubeconfig context. It reads nothing until VS Code asks for children,
// i.e. until the view is shown.
import * as vscode from 'vscode';
import { clusters } from '../clusterModule';
import type { ContextSummary } from '../../../clusters/src/kubeconfig';
import { kubeconfigSetting } from '../settings';

type Node = { kind: 'context'; context: ContextSummary } | { kind: 'message'; text: string; detail?: string };

export class ClustersetTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.description = node.detail;
      item.iconPath = new vscode.ThemeIcon('info');
      return item;
    }
    const item = new vscode.TreeItem(node.context.name, vscode.TreeItemCollapsibleState.None);
    item.description = node.context.server;
    item.iconPath = new vscode.ThemeIcon('server-environment');
    item.contextValue = 'cluster';
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (node) return [];
    if (!vscode.workspace.isTrusted) return [{ kind: 'message', text: 'Trust this workspace to read your kubeconfig' }];
    const result = clusters().listContexts(kubeconfigSetting());
    if (!result.ok) return [{ kind: 'message', text: 'No clusters', detail: result.error }];
    if (result.contexts.length === 0) return [{ kind: 'message', text: 'No contexts in the kubeconfig' }];
    return result.contexts.map((context) => ({ kind: 'context', context }));
  }
}
