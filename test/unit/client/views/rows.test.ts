// The clusterset tree's rows as a pure mapping of an inventory snapshot: what each row says, which icon
// and contextValue it carries, and which object it lets the user open.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterRow } from '../../../../client/src/views/rows/clusterRow';
import { md } from '../../../../client/src/views/rows/row';
import { conditionSummary, endpointsSummary, serviceInClusters } from '../../../../client/src/views/rows/serviceFacts';
import { dnsName, serviceRow } from '../../../../client/src/views/rows/serviceRow';
import { renderAll, type RenderedRow } from '../../../../client/src/views/rows/shownRows';
import { statusText, treeRows, type TreeInput } from '../../../../client/src/views/rows/treeRows';
import { members, snapshot, summaries } from './snapshotFixture';

const live: TreeInput = { kind: 'live', scopeSource: 'clusterset.yaml', members, snapshot, summaries };
// The whole tree with every child and tooltip built (the rows build them lazily; shownRows.test.ts covers when).
const tree = (input: TreeInput = live) => renderAll(treeRows(input));
const byLabel = (rows: RenderedRow[] | undefined, label: string): RenderedRow => {
  const r = rows?.find((x) => x.label === label);
  assert.ok(r, `no row "${label}" in ${JSON.stringify(rows?.map((x) => x.label))}`);
  return r;
};
const all = (rows: RenderedRow[]): RenderedRow[] => rows.flatMap((r) => [r, ...all(r.children ?? [])]);

test('root: a Services group and a Clusters group, services sorted namespace/name with health counts', () => {
  const [services, clusters] = tree();
  assert.equal(services.label, 'Services');
  assert.equal(services.description, '3 · 1 degraded, 1 broken');
  assert.deepEqual(
    services.children?.map((r) => r.label),
    ['billing/payments', 'shop/cart', 'shop/web'],
  );
  assert.equal(clusters.label, 'Clusters');
  // east and central answered; west is stale, lost unreachable, north not read yet.
  assert.equal(clusters.description, '2/5 answered · clusterset.yaml');
  assert.deepEqual(
    clusters.children?.map((r) => r.label),
    ['east', 'west', 'central', 'lost', 'north'],
  );
  assert.equal(byLabel(clusters.children, 'north').contextValue, 'cluster.reading');
});

test('service rows: health icon, contextValue, the first reason in the description', () => {
  const rows = tree()[0].children ?? [];
  const web = byLabel(rows, 'shop/web');
  assert.deepEqual(web.icon, { id: 'pass-filled', color: 'testing.iconPassed' });
  assert.equal(web.contextValue, 'service.healthy');
  assert.equal(web.description, 'healthy · exported from east, west');
  const cart = byLabel(rows, 'shop/cart');
  assert.equal(cart.icon?.id, 'warning');
  assert.equal(cart.contextValue, 'service.degraded');
  assert.equal(cart.description, 'degraded — central has no ready endpoints from west');
  const payments = byLabel(rows, 'billing/payments');
  assert.equal(payments.icon?.id, 'error');
  assert.equal(payments.contextValue, 'service.broken');
  assert.deepEqual(payments.service, { namespace: 'billing', name: 'payments' });
});

test('service tooltip says why: reasons, then per cluster exported/imported/endpoints', () => {
  const cart = byLabel(tree()[0].children, 'shop/cart');
  const tip = cart.tooltip ?? '';
  assert.match(tip, /\*\*shop\/cart\*\* — degraded/);
  assert.match(tip, /- central has no ready endpoints from west/);
  assert.match(tip, /\*\*east\*\*: exported \\\(Valid, Ready\\\)/);
  assert.match(tip, /\*\*west\*\*: exported \\\(Valid, Conflict \\\(PortConflict\\\)\\\)/);
  assert.match(
    tip,
    /\*\*central\*\*: imported ClusterSetIP 10\\\.42\\\.0\\\.21 · http 80\/TCP; endpoints from east 2\/2, west 0\/1 ready/,
  );
  assert.match(tip, /`cart\.shop\.svc\.clusterset\.local`/);
});

