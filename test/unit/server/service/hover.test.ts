import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { VALUE_HOVER_PROVIDERS } from '../../../../server/src/service/hoverProviders';
import { serviceWith, uriOf } from '../../../helpers/lint';

const IMPORT =
  'apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceImport\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  type: ClusterSetIP\n  trafficDistribution: PreferClose\n  ports:\n  - port: 80\n';

function hover(files: Record<string, string>, path: string, line: number, character: number): Hover | null {
  return serviceWith(files).hover(uriOf(path), { line, character });
}
const text = (h: Hover | null): string => (h?.contents as MarkupContent | undefined)?.value ?? '';

test('hover on a key shows path, type, meaning, allowed values and the CRD release', () => {
  const h = hover({ 'i.yaml': IMPORT }, 'i.yaml', 7, 5);
  assert.deepEqual(h?.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 21 } });
  assert.equal(
    text(h),
    '**spec.trafficDistribution** · `string` · ServiceImport\n\n`PreferClose`, `PreferSameZone`, `PreferSameNode`, copied from the oldest export. `PreferSameZone`/`PreferSameNode` need Kubernetes ≥ 1.33; `PreferClose` is a deprecated alias of `PreferSameZone`.\n\nAllowed values: `PreferClose`, `PreferSameZone`, `PreferSameNode` · Since: mcs-api v0.4.0',
  );
});

test('hover on a nested key inside a list item, and on a scalar value', () => {
  const port = hover({ 'i.yaml': IMPORT }, 'i.yaml', 9, 5);
  assert.match(
    text(port),
    /^\*\*spec\.ports\[0\]\.port\*\* · `integer` · ServiceImport\n\nPort number\. Required; the CRD sets no range/,
  );
  const type = hover({ 'i.yaml': IMPORT }, 'i.yaml', 6, 12);
  assert.deepEqual(type?.range, { start: { line: 6, character: 8 }, end: { line: 6, character: 20 } });
  assert.match(text(type), /^\*\*spec\.type\*\*.*\n\n.*\n\nAllowed values: `ClusterSetIP`, `Headless` · Required$/);
});

test('hover on the kind and apiVersion values describes the kind and the version', () => {
  assert.match(
    text(hover({ 'i.yaml': IMPORT }, 'i.yaml', 1, 8)),
    /^\*\*ServiceImport\*\* · multicluster\.x-k8s\.io \(v1alpha1, v1beta1\), namespaced\n\nThe clusterset-wide view/,
  );
  assert.match(
    text(hover({ 'i.yaml': IMPORT }, 'i.yaml', 0, 20)),
    /^\*\*multicluster\.x-k8s\.io\/v1beta1\*\*: served from mcs-api v0\.5\.0/,
  );
  const p = 'apiVersion: about.k8s.io/v1\nkind: ClusterProperty\nmetadata:\n  namespace: x\n';
  assert.match(text(hover({ 'p.yaml': p }, 'p.yaml', 0, 15)), /about\.k8s\.io\/v1\*\* does not exist/);
  assert.match(text(hover({ 'p.yaml': p }, 'p.yaml', 3, 4)), /\*\*cluster-scoped\*\*: it has no namespace/);
});

test('hover works on the ClusterSet file and in the second document of a file', () => {
  const set =
    'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nspec:\n  overlap:\n    mode: globalnet\n';
  assert.match(
    text(hover({ 's.yaml': set }, 's.yaml', 8, 6)),
    /^\*\*spec\.overlap\.mode\*\* · `string` · ClusterSet\n\n`none`: CIDRs must not overlap.*\n\nAllowed values: `none`, `globalnet`$/,
  );
  assert.equal(hover({ 's.yaml': set }, 's.yaml', 2, 12), null, 'no field docs for a Service');
});

test('no hover on unknown keys, on map keys without docs, and outside documents', () => {
  const t =
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  labels: {team: pay}\nspec:\n  serviceName: web\n';
  assert.equal(hover({ 'e.yaml': t }, 'e.yaml', 5, 4), null);
  assert.equal(hover({ 'e.yaml': t }, 'e.yaml', 3, 13), null);
  assert.equal(hover({ 'e.yaml': t }, 'e.yaml', 40, 0), null);
});

test('value hover providers are asked first and get the path, node and document offset', () => {
  const seen: unknown[] = [];
  const provider = (ctx: Parameters<(typeof VALUE_HOVER_PROVIDERS)[number]>[0]): Hover | null => {
    seen.push([ctx.path, ctx.node.type, ctx.offset, ctx.placed.index]);
    return ctx.path.join('.') === 'spec.type' ? { contents: 'from provider' } : null;
  };
  VALUE_HOVER_PROVIDERS.push(provider);
  try {
    assert.deepEqual(hover({ 'i.yaml': IMPORT }, 'i.yaml', 6, 10)?.contents, 'from provider');
    assert.deepEqual(seen, [[['spec', 'type'], 'scalar', IMPORT.indexOf('ClusterSetIP') + 2, 0]]);
    assert.match(text(hover({ 'i.yaml': IMPORT }, 'i.yaml', 6, 3)), /^\*\*spec\.type\*\*/);
    assert.equal(seen.length, 1, 'providers are not asked on keys');
  } finally {
    VALUE_HOVER_PROVIDERS.splice(VALUE_HOVER_PROVIDERS.indexOf(provider), 1);
  }
});
