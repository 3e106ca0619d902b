// The lazy tree: a service's per-cluster rows are built when VS Code asks for its children (expand), a
// tooltip when it resolves the item (hover); a new snapshot redraws the tree only when something VS Code
// showed changed, and a row it holds from an earlier snapshot expands and hovers to the latest content.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClustersetSnapshot, ServiceSummary } from '../../../../clusters/src/inventory/snapshot';
import type { Row } from '../../../../client/src/views/rows/row';
import { ShownRows } from '../../../../client/src/views/rows/shownRows';
import { treeRows, type TreeInput } from '../../../../client/src/views/rows/treeRows';
import { members, snapshot, summaries } from './snapshotFixture';

const input = (snap: ClustersetSnapshot, sums: ServiceSummary[] = summaries): TreeInput => ({
  kind: 'live',
  scopeSource: 'clusterset.yaml',
  members,
  snapshot: snap,
  summaries: sums,
});
const byLabel = (rows: Row[], label: string): Row => {
  const r = rows.find((x) => x.label === label);
  assert.ok(r, `no row "${label}" in ${JSON.stringify(rows.map((x) => x.label))}`);
  return r;
};

/** The fixture snapshot, counting how often its object lists are read. */
function counted(): { snap: ClustersetSnapshot; reads: () => number } {
  let reads = 0;
  const snap = new Proxy(
    { ...snapshot },
    {
      get(target, prop, receiver) {
        if (prop === 'exports' || prop === 'imports' || prop === 'endpointSlices') reads++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    },
  );
  return { snap, reads: () => reads };
}

/** What VS Code does for the first paint: the roots, then the children of the two expanded groups. */
function firstPaint(shown: ShownRows): { services: Row[]; clusters: Row[] } {
  const [s, c] = shown.children();
  return { services: shown.children(s), clusters: shown.children(c) };
}

test('the first paint reads no object of the snapshot: the per-cluster index is built on the first expand, once', () => {
  const { snap, reads } = counted();
  const shown = new ShownRows();
  assert.equal(shown.set(treeRows(input(snap))), true);
  const { services } = firstPaint(shown);
  assert.deepEqual(
    services.map((r) => [r.label, r.description]),
    [
      ['billing/payments', 'broken — west: the export has no Service billing/payments'],
      ['shop/cart', 'degraded — central has no ready endpoints from west'],
      ['shop/web', 'healthy · exported from east, west'],
    ],
  );
  assert.equal(reads(), 0, 'the services list was built from the summaries alone');
  const web = shown.children(byLabel(services, 'shop/web'));
  assert.deepEqual(
    web.map((r) => r.label),
    ['east', 'west', 'central'],
  );
  const afterFirst = reads();
  assert.ok(afterFirst > 0);
  // Another service of the same snapshot uses the same index; so does a tooltip.
  assert.deepEqual(
    shown.children(byLabel(services, 'shop/cart')).map((r) => r.label),
    ['east', 'west', 'central'],
  );
  assert.match(shown.tooltip(byLabel(services, 'billing/payments')) ?? '', /\*\*west\*\*: exported/);
  assert.equal(reads(), afterFirst);
});

test('children and tooltips are built only when asked for', () => {
  let built = 0;
  let tipped = 0;
  const leaf = (id: string): Row => ({ id, label: id, contextValue: 'detail', tooltip: () => `tip ${id} ${++tipped}` });
  const roots: Row[] = [
    {
      id: 'a',
      label: 'a',
      contextValue: 'x',
      children: () => {
        built++;
        return [leaf('a1'), leaf('a2')];
      },
    },
  ];
  const shown = new ShownRows();
  shown.set(roots);
  const [a] = shown.children();
  assert.equal(built, 0);
  assert.equal(tipped, 0);
  const kids = shown.children(a);
  assert.deepEqual(
    kids.map((r) => r.id),
    ['a1', 'a2'],
  );
  shown.children(a);
  assert.equal(built, 1, 'children are built once per mapping');
  assert.equal(tipped, 0, 'expanding builds no tooltip');
  assert.equal(shown.tooltip(kids[1]), 'tip a2 1');
  assert.equal(tipped, 1);
  assert.equal(shown.parent(kids[1])?.id, 'a');
  assert.equal(shown.parent(a), undefined);
});

test('a snapshot that changes nothing shown does not redraw; rows VS Code holds expand and hover to the new content', () => {
  const shown = new ShownRows();
  shown.set(treeRows(input(snapshot)));
  const { services } = firstPaint(shown);
  const web = byLabel(services, 'shop/web');
  // shop/web is collapsed: its central endpoints change (the summaries too, not the row's description).
  const slices = snapshot.endpointSlices.map((s) =>
    s.serviceName === 'web' && s.sourceCluster === 'west' ? { ...s, ready: 0, total: 4 } : s,
  );
  assert.equal(shown.set(treeRows(input({ ...snapshot, endpointSlices: slices }))), false);
  const central = byLabel(shown.children(web), 'central');
  assert.match(central.description ?? '', /endpoints from east 2\/2, west 0\/4 ready/);
  assert.match(shown.tooltip(web) ?? '', /west 0\/4 ready/);
  // The same snapshot again: nothing to redraw, and the expanded row and hovered tooltip are still right.
  assert.equal(shown.set(treeRows(input({ ...snapshot, endpointSlices: slices }))), false);
});

test('a change under an expanded row, in a hovered tooltip or in the roots redraws', () => {
  const shown = new ShownRows();
  shown.set(treeRows(input(snapshot)));
  const { services } = firstPaint(shown);
  shown.children(byLabel(services, 'shop/web'));
  const slices = snapshot.endpointSlices.map((s) => (s.serviceName === 'web' ? { ...s, ready: 0 } : s));
  assert.equal(shown.set(treeRows(input({ ...snapshot, endpointSlices: slices }))), true, 'shop/web is expanded');
  // After a redraw VS Code asks again from the roots; nothing is expanded or hovered until it does.
  const again = firstPaint(shown);
  assert.equal(shown.set(treeRows(input(snapshot))), false);
  shown.tooltip(byLabel(again.services, 'shop/cart'));
  const cartSlices = snapshot.endpointSlices.map((s) => (s.serviceName === 'cart' ? { ...s, total: 9 } : s));
  assert.equal(shown.set(treeRows(input({ ...snapshot, endpointSlices: cartSlices }))), true, 'shop/cart tooltip was shown');
  firstPaint(shown);
  assert.equal(shown.set(treeRows(input(snapshot, summaries.slice(1)))), true, 'a service went away');
});
