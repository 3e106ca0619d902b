import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { IMPLEMENTATIONS } from '../../../../../server/src/protocol';
import type { GenerateResult } from '../../../../../server/src/service/public';
import { readFixtureWorkspace } from '../../../../helpers/fixtureWorkspace';
import { assertGolden } from '../../../../helpers/golden';
import { diagnosticsOf, serviceWith } from '../../../../helpers/lint';

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/generate');
const GOLDEN = join(FIXTURES, 'golden');

function shop(implementation: string, edit: (cs: string) => string = (s) => s): Record<string, string> {
  const files = readFixtureWorkspace(join(FIXTURES, 'shop'));
  files['clusterset.yaml'] = edit(
    files['clusterset.yaml'].replace('implementation: cilium', `implementation: ${implementation}`),
  );
  return files;
}

function ok(r: GenerateResult): string {
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.text;
}

const RUNBOOK_IMPLEMENTATIONS = IMPLEMENTATIONS.filter((i) => i !== 'generic');

for (const impl of RUNBOOK_IMPLEMENTATIONS) {
  test(`wiring runbook for ${impl} (golden)`, () => {
    const s = serviceWith(shop(impl));
    const text = ok(s.generate({ generator: 'wiring', clusterSetPath: 'clusterset.yaml' }));
    assertGolden(join(GOLDEN, `wiring.${impl}.md`), text);
    for (const c of ['kind-east', 'kind-west', 'kind-central']) assert.ok(text.includes(c), `names context ${c}`);
  });
}

test('wiring for Cilium 1.18 uses the deprecated key and installs CRDs and CoreDNS by hand; 1.16 is refused', () => {
  const s = serviceWith(shop('cilium'));
  const text = ok(s.generate({ generator: 'wiring', implementationVersion: '1.18', clusterSetPath: 'clusterset.yaml' }));
  assert.match(text, /--set clustermesh\.enableMCSAPISupport=true/);
  assert.doesNotMatch(text, /--set clustermesh\.mcsapi\.enabled/);
  assert.match(text, /multicluster\.x-k8s\.io_serviceimports\.yaml/);
  const old = s.generate({ generator: 'wiring', implementationVersion: '1.16' });
  assert.equal(old.ok, false);
  assert.match(old.ok ? '' : old.error, /no MCS-API support: it arrived in Cilium 1\.17/);
});

test('wiring refuses Cilium with overlapping pod CIDRs and names the pair; Submariner turns Globalnet on', () => {
  const overlapping = (cs: string) => cs.replace('podCIDRs: [10.30.0.0/16]', 'podCIDRs: [10.10.128.0/17]');
  const cilium = serviceWith(shop('cilium', overlapping)).generate({ generator: 'wiring' });
  assert.equal(cilium.ok, false);
  assert.match(cilium.ok ? '' : cilium.error, /east 10\.10\.0\.0\/16 ↔ central 10\.10\.128\.0\/17/);
  const sub = serviceWith(shop('submariner', overlapping)).generate({ generator: 'wiring' });
  assert.ok(sub.ok);
  assert.match(sub.text, /subctl deploy-broker --context kind-east --globalnet/);
  assert.match(sub.warnings.join('\n'), /turns Globalnet on/);
});

test('wiring errors name the problem: no ClusterSet file, generic implementation, a cluster without a name', () => {
  const noFile = shop('cilium');
  delete noFile['clusterset.yaml'];
  const a = serviceWith(noFile).generate({ generator: 'wiring' });
  assert.match(a.ok ? '' : a.error, /has none/);
  const b = serviceWith(shop('generic')).generate({ generator: 'wiring' });
  assert.match(b.ok ? '' : b.error, /No runbook for implementation "generic"/);
  const c = serviceWith(shop('cilium', (cs) => cs.replace('  - name: west\n', '  - context: x\n'))).generate({
    generator: 'wiring',
  });
  assert.match(c.ok ? '' : c.error, /spec\.clusters\[1\] has no name/);
});

test('derived ServiceImport of a healthy export (golden)', () => {
  const s = serviceWith(shop('cilium'));
  assertGolden(join(GOLDEN, 'serviceimport.shop-web.yaml'), ok(s.generate({ generator: 'serviceimport', service: 'shop/web' })));
  const headless = ok(s.generate({ generator: 'serviceimport', service: 'billing/ledger' }));
  assert.match(headless, /type: Headless/);
  assert.doesNotMatch(headless, /sessionAffinity/);
});

