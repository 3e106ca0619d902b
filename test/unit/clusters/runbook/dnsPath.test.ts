// Checks 10 and 11 on typed reads: how a Corefile answers clusterset.local (built-in option, plugin,
// Lighthouse forward, wrong zones), CoreDNS version and RBAC, NodeLocal DNSCache; NetworkPolicies that
// select the pods and what they admit; encryption against the ClusterSet file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { corefileServes, dns, rbacAllows, versionBelow } from '../../../../clusters/src/runbook/checks/10-dns';
import { path, policyVerdict, selects, type NetworkPolicy } from '../../../../clusters/src/runbook/checks/11-path';
import { parseCorefile, parseCidr, type Cidr } from '../../../../server/src/service/public';
import { byCluster, causesOf, healthySnapshot, runCheck } from './fixtures';

const GOOD =
  '.:53 {\n  kubernetes cluster.local clusterset.local {\n    multicluster clusterset.local\n  }\n  forward . /etc/resolv.conf\n}\n';
const STOCK = '.:53 {\n  kubernetes cluster.local {\n  }\n}\n';
const cidr = (t: string): Cidr => {
  const p = parseCidr(t);
  assert.ok(p.ok);
  return p.cidr;
};

describe('10 dns', () => {
  test('corefileServes: option, option outside the kubernetes zones, plugin, Lighthouse forward', () => {
    assert.equal(corefileServes(parseCorefile(GOOD), 'generic').form, 'option');
    const outside = corefileServes(
      parseCorefile('.:53 {\n  kubernetes cluster.local {\n    multicluster clusterset.local\n  }\n}\n'),
      'generic',
    );
    assert.equal(outside.ok, false);
    assert.match(outside.how, /not among the kubernetes plugin's zones/);
    assert.equal(
      corefileServes(parseCorefile('.:53 {\n  multicluster clusterset.local\n  kubernetes cluster.local\n}\n'), 'generic').form,
      'plugin',
    );
    assert.equal(corefileServes(parseCorefile('clusterset.local:53 {\n  forward . 10.96.0.77\n}\n'), 'submariner').ok, true);
    assert.equal(corefileServes(parseCorefile(GOOD), 'submariner').ok, false);
  });
  test('versionBelow and rbacAllows', () => {
    assert.equal(versionBelow('v1.11.3', '1.12.2'), true);
    assert.equal(versionBelow('1.12.2', '1.12.2'), false);
    assert.equal(versionBelow('latest', '1.12.2'), undefined);
    assert.equal(
      rbacAllows([{ apiGroups: ['multicluster.x-k8s.io'], resources: ['serviceimports'], verbs: ['list', 'watch'] }]),
      true,
    );
    assert.equal(rbacAllows([{ apiGroups: ['multicluster.x-k8s.io'], resources: ['serviceimports'], verbs: ['get'] }]), false);
    assert.equal(rbacAllows([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]), true);
  });
  test('stock Corefile, old CoreDNS, missing RBAC and NodeLocal DNS each fail; GKE is not checkable', async () => {
    const base = { corefile: GOOD, nodeLocal: null, rbac: true };
    const o = await runCheck(dns, healthySnapshot(), { east: base, west: { ...base, corefile: STOCK } });
    assert.deepEqual(byCluster(o, 'west')?.causes, ['dns-not-configured']);
    assert.match(byCluster(o, 'east')?.detail ?? '', /clients use web\.shop\.svc\.clusterset\.local/);
    const old = await runCheck(dns, healthySnapshot(), { east: { ...base, version: 'v1.11.1' } });
    assert.match(byCluster(old, 'east')?.detail ?? '', /older than 1\.12\.2/);
    const rbac = await runCheck(dns, healthySnapshot(), { east: { ...base, rbac: false } });
    assert.match(byCluster(rbac, 'east')?.detail ?? '', /lacks list\/watch on serviceimports/);
    const nl = await runCheck(dns, healthySnapshot(), {
      east: { ...base, nodeLocal: 'cluster.local:53 {\n forward . 10.96.0.10\n}\n.:53 {\n forward . /etc/resolv.conf\n}\n' },
    });
    assert.match(byCluster(nl, 'east')?.detail ?? '', /NodeLocal DNSCache/);
    const nlOk = await runCheck(dns, healthySnapshot(), {
      east: { ...base, nodeLocal: 'clusterset.local:53 {\n forward . 10.96.0.10\n}\n' },
    });
    assert.equal(byCluster(nlOk, 'east')?.status, 'pass');
    assert.equal(byCluster(await runCheck(dns, healthySnapshot(), {}, { implementation: 'gke' }), 'east')?.status, 'skip');
  });
});

describe('11 path', () => {
  const np = (from: object[] | undefined, podSelector: object = { matchLabels: { app: 'web' } }): NetworkPolicy => ({
    metadata: { name: 'p' },
    spec: { podSelector, ingress: [from === undefined ? {} : { from }] } as NetworkPolicy['spec'],
  });
  test('selects: matchLabels and expressions', () => {
    assert.equal(selects({ matchLabels: { app: 'web' } }, { app: 'web', tier: 'x' }), true);
    assert.equal(selects({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, { app: 'web' }), false);
    assert.equal(selects({}, { app: 'web' }), true);
  });
  test('policyVerdict: selectors admit only local pods (unless Cilium without local-only); ipBlocks must cover the remote range', () => {
    const remote = [cidr('10.20.0.0/16')];
    assert.equal(policyVerdict([np([{ podSelector: {} }])], { app: 'web' }, remote, false).admits, false);
    assert.equal(policyVerdict([np([{ podSelector: {} }])], { app: 'web' }, remote, true).admits, true);
    assert.equal(policyVerdict([np([{ ipBlock: { cidr: '10.0.0.0/8' } }])], { app: 'web' }, remote, false).admits, true);
    assert.equal(policyVerdict([np([{ ipBlock: { cidr: '10.20.0.0/24' } }])], { app: 'web' }, remote, false).admits, false);
    assert.equal(policyVerdict([np(undefined)], { app: 'web' }, remote, false).admits, true);
    assert.deepEqual(
      policyVerdict([np([{ podSelector: {} }], { matchLabels: { app: 'other' } })], { app: 'web' }, remote, false).selecting,
      [],
    );
    assert.equal(policyVerdict([np([{ ipBlock: { cidr: '10.0.0.0/8' } }])], { app: 'web' }, [], false).unknown, true);
  });
  test('encryption against the ClusterSet file: Submariner vxlan is unencrypted; libreswan counts as ipsec', async () => {
    const clusterSet = { encryption: 'ipsec', clusters: [], services: [] };
    const o = await runCheck(
      path,
      healthySnapshot(),
      { east: { cilium: null, cableDriver: 'vxlan' }, west: { cilium: null, cableDriver: 'libreswan' } },
      { implementation: 'submariner', clusterSet },
    );
    assert.deepEqual(byCluster(o, 'east')?.causes, ['path-unencrypted']);
    assert.equal(byCluster(o, 'west')?.status, 'pass');
    const none = await runCheck(
      path,
      healthySnapshot(),
      { east: { cilium: null, cableDriver: 'vxlan' } },
      { implementation: 'submariner' },
    );
    assert.equal(byCluster(none, 'east')?.status, 'warn');
    assert.deepEqual(causesOf(none), []);
  });
  test('a blocking policy in the exporter fails with the consumer ranges named', async () => {
    const clusterSet = { clusters: [{ name: 'west', podCIDRs: ['10.20.0.0/16'], serviceCIDRs: [] }], services: [] };
    const o = await runCheck(
      path,
      healthySnapshot(),
      { east: { cilium: null, policies: [np([{ podSelector: {} }])], selector: { app: 'web' } } },
      { clusterSet },
    );
    assert.deepEqual(byCluster(o, 'east')?.causes, ['networkpolicy-blocks']);
    assert.match(byCluster(o, 'east')?.detail ?? '', /10\.20\.0\.0\/16/);
  });
});
