// The ClusterSet file after discovery: exact text, comments and styles kept, only discovered fields changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterNameFromContext, updateClusterSetText } from '../../../clusters/src/clusterSetUpdate';
import { readClusterSetText } from '../../../server/src/service/public';

const FILE = `# Production clusterset — owned by the platform team
apiVersion: clusterset.dev/v1alpha1
kind: ClusterSet
metadata:
  name: prod
spec:
  implementation: cilium   # ClusterMesh
  clusters:
  - name: east
    context: kind-east
    region: us-east-1
    podCIDRs: [10.10.0.0/16]
    serviceCIDRs: [10.96.0.0/16]
  - name: west
    context: kind-west
    # west's pods, agreed with networking in 2024
    podCIDRs:
    - 10.20.0.0/16
    serviceCIDRs: [10.97.0.0/16]
  services:
  - name: web
    namespace: shop
    exportedFrom: [east, west]
`;

test('updates the matching context only, keeps flow and block styles and every comment', () => {
  const r = updateClusterSetText(FILE, [
    { context: 'kind-east', podCIDRs: ['10.10.0.0/16'], serviceCIDRs: ['10.96.0.0/16'] },
    { context: 'kind-west', podCIDRs: ['10.21.0.0/16'], serviceCIDRs: ['10.97.0.0/16'], podSource: 'Node (medium)' },
  ]);
  assert.ok(r.ok);
  assert.deepEqual(r.changes, ['west: podCIDRs → 10.21.0.0/16']);
  // Block style stays block (no provenance comment there); everything else is byte-for-byte the same.
  assert.equal(r.text, FILE.replace('    - 10.20.0.0/16\n', '    - 10.21.0.0/16\n'));
});

test('appends clusters that are not in the file, named by cluster id or context, and never erases hand-written ranges', () => {
  const r = updateClusterSetText(FILE, [
    { context: 'kind-east', podCIDRs: [], serviceCIDRs: [] },
    {
      context: 'gke_acme_europe-west1_central',
      clusterId: 'central',
      podCIDRs: ['10.30.0.0/16'],
      serviceCIDRs: ['10.98.0.0/16', 'fd00:98::/108'],
      serviceSource: 'ServiceCIDR (high)',
    },
    {
      context: 'arn:aws:eks:us-east-1:123:cluster/North',
      podCIDRs: ['10.40.0.0/16'],
      serviceCIDRs: [],
      globalCIDRs: ['242.1.0.0/16'],
    },
  ]);
  assert.ok(r.ok);
  const added = [
    '  - name: central',
    '    context: gke_acme_europe-west1_central',
    '    podCIDRs: [10.30.0.0/16]',
    '    serviceCIDRs: [10.98.0.0/16, fd00:98::/108] # discovered: ServiceCIDR (high)',
    '  - name: arn-aws-eks-us-east-1-123-cluster-north',
    '    context: arn:aws:eks:us-east-1:123:cluster/North',
    '    podCIDRs: [10.40.0.0/16]',
    '    globalCIDR: 242.1.0.0/16',
    '',
  ].join('\n');
  assert.equal(r.text, FILE.replace('    serviceCIDRs: [10.97.0.0/16]\n', `    serviceCIDRs: [10.97.0.0/16]\n${added}`));
  assert.deepEqual(r.changes, [
    'added cluster central (context gke_acme_europe-west1_central)',
    'central: podCIDRs → 10.30.0.0/16',
    'central: serviceCIDRs → 10.98.0.0/16, fd00:98::/108',
    'added cluster arn-aws-eks-us-east-1-123-cluster-north (context arn:aws:eks:us-east-1:123:cluster/North)',
    'arn-aws-eks-us-east-1-123-cluster-north: podCIDRs → 10.40.0.0/16',
    'arn-aws-eks-us-east-1-123-cluster-north: globalCIDR → 242.1.0.0/16',
  ]);
});

test('a flow list is replaced in place with a provenance comment; an old provenance comment is refreshed, a human one kept', () => {
  const file =
    'kind: ClusterSet\nspec:\n  clusters:\n  - name: a\n    context: a\n    podCIDRs: [10.1.0.0/16] # discovered: Node (medium)\n    serviceCIDRs: [10.96.0.0/16]   # agreed with netops\n';
  const r = updateClusterSetText(file, [
    {
      context: 'a',
      podCIDRs: ['10.2.0.0/16'],
      serviceCIDRs: ['10.97.0.0/16'],
      podSource: 'cilium-config (high)',
      serviceSource: 'ServiceCIDR (high)',
    },
  ]);
  assert.ok(r.ok);
  assert.equal(
    r.text,
    'kind: ClusterSet\nspec:\n  clusters:\n  - name: a\n    context: a\n    podCIDRs: [10.2.0.0/16] # discovered: cilium-config (high)\n    serviceCIDRs: [10.97.0.0/16]   # agreed with netops\n',
  );
});

