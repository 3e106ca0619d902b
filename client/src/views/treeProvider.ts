// The TreeDataProvider: adapts the pure rows (views/rows/) to TreeItems. Nothing else happens here: children
// are built when VS Code asks for them (an expanded row), tooltips when it resolves an item (on hover), and
// which rows it holds is kept by rows/shownRows.ts.
import * as vscode from 'vscode';
import type { Row } from './rows/row';
import { ShownRows } from './rows/shownRows';

export class ClustersetTreeProvider implements vscode.TreeDataProvider<Row> {
  private readonly changed = new vscode.EventEmitter<Row | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly shown = new ShownRows();

  setRows(rows: Row[]): void {
    if (this.shown.set(rows)) this.changed.fire(undefined);
  }

  getTreeItem(element: Row): vscode.TreeItem {
    const row = this.shown.item(element);
    const state = !row.children
      ? vscode.TreeItemCollapsibleState.None
      : row.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(row.label, state);
    item.id = row.id;
    item.description = row.description;
    if (row.icon)
      item.iconPath = new vscode.ThemeIcon(row.icon.id, row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined);
    item.contextValue = row.contextValue;
    if (row.object) item.command = { command: 'clusterset.openYaml', title: 'Open as YAML', arguments: [row] };
    return item;
  }

  /** VS Code calls this on hover for an item without a tooltip. */
  resolveTreeItem(item: vscode.TreeItem, element: Row): vscode.TreeItem {
    const tip = this.shown.tooltip(element);
    if (tip) item.tooltip = new vscode.MarkdownString(tip);
    return item;
  }

  getChildren(row?: Row): Row[] {
    return this.shown.children(row);
  }

  getParent(row: Row): Row | undefined {
    return this.shown.parent(row);
  }
}
