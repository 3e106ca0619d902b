// Node range aggregation and the choice of one range set per kind, with warnings where sources disagree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseRanges } from '../../../clusters/src/cidrs';
import { aggregateNodeRanges, type DiscoveredRange } from '../../../clusters/src/cidrSources';

test('Node podCIDRs aggregate per family into the smallest covering prefix, marked medium and a lower bound', () => {
  const r = aggregateNodeRanges(
    'Node',
    [['10.244.0.0/24', 'fd00:10:244::/64'], ['10.244.1.0/24', 'fd00:10:244:1::/64'], ['10.244.2.0/24']],
    3,
  );
  assert.deepEqual(r.ranges, [
    {
      cidr: '10.244.0.0/22',
      family: 4,
      kind: 'pod',
      source: 'Node',
      from: 'Node spec.podCIDRs (3 of 3)',
      confidence: 'medium',
      note: 'smallest prefix covering 3 node range(s); the cluster range may be larger',
    },
    {
      cidr: 'fd00:10:244::/63',
      family: 6,
      kind: 'pod',
      source: 'Node',
      from: 'Node spec.podCIDRs (3 of 3)',
      confidence: 'medium',
      note: 'smallest prefix covering 2 node range(s); the cluster range may be larger',
    },
  ]);
  assert.deepEqual(r.warnings, []);
});

test('Nodes without podCIDR: CNI-managed IPAM warning; some without: a count', () => {
  const none = aggregateNodeRanges('Node', [[], []], 2);
  assert.deepEqual(none.ranges, []);
  assert.match(none.warnings[0] ?? '', /none of the 2 Nodes has spec\.podCIDR: the CNI allocates pod IPs itself/);
  const some = aggregateNodeRanges('Node', [['10.244.0.0/24'], []], 2);
  assert.deepEqual(some.warnings, ['1 of 2 Nodes have no pod range yet']);
  assert.equal(aggregateNodeRanges('Node', [], 0).absent, true);
});

test('scattered node ranges are listed one by one instead of a /0-ish cover', () => {
  const r = aggregateNodeRanges('Node', [['10.0.0.0/24'], ['192.168.0.0/24']], 2);
  assert.deepEqual(
    r.ranges.map((x) => x.cidr),
    ['10.0.0.0/24', '192.168.0.0/24'],
  );
  assert.match(r.warnings[0] ?? '', /scattered \(their covering prefix 0\.0\.0\.0\/0 is too wide/);
});

const range = (
  cidr: string,
  kind: DiscoveredRange['kind'],
  source: DiscoveredRange['source'],
  confidence: DiscoveredRange['confidence'] = 'high',
): DiscoveredRange => ({
  cidr,
  family: cidr.includes(':') ? 6 : 4,
  kind,
  source,
  from: `${source} field`,
  confidence,
});

test('the best-ranked source wins per kind and family; consistent sources are silent', () => {
  const { chosen, winners, warnings } = chooseRanges([
    range('10.96.0.0/16', 'service', 'kubeadm-config', 'medium'),
    range('10.96.0.0/16', 'service', 'ServiceCIDR'),
    range('fd00:96::/108', 'service', 'ServiceCIDR'),
    range('10.244.0.0/16', 'pod', 'kubeadm-config', 'medium'),
    range('10.244.0.0/22', 'pod', 'Node', 'medium'),
  ]);
  assert.deepEqual(chosen, { pod: ['10.244.0.0/16'], service: ['10.96.0.0/16', 'fd00:96::/108'], global: [] });
  assert.deepEqual([...winners].map((w) => `${w.source} ${w.cidr}`).sort(), [
    'ServiceCIDR 10.96.0.0/16',
    'ServiceCIDR fd00:96::/108',
    'kubeadm-config 10.244.0.0/16',
  ]);
  assert.deepEqual(warnings, []);
});

test('the CNI pool beats kubeadm-config, and the disagreement is reported', () => {
  const { chosen, warnings } = chooseRanges([
    range('10.244.0.0/16', 'pod', 'kubeadm-config', 'medium'),
    range('10.0.0.0/8', 'pod', 'cilium-config'),
    range('10.250.0.0/16', 'pod', 'Submariner'),
  ]);
  assert.deepEqual(chosen.pod, ['10.0.0.0/8']);
  assert.deepEqual(warnings, []);
  const conflict = chooseRanges([
    range('10.244.0.0/16', 'pod', 'kubeadm-config', 'medium'),
    range('172.16.0.0/12', 'pod', 'CalicoIPPool'),
  ]);
  assert.deepEqual(conflict.chosen.pod, ['172.16.0.0/12']);
  assert.deepEqual(conflict.warnings, [
    'pod range 10.244.0.0/16 from kubeadm-config field disagrees with 172.16.0.0/12 from CalicoIPPool field; using the latter (CalicoIPPool ranks higher)',
  ]);
});

test('a low-confidence range (ServiceCIDR being deleted) loses to a lower-ranked high one', () => {
  const { chosen } = chooseRanges([
    range('10.100.0.0/16', 'service', 'ServiceCIDR', 'low'),
    range('10.96.0.0/16', 'service', 'kube-apiserver'),
  ]);
  assert.deepEqual(chosen.service, ['10.96.0.0/16']);
});