test('a missing key is added at the indentation of the cluster’s keys', () => {
  const file = 'kind: ClusterSet\nspec:\n    clusters:\n      - name: a\n        context: a   # prod\n    services: []\n';
  const r = updateClusterSetText(file, [{ context: 'a', podCIDRs: ['10.2.0.0/16'], serviceCIDRs: [] }]);
  assert.ok(r.ok);
  assert.equal(
    r.text,
    'kind: ClusterSet\nspec:\n    clusters:\n      - name: a\n        context: a   # prod\n        podCIDRs: [10.2.0.0/16]\n    services: []\n',
  );
});

test('nothing discovered that differs → same text, no changes', () => {
  const r = updateClusterSetText(FILE, [{ context: 'kind-east', podCIDRs: ['10.10.0.0/16'], serviceCIDRs: ['10.96.0.0/16'] }]);
  assert.deepEqual(r, { ok: true, text: FILE, changes: [], notes: [] });
});

test('a cluster listed by name without a context is matched by cluster id; a taken name gets a suffix', () => {
  const file =
    'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata:\n  name: x\nspec:\n  clusters:\n  - name: east\n    podCIDRs: [10.1.0.0/16]\n';
  const r = updateClusterSetText(file, [
    { context: 'ctx-a', clusterId: 'east', podCIDRs: ['10.2.0.0/16'], serviceCIDRs: [] },
    { context: 'east', podCIDRs: ['10.3.0.0/16'], serviceCIDRs: [] },
  ]);
  assert.ok(r.ok);
  assert.equal(
    r.text,
    'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata:\n  name: x\nspec:\n  clusters:\n  - name: east\n    podCIDRs: [10.2.0.0/16]\n  - name: east-2\n    context: east\n    podCIDRs: [10.3.0.0/16]\n',
  );
});

test('a new file when none exists', () => {
  const r = updateClusterSetText(
    undefined,
    [{ context: 'east', clusterId: 'east', podCIDRs: ['10.1.0.0/16'], serviceCIDRs: ['10.96.0.0/16'] }],
    { clustersetName: 'testbed' },
  );
  assert.ok(r.ok);
  assert.equal(
    r.text,
    [
      '# Written by "Clusterset: Discover CIDRs from clusters"; review implementation and names.',
      'apiVersion: clusterset.dev/v1alpha1',
      'kind: ClusterSet',
      'metadata:',
      '  name: testbed',
      'spec:',
      '  implementation: generic',
      '  clusters:',
      '  - name: east',
      '    context: east',
      '    podCIDRs: [10.1.0.0/16]',
      '    serviceCIDRs: [10.96.0.0/16]',
      '',
    ].join('\n'),
  );
});

test('refuses files it cannot update safely', () => {
  const d = [{ context: 'east', podCIDRs: ['10.1.0.0/16'], serviceCIDRs: [] }];
  assert.deepEqual(updateClusterSetText('kind: ClusterSet\n---\nkind: Other\n', d), {
    ok: false,
    error: 'the ClusterSet file must hold exactly one YAML document to be updated automatically',
  });
  assert.deepEqual(updateClusterSetText('kind: Service\n', d), {
    ok: false,
    error: 'the file is not a ClusterSet (kind: ClusterSet)',
  });
  assert.deepEqual(updateClusterSetText('kind: ClusterSet\nspec:\n  clusters: {a: 1}\n', d), {
    ok: false,
    error: 'spec.clusters is not a list (add `clusters: []` under spec)',
  });
  const bad = updateClusterSetText('kind: ClusterSet\nspec: [\n', d);
  assert.equal(bad.ok, false);
  assert.match(bad.ok ? '' : bad.error, /not valid YAML/);
});

test('clusterNameFromContext makes DNS labels', () => {
  assert.equal(clusterNameFromContext('kind-east'), 'kind-east');
  assert.equal(clusterNameFromContext('gke_acme_europe-west1_central'), 'gke-acme-europe-west1-central');
  assert.equal(clusterNameFromContext('1-prod'), 'c-1-prod');
  assert.equal(clusterNameFromContext('x'.repeat(80)).length, 63);
});

