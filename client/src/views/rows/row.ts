// What the clusterset tree shows, as plain data: a Row per tree item. The rows are a pure mapping of the
// inventory snapshot (unit-tested without VS Code); views/treeProvider.ts only turns them into TreeItems.
// A row's children and tooltip are functions: the first paint shows the root rows and the services list, so
// the per-cluster rows of a service are built when it is expanded and a tooltip when it is hovered
// (TreeDataProvider.resolveTreeItem), not for all 18,000 rows of 10,000 objects up front.
import type { ObjectRef, ServiceKey } from '../../../../clusters/src/inventory/snapshot';

/** A codicon with an optional theme colour id (e.g. `testing.iconPassed`). */
export interface RowIcon {
  id: string;
  color?: string;
}

export interface Row {
  /** Stable across snapshots, so VS Code keeps the expansion state when the tree is redrawn. */
  id: string;
  label: string;
  description?: string;
  /** Markdown (content from clusters is escaped), built on hover. */
  tooltip?: () => string;
  icon?: RowIcon;
  /**
   * What menus key on (`viewItem`): `group.services`, `service.healthy|degraded|broken`, `serviceInCluster`,
   * `object.<Kind>`, `cluster.ok|stale|partial|fault.<kind>`, `detail`, `message`.
   */
  contextValue: string;
  /** Undefined for a leaf; built when the row is expanded. */
  children?: () => Row[];
  expanded?: boolean;
  /** An object the tree lists: "Open as YAML" reads exactly this one. */
  object?: ObjectRef;
  /** The service of the row: "Copy DNS name", "Reveal in ClusterSet file". */
  service?: ServiceKey;
  /** The cluster of the row (ClusterSet member name): "Reveal in ClusterSet file". */
  cluster?: string;
}

/** Escapes text from a cluster (messages, reasons) for a Markdown tooltip. */
export function md(text: string): string {
  // `$&` rather than a callback: no function call per escaped character.
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** `hh:mm:ss` of an ISO time in UTC, or the text itself when it is not a time. */
export function clock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(11, 19)} UTC`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const messageRow = (id: string, label: string, description?: string, icon = 'info'): Row => ({
  id: `message:${id}`,
  label,
  description,
  tooltip: description ? () => md(description) : undefined,
  icon: { id: icon },
  contextValue: 'message',
});
