import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { clustersetNameAt } from '../../../../server/src/service/clustersetNameHover';
import { serviceWith, uriOf } from '../../../helpers/lint';

const EAST = {
  'clusters/east/web.yaml':
    'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {ports: [{port: 80}]}\n---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n',
  'clusters/west/web.yaml':
    'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n',
  'clusters/east/db.yaml':
    'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: data}\nspec: {clusterIP: None, ports: [{name: pg, port: 5432}]}\n---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: db, namespace: data}\n',
};

function hoverText(value: string, character: number, extra: Record<string, string> = {}): string {
  // A Helm values file: no kind, so the document is not even parsed.
  const s = serviceWith({ ...EAST, ...extra, 'values.yaml': `backend:\n  url: ${value}\n` });
  const h = s.hover(uriOf('values.yaml'), { line: 1, character: 7 + character });
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
}

test('finds the clusterset name under the cursor on its line only', () => {
  const t = 'a: http://web.shop.svc.clusterset.local:8080/x\n';
  assert.deepEqual(clustersetNameAt(t, 12), { text: 'web.shop.svc.clusterset.local', start: 10, end: 39 });
  assert.equal(clustersetNameAt(t, 5), undefined);
  assert.equal(clustersetNameAt('web.shop.svc.cluster.local', 3), undefined);
});

test('a ClusterSetIP service name: the clusterset IP and the exporting clusters from the workspace', () => {
  const t = hoverText('http://web.shop.svc.clusterset.local:8080', 10);
  assert.match(
    t,
    /^\*\*web\.shop\.svc\.clusterset\.local\*\*\n\nClusterset name of the multi-cluster service `web` in namespace `shop`/,
  );
  assert.match(
    t,
    /Resolves \(A\/AAAA\) to the ServiceImport's clusterset IP; traffic is spread over the endpoints of every exporting cluster\. Type ClusterSetIP, from the exported Service/,
  );
  assert.match(t, /Exported from: `east`, `west` \(ServiceExports in the workspace\)\.$/);
});

test('the ServiceImport in the workspace supplies the type and the IPs', () => {
  const imp = {
    'clusters/east/imp.yaml':
      'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\nspec: {type: ClusterSetIP, ips: [10.42.0.10], ports: [{port: 80}]}\n',
  };
  assert.match(
    hoverText('web.shop.svc.clusterset.local', 2, imp),
    /clusterset IP: `10\.42\.0\.10`;.*from the ServiceImport in the workspace/,
  );
});

test('a headless name, a per-endpoint name and an SRV name', () => {
  assert.match(
    hoverText('db.data.svc.clusterset.local', 2),
    /Headless: resolves to one A\/AAAA record per ready endpoint across the exporting clusters/,
  );
  const ep = hoverText('db-0.east.db.data.svc.clusterset.local', 2);
  assert.match(
    ep,
    /One endpoint of the \*\*headless\*\* multi-cluster service `db` in namespace `data`: the endpoint with hostname `db-0` in the cluster whose id .* is `east`/,
  );
  assert.match(ep, /Cluster `east` exports `data\/db` in the workspace\.$/);
  assert.match(
    hoverText('db-0.north.db.data.svc.clusterset.local', 2),
    /Cluster `north` is not among the exporting clusters in the workspace \(`east`\)\.$/,
  );
  assert.match(
    hoverText('_pg._tcp.db.data.svc.clusterset.local', 2),
    /^\*\*_pg\._tcp\.db\.data\.svc\.clusterset\.local\*\*\n\nSRV record for the port named `pg` \(TCP\)/,
  );
});

test('the forbidden <clusterid>.<svc>.<ns> shape and an unexported service', () => {
  assert.match(
    hoverText('east.web.shop.svc.clusterset.local', 2),
    /the MCS DNS spec \*\*reserves and forbids\*\* it.*Only Submariner Lighthouse answers it.*\(e\.g\. `web-east`\)/,
  );
  assert.match(
    hoverText('pay.billing.svc.clusterset.local', 2),
    /No ServiceExport for `billing\/pay` in the workspace: unless another cluster exports it, the name does not resolve \(NXDOMAIN\)\.$/,
  );
});