test('aliases: an alias is replaced where it is used, a shared anchor is left with a note, a merged key is overridden', () => {
  const file = [
    'kind: ClusterSet',
    'x-defaults: &defaults',
    '  serviceCIDRs: [10.96.0.0/16]',
    'spec:',
    '  clusters:',
    '  - name: east',
    '    context: kind-east',
    '    podCIDRs: &pods [10.10.0.0/16]',
    '  - name: west',
    '    context: kind-west',
    '    podCIDRs: *pods',
    '  - name: north',
    '    context: kind-north',
    '    <<: *defaults',
    '',
  ].join('\n');
  const r = updateClusterSetText(file, [
    // east's value is anchored and west reads it through *pods: writing it would change west too.
    { context: 'kind-east', podCIDRs: ['10.11.0.0/16'], serviceCIDRs: [] },
    { context: 'kind-west', podCIDRs: ['10.20.0.0/16'], serviceCIDRs: [] },
    // north's serviceCIDRs come from the merge key: the linter reads 10.96.0.0/16 there, so 10.98 is a change.
    { context: 'kind-north', podCIDRs: [], serviceCIDRs: ['10.98.0.0/16'], serviceSource: 'ServiceCIDR (high)' },
  ]);
  assert.ok(r.ok);
  assert.deepEqual(r.changes, ['west: podCIDRs → 10.20.0.0/16', 'north: serviceCIDRs → 10.98.0.0/16']);
  assert.deepEqual(r.notes, [
    'east: podCIDRs not written: its value is anchored (&pods) and aliases elsewhere share it; edit it by hand',
  ]);
  assert.equal(
    r.text,
    file
      .replace('    podCIDRs: *pods\n', '    podCIDRs: [10.20.0.0/16]\n')
      .replace('    <<: *defaults\n', '    <<: *defaults\n    serviceCIDRs: [10.98.0.0/16] # discovered: ServiceCIDR (high)\n'),
  );
  // Read back as the linter reads it: west and north changed, east (and the anchor) did not.
  const m = readClusterSetText(r.text)!;
  const cidrs = (name: string, role: string) =>
    m.clusters
      .find((c) => c.name?.value === name)!
      .cidrs.filter((f) => f.role === role)
      .map((f) => f.text);
  assert.deepEqual(cidrs('east', 'podCIDRs'), ['10.10.0.0/16']);
  assert.deepEqual(cidrs('west', 'podCIDRs'), ['10.20.0.0/16']);
  assert.deepEqual(cidrs('north', 'serviceCIDRs'), ['10.98.0.0/16']);
  // Nothing else aliases an anchor that is used once: then the anchored value is written and the anchor kept.
  const single = updateClusterSetText(file.replace('    podCIDRs: *pods\n', ''), [
    { context: 'kind-east', podCIDRs: ['10.11.0.0/16'], serviceCIDRs: [] },
  ]);
  assert.ok(single.ok);
  assert.match(single.text, /podCIDRs: &pods \[10\.11\.0\.0\/16\]\n/);
  // A key the entry writes itself but a later merge key overrides: adding one more would be a duplicate key.
  const overridden =
    'kind: ClusterSet\nx: &d {podCIDRs: [10.9.0.0/16]}\nspec:\n  clusters:\n  - name: a\n    context: a\n    podCIDRs: [10.1.0.0/16]\n    <<: *d\n';
  const o = updateClusterSetText(overridden, [{ context: 'a', podCIDRs: ['10.2.0.0/16'], serviceCIDRs: [] }]);
  assert.deepEqual(o, {
    ok: true,
    text: overridden,
    changes: [],
    notes: ['a: podCIDRs not written: the entry sets it and a merge key (<<) after it overrides that; edit it by hand'],
  });
  // The anchor of a block list sits on the key's line.
  const block =
    'kind: ClusterSet\nspec:\n  clusters:\n  - name: a\n    context: a\n    podCIDRs: &p\n    - 10.1.0.0/16\n  - name: b\n    context: b\n    podCIDRs: *p\n';
  const blockUpdate = updateClusterSetText(block, [{ context: 'a', podCIDRs: ['10.2.0.0/16'], serviceCIDRs: [] }]);
  assert.ok(blockUpdate.ok);
  assert.deepEqual([blockUpdate.text, blockUpdate.changes.length, blockUpdate.notes.length], [block, 0, 1]);
});

test('a cluster entry that is an alias is not edited; spec.clusters as an alias is refused', () => {
  const file = 'kind: ClusterSet\nx: &e {name: east, context: kind-east}\nspec:\n  clusters:\n  - *e\n';
  const r = updateClusterSetText(file, [{ context: 'kind-east', podCIDRs: ['10.1.0.0/16'], serviceCIDRs: [] }]);
  assert.deepEqual(r, {
    ok: true,
    text: file,
    changes: [],
    notes: ['east: not updated: its entry is an alias (*e); edit the cluster it names by hand'],
  });
  const list = 'kind: ClusterSet\nx: &all [{name: east, context: kind-east}]\nspec:\n  clusters: *all\n';
  assert.deepEqual(updateClusterSetText(list, [{ context: 'kind-east', podCIDRs: ['10.1.0.0/16'], serviceCIDRs: [] }]), {
    ok: false,
    error: 'spec.clusters is an alias (*all): update the list it names by hand',
  });
});