test('derived ServiceImport with conflicts: oldest export wins and the reasons agree with the conflict rules', () => {
  const files = readFixtureWorkspace(join(FIXTURES, 'conflicts'));
  const s = serviceWith(files);
  const text = ok(s.generate({ generator: 'serviceimport', service: 'shop/web' }));
  assertGolden(join(GOLDEN, 'serviceimport.conflicts.yaml'), text);
  assert.match(text, /type: Headless/, 'west exported first and is headless');
  const reasons = new Set([...text.matchAll(/^# {3}(\w+Conflict):/gm)].map((m) => m[1]));
  const fromRules = new Set<string>();
  for (const path of Object.keys(files)) {
    for (const d of diagnosticsOf(s, path)) {
      for (const m of d.message.matchAll(/Conflict=True \((\w+)\)/g)) fromRules.add(m[1]);
    }
  }
  assert.deepEqual([...reasons].sort(), [...fromRules].sort());
});

test('traffic policy per implementation and Kubernetes version (golden)', () => {
  for (const impl of ['cilium', 'istio', 'submariner', 'gke']) {
    const s = serviceWith(shop(impl));
    assertGolden(
      join(GOLDEN, `traffic-policy.${impl}.yaml`),
      ok(s.generate({ generator: 'traffic-policy', service: 'shop/web' })),
    );
  }
  const v = (k: string) =>
    ok(serviceWith(shop('gke'), { kubernetesVersion: k }).generate({ generator: 'traffic-policy', service: 'shop/web' }));
  assert.match(v('1.33'), /trafficDistribution: PreferClose/);
  assert.match(v('1.34'), /trafficDistribution: PreferSameZone/);
  assert.match(v('1.29'), /service\.kubernetes\.io\/topology-mode: Auto/);
  assert.doesNotMatch(v('1.29'), /^\s*trafficDistribution:/m);
});

test('NetworkPolicy per implementation: pod CIDRs, Globalnet CIDRs, Cilium cluster selectors (golden)', () => {
  for (const impl of ['cilium', 'gke', 'submariner']) {
    const s = serviceWith(shop(impl));
    assertGolden(
      join(GOLDEN, `networkpolicy.${impl}.yaml`),
      ok(s.generate({ generator: 'networkpolicy', service: 'billing/ledger' })),
    );
  }
  const globalnet = serviceWith(shop('submariner', (cs) => cs.replace('spec:\n', 'spec:\n  overlap:\n    mode: globalnet\n')));
  const text = ok(globalnet.generate({ generator: 'networkpolicy', service: 'billing/ledger' }));
  assert.match(text, /cidr: 242\.0\.0\.0\/16/);
  assert.match(text, /cidr: 242\.2\.0\.0\/16/);
  assert.doesNotMatch(text, /10\.10\.0\.0/);
});

test('per-service generators refuse a service that is not exported, a bad reference, and a service with no consumers', () => {
  const s = serviceWith(shop('cilium'));
  for (const g of ['serviceimport', 'traffic-policy', 'networkpolicy'] as const) {
    const r = s.generate({ generator: g, service: 'shop/nothing' });
    assert.match(r.ok ? '' : r.error, /shop\/nothing is not exported/, g);
    const bad = s.generate({ generator: g, service: 'a/b/c' });
    assert.match(bad.ok ? '' : bad.error, /is not namespace\/name/, g);
  }
  const noConsumers = serviceWith(shop('cilium', (cs) => cs.replace('    consumers: [central]\n', '')));
  const r = noConsumers.generate({ generator: 'networkpolicy', service: 'shop/web' });
  assert.match(r.ok ? '' : r.error, /lists no consumers .* opens the service to every cluster/);
  const unknown = s.generate({ generator: 'nope' as never });
  assert.match(unknown.ok ? '' : unknown.error, /Unknown generator "nope"/);
});

test('every generated YAML lints clean with our own linter', () => {
  const outputs: Array<[string, string, string]> = [];
  for (const impl of ['cilium', 'gke', 'submariner', 'istio', 'aws']) {
    const s = serviceWith(shop(impl));
    for (const g of ['serviceimport', 'traffic-policy', 'networkpolicy'] as const) {
      const r = s.generate({ generator: g, service: 'shop/web' });
      if (r.ok) outputs.push([impl, `${impl}-${g}`, r.text]);
    }
  }
  assert.ok(outputs.length >= 12);
  for (const [impl, name, text] of outputs) {
    const files = { ...shop(impl), [`clusters/east/generated-${name}.yaml`]: text };
    const s = serviceWith(files);
    const bad = diagnosticsOf(s, `clusters/east/generated-${name}.yaml`).filter((d) => d.severity <= 2);
    assert.deepEqual(bad, [], name);
  }
});

test('derived ServiceImport in a workspace without cluster folders: the workspace is the one exporter', () => {
  const s = serviceWith({
    'checkout.yaml':
      'apiVersion: v1\nkind: Service\nmetadata: {name: checkout, namespace: shop}\nspec:\n  selector: {app: checkout}\n  ports: [{name: http, port: 80}]\n---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: checkout, namespace: shop}\n',
  });
  const text = ok(s.generate({ generator: 'serviceimport', service: 'shop/checkout' }));
  assert.match(text, /# {3}the workspace: ClusterIP, ports 80\/TCP/);
  assert.match(text, /type: ClusterSetIP/);
});
