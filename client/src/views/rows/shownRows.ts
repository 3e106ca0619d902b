// What VS Code has been handed of the lazy rows, so the TreeDataProvider stays a thin adapter. VS Code keeps
// the row objects it was given and passes them back (getChildren on expand, resolveTreeItem on hover, menu
// commands); a new snapshot must not redraw the tree when nothing it shows changed (a click during a redraw
// is lost), and a row it still holds from an earlier snapshot must then expand or hover to today's content.
// So: rows are looked up by id in the latest mapping, and a new mapping is compared only on what VS Code
// has seen — the roots, the children of the rows it expanded, the tooltips it resolved — never by building
// every row. Pure (no vscode).
import type { Row } from './row';

/** What a TreeItem shows of a row (its tooltip and children aside). */
function rowKey(r: Row): string {
  return JSON.stringify([
    r.id,
    r.label,
    r.description,
    r.icon,
    r.contextValue,
    r.children !== undefined,
    r.expanded,
    r.object,
    r.service,
    r.cluster,
  ]);
}

const sameRows = (a: Row[], b: Row[]) => a.length === b.length && a.every((r, i) => rowKey(r) === rowKey(b[i] as Row));

export class ShownRows {
  private roots: Row[] = [];
  /** Rows of the latest mapping found so far, by id. */
  private byId = new Map<string, Row>();
  /** Children built from the latest mapping, by parent id. */
  private kids = new Map<string, Row[]>();
  /** Parent id of every row handed out below the roots. */
  private readonly parents = new Map<string, string>();
  /** Rows whose children VS Code fetched since the last redraw (it fetches those of expanded rows only). */
  private readonly fetched = new Set<string>();
  /** Tooltips VS Code resolved since the last redraw (it keeps them until the row is redrawn). */
  private readonly tips = new Map<string, string | undefined>();

  /** Takes a new mapping; true when VS Code must redraw (a root, a fetched child or a resolved tooltip changed). */
  set(roots: Row[]): boolean {
    const before = { roots: this.roots, kids: this.kids };
    this.roots = roots;
    this.byId = new Map(roots.map((r) => [r.id, r]));
    this.kids = new Map();
    const changed =
      !sameRows(before.roots, roots) ||
      [...this.fetched].some((id) => {
        const now = this.current(id);
        return !now || !sameRows(before.kids.get(id) ?? [], this.childrenOf(now));
      }) ||
      [...this.tips].some(([id, tip]) => {
        const now = this.current(id);
        return !now || now.tooltip?.() !== tip;
      });
    if (changed) {
      // VS Code drops everything on a redraw and asks again from the roots.
      this.parents.clear();
      this.fetched.clear();
      this.tips.clear();
    }
    return changed;
  }

  /** The roots, or the children of a row (built on the first ask, from the latest mapping). */
  children(row?: Row): Row[] {
    if (!row) return this.roots;
    const list = this.childrenOf(this.item(row));
    this.fetched.add(row.id);
    for (const c of list) this.parents.set(c.id, row.id);
    return list;
  }

  /** The latest version of a row VS Code holds (itself when the latest mapping no longer has it). */
  item(row: Row): Row {
    return this.current(row.id) ?? row;
  }

  /** The row's tooltip from the latest mapping, built now (VS Code asks on hover). */
  tooltip(row: Row): string | undefined {
    const tip = this.item(row).tooltip?.();
    this.tips.set(row.id, tip);
    return tip;
  }

  parent(row: Row): Row | undefined {
    const id = this.parents.get(row.id);
    return id === undefined ? undefined : this.current(id);
  }

  private current(id: string): Row | undefined {
    const hit = this.byId.get(id);
    if (hit) return hit;
    const parentId = this.parents.get(id);
    const parent = parentId === undefined ? undefined : this.current(parentId);
    if (!parent) return undefined;
    this.childrenOf(parent);
    return this.byId.get(id);
  }

  private childrenOf(row: Row): Row[] {
    let list = this.kids.get(row.id);
    if (!list) {
      list = row.children?.() ?? [];
      this.kids.set(row.id, list);
      for (const c of list) this.byId.set(c.id, c);
    }
    return list;
  }
}

/** A row with its tooltip and children built: what the tree mapped up front before rows were lazy. */
export interface RenderedRow extends Omit<Row, 'tooltip' | 'children'> {
  tooltip?: string;
  children?: RenderedRow[];
}

/** Every row with its tooltip and children: the tests' view of the whole tree and the benchmark's eager baseline. */
export function renderAll(rows: Row[]): RenderedRow[] {
  return rows.map(({ tooltip, children, ...rest }) => ({
    ...rest,
    ...(tooltip ? { tooltip: tooltip() } : {}),
    ...(children ? { children: renderAll(children()) } : {}),
  }));
}