test('a flow-style cluster list stays flow: values replaced, keys added before `}`, clusters added before `]`', () => {
  const file =
    'kind: ClusterSet\nspec:\n  clusters: [{name: a, context: a, podCIDRs: [10.1.0.0/16]}, {name: b, context: b}]  # two\n';
  const r = updateClusterSetText(file, [
    { context: 'a', podCIDRs: ['10.2.0.0/16'], serviceCIDRs: [], podSource: 'Node (medium)' },
    { context: 'b', podCIDRs: [], serviceCIDRs: ['10.97.0.0/16'] },
    { context: 'c', podCIDRs: ['10.3.0.0/16'], serviceCIDRs: [] },
  ]);
  assert.ok(r.ok);
  assert.equal(
    r.text,
    'kind: ClusterSet\nspec:\n  clusters: [{name: a, context: a, podCIDRs: [10.2.0.0/16]}, {name: b, context: b, serviceCIDRs: [10.97.0.0/16]}, {name: c, context: c, podCIDRs: [10.3.0.0/16]}]  # two\n',
  );
  const m = readClusterSetText(r.text)!;
  assert.deepEqual(
    m.clusters.map((c) => [c.name?.value, c.cidrs.map((f) => f.text).join(' ')]),
    [
      ['a', '10.2.0.0/16'],
      ['b', '10.97.0.0/16'],
      ['c', '10.3.0.0/16'],
    ],
  );
});

test('YAML 1.1 scalars: names the linter would read as numbers or booleans are quoted, and match as the linter reads them', () => {
  const r = updateClusterSetText('kind: ClusterSet\nspec:\n  clusters: []\n', [
    { context: 'on', podCIDRs: ['10.1.0.0/16'], serviceCIDRs: [] },
    { context: '010', clusterId: 'y', podCIDRs: ['10.2.0.0/16'], serviceCIDRs: [] },
  ]);
  assert.ok(r.ok);
  assert.match(r.text, /- name: "on"\n {4}context: "on"\n {4}podCIDRs: \[10.1.0.0\/16\]\n {2}- name: "y"\n {4}context: "010"\n/);
  const m = readClusterSetText(r.text)!;
  assert.deepEqual(
    m.clusters.map((c) => [c.name?.value, c.context?.value]),
    [
      ['on', 'on'],
      ['y', '010'],
    ],
  );
  // `context: 010` unquoted is the number 8 to the linter (YAML 1.1 octal): it is not the context "010".
  const plain = updateClusterSetText('kind: ClusterSet\nspec:\n  clusters:\n  - name: x\n    context: 010\n', [
    { context: '010', podCIDRs: ['10.2.0.0/16'], serviceCIDRs: [] },
  ]);
  assert.ok(plain.ok);
  assert.deepEqual(plain.changes.slice(0, 1), ['added cluster c-010 (context 010)']);
});

test('a comment-only document before the ClusterSet is not a second document; offsets are the file’s', () => {
  const file = '# header\n---\nkind: ClusterSet\nspec:\n  clusters:\n  - name: a\n    context: a\n    podCIDRs: [10.1.0.0/16]\n';
  const r = updateClusterSetText(file, [{ context: 'a', podCIDRs: ['10.2.0.0/16'], serviceCIDRs: [] }]);
  assert.ok(r.ok);
  assert.equal(r.text, file.replace('10.1.0.0/16', '10.2.0.0/16'));
  // A directive and a trailing `---` are not documents either.
  const directive = `%YAML 1.1\n---\n${file.slice('# header\n---\n'.length)}---\n`;
  const d = updateClusterSetText(directive, [{ context: 'a', podCIDRs: ['10.2.0.0/16'], serviceCIDRs: [] }]);
  assert.ok(d.ok);
  assert.equal(d.text, directive.replace('10.1.0.0/16', '10.2.0.0/16'));
});

test('a proposal is read back by the model before it is offered: conflicting splices are refused, not written', () => {
  // Two discoveries for one context would splice the same value twice; the read-back sees the second win.
  const r = updateClusterSetText(FILE, [
    { context: 'kind-east', podCIDRs: ['10.11.0.0/16'], serviceCIDRs: [] },
    { context: 'kind-east', podCIDRs: ['10.12.0.0/16'], serviceCIDRs: [] },
  ]);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.error, /would not read back as intended \(east: podCIDRs reads 10\.1[12]\.0\.0\/16\)/);
});
