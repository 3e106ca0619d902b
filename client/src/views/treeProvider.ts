// The TreeDataProvider: adapts the pure rows (views/rows/) to TreeItems. Nothing else happens here.
import * as vscode from 'vscode';
import type { Row } from './rows/row';

export class ClustersetTreeProvider implements vscode.TreeDataProvider<Row> {
  private readonly changed = new vscode.EventEmitter<Row | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Row[] = [];
  private shown = '';
  private readonly parents = new Map<string, Row>();

  setRows(rows: Row[]): void {
    // A snapshot that changes nothing visible must not redraw the tree (a click during a redraw is lost).
    const key = JSON.stringify(rows);
    if (key === this.shown) return;
    this.shown = key;
    this.roots = rows;
    this.parents.clear();
    const walk = (parent: Row) => {
      for (const c of parent.children ?? []) {
        this.parents.set(c.id, parent);
        walk(c);
      }
    };
    rows.forEach(walk);
    this.changed.fire(undefined);
  }

  /** The first row (depth first) that matches, for reveal. */
  find(match: (r: Row) => boolean): Row | undefined {
    const walk = (rows: Row[]): Row | undefined => {
      for (const r of rows) {
        if (match(r)) return r;
        const hit = walk(r.children ?? []);
        if (hit) return hit;
      }
      return undefined;
    };
    return walk(this.roots);
  }

  getTreeItem(row: Row): vscode.TreeItem {
    const state = !row.children
      ? vscode.TreeItemCollapsibleState.None
      : row.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(row.label, state);
    item.id = row.id;
    item.description = row.description;
    if (row.tooltip) item.tooltip = new vscode.MarkdownString(row.tooltip);
    if (row.icon)
      item.iconPath = new vscode.ThemeIcon(row.icon.id, row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined);
    item.contextValue = row.contextValue;
    if (row.object) item.command = { command: 'clusterset.openYaml', title: 'Open as YAML', arguments: [row] };
    return item;
  }

  getChildren(row?: Row): Row[] {
    return row ? (row.children ?? []) : this.roots;
  }

  getParent(row: Row): Row | undefined {
    return this.parents.get(row.id);
  }
}