test('per-cluster rows under a service list the objects, each openable as YAML', () => {
  const web = byLabel(tree()[0].children, 'shop/web');
  assert.deepEqual(
    web.children?.map((r) => r.label),
    ['east', 'west', 'central'],
  );
  const east = byLabel(web.children, 'east');
  assert.equal(east.description, 'exported (Valid, Ready)');
  assert.deepEqual(
    east.children?.map((r) => [r.label, r.object?.kind, r.contextValue]),
    [
      ['ServiceExport', 'ServiceExport', 'object.ServiceExport'],
      ['Service', 'Service', 'object.Service'],
    ],
  );
  assert.equal(byLabel(east.children, 'Service').description, 'shop/web · ClusterIP 10.96.0.10 · http 80/TCP');
  const central = byLabel(web.children, 'central');
  assert.equal(central.description, 'imported ClusterSetIP 10.42.0.20 · http 80/TCP · endpoints from east 2/2, west 1/1 ready');
  const kinds = central.children?.map((r) => `${r.object?.kind} ${r.object?.name}`);
  assert.deepEqual(kinds, ['ServiceImport web', 'EndpointSlice web-east-x1', 'EndpointSlice web-west-x1']);
  // west's watch broke: its row says so in the tooltip, its facts are the last known ones.
  assert.match(byLabel(web.children, 'west').tooltip ?? '', /in cluster \*\*west\*\* \(stale since 10:42:05 UTC\)/);
  // Only the kinds the inventory lists are ever offered for "Open as YAML".
  const openable = new Set(all(tree()).flatMap((r) => (r.object ? [r.object.kind] : [])));
  assert.deepEqual([...openable].sort(), ['ClusterProperty', 'EndpointSlice', 'Service', 'ServiceExport', 'ServiceImport']);
});

test('an export without its Service, and a False condition with its reason', () => {
  const payments = byLabel(tree()[0].children, 'billing/payments');
  const w = byLabel(payments.children, 'west');
  assert.equal(w.description, 'exported (Valid=False (ServiceNotFound)) · no Service behind the export');
  assert.equal(w.icon?.id, 'circle-filled');
  assert.deepEqual(
    w.children?.map((r) => r.label),
    ['ServiceExport'],
  );
});

test('conditionSummary: Valid/Ready/Conflict with reasons; no conditions at all is a problem', () => {
  assert.deepEqual(conditionSummary([{ type: 'Valid', status: 'True' }]), { text: 'Valid', problem: false });
  assert.deepEqual(
    conditionSummary([
      { type: 'Valid', status: 'True' },
      { type: 'Ready', status: 'Unknown', reason: 'Pending' },
      { type: 'Conflict', status: 'True', reason: 'TypeConflict' },
    ]),
    { text: 'Valid, Ready=Unknown (Pending), Conflict (TypeConflict)', problem: true },
  );
  assert.equal(conditionSummary([]).problem, true);
  assert.match(conditionSummary([]).text, /no conditions yet/);
  assert.equal(conditionSummary([{ type: 'Exported', status: 'True' }]).text, 'Exported=True');
});

test('endpoints per source cluster add up over several slices; a slice without the label counts as "?"', () => {
  const key = { namespace: 'shop', name: 'cart' };
  const central = serviceInClusters(snapshot, key).find((c) => c.cluster === 'central');
  assert.ok(central);
  const extra = { ...central.slices[0], sourceCluster: undefined, ready: 1, total: 3 };
  assert.equal(endpointsSummary([...central.slices, central.slices[0], extra]), 'endpoints from ? 1/3, east 4/4, west 0/1 ready');
  assert.equal(endpointsSummary([]), 'no MCS EndpointSlices');
});

test('cluster rows: ok, stale, partial and faulty members keep their reason and a contextValue to key on', () => {
  const [east, westRow, central, lost] = renderAll(snapshot.clusters.map(clusterRow));
  assert.equal(east.contextValue, 'cluster.ok');
  assert.equal(east.description, 'cilium, controller ready · v1alpha1, v1beta1');
  assert.deepEqual(
    east.children?.map((r) => [r.label, r.description]),
    [
      ['context', 'east-ctx'],
      ['cluster id', 'east'],
      ['implementation', 'cilium, controller ready'],
      ['MCS API', 'v1alpha1, v1beta1'],
    ],
  );
  assert.equal(byLabel(east.children, 'cluster id').object?.kind, 'ClusterProperty');

  assert.equal(westRow.contextValue, 'cluster.stale');
  assert.equal(westRow.description, 'stale since 10:42:05 UTC · cilium, controller ready');
  assert.match(westRow.tooltip ?? '', /Stale since 10:42:05 UTC/);

  assert.equal(central.contextValue, 'cluster.partial');
  assert.match(central.description ?? '', /partial read \(1\)/);
  assert.equal(byLabel(central.children, 'endpointslices').description, 'forbidden: forbidden: cannot list endpointslices');

  const [paused] = renderAll([clusterRow({ ...snapshot.clusters[0], paused: true })]);
  assert.equal(paused.description, 'cilium, controller ready · v1alpha1, v1beta1 · paused');
  assert.match(paused.tooltip ?? '', /watches paused while the view is hidden/);

  assert.equal(lost.contextValue, 'cluster.fault.unreachable');
  assert.equal(lost.icon?.id, 'error');
  assert.equal(lost.description, 'unreachable: cannot connect to https://127.0.0.1:1 (ECONNREFUSED): connect refused');
  assert.deepEqual(
    lost.children?.map((r) => r.label),
    ['context', 'unreachable'],
  );
});

test('messages instead of rows: untrusted workspace, kubeconfig error, nothing read yet', () => {
  const [u] = tree({ kind: 'untrusted' });
  assert.equal(u.label, 'Trust this workspace to read your kubeconfig');
  assert.equal(u.contextValue, 'message');
  const [e] = tree({ kind: 'error', message: 'no kubeconfig found (looked at /x)' });
  assert.equal(e.description, 'no kubeconfig found (looked at /x)');
  const [s, c] = tree({ kind: 'live', scopeSource: 'all contexts', members: [{ name: 'a', context: 'a' }] });
  assert.equal(s.children?.[0].label, 'Reading the clusters…');
  assert.equal(c.children?.[0].description, 'reading… (context a)');
  const [none] = tree({ kind: 'live', scopeSource: 'setting clusterset.contexts', members: [] });
  assert.equal(none.label, 'No contexts in the clusterset');
});

test('status bar: answered/total members, a problem when one did not answer', () => {
  assert.deepEqual(statusText({ kind: 'untrusted' }), undefined);
  const s = statusText(live);
  assert.equal(s?.text, 'clusterset: 2/5 clusters');
  assert.equal(s?.problem, true);
  assert.match(s?.tooltip ?? '', /lost: cannot connect/);
  const three = statusText({
    kind: 'live',
    scopeSource: 'x',
    members: members.slice(0, 1),
    snapshot: { ...snapshot, clusters: snapshot.clusters.slice(0, 1) },
  });
  assert.equal(three?.text, 'clusterset: 1/1 clusters');
  assert.equal(three?.problem, false);
});

test('markdown from clusters is escaped; the DNS name follows <name>.<ns>.svc.clusterset.local', () => {
  assert.equal(md('a*b_[x](y)'), 'a\\*b\\_\\[x\\]\\(y\\)');
  assert.equal(dnsName({ namespace: 'shop', name: 'web' }), 'web.shop.svc.clusterset.local');
  const row = serviceRow({ ...summaries[1], reasons: ['**bold** <img>'] }, snapshot);
  assert.match(row.tooltip?.() ?? '', /\\\*\\\*bold\\\*\\\* \\<img\\>/);
});
