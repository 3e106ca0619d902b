// The differential test: manifests generated from the upstream mcs-api v0.5.0 CRD schemas (loaded from the
// sigs.k8s.io/mcs-api Go module, as envtest users do) and from testbed/crds for ClusterProperty, valid and
// mutated, are applied with `kubectl apply --dry-run=server --validate=strict` to a testbed API server
// running those CRDs, and linted by the language service with clusterset.crdVersion v0.5.0. The test
// fails on any case where the linter accepts what kubectl/the server rejects, raises an error on an object
// that deploys and works, or says "the API server rejects" of an object it accepts; it prints the cases.
// CLUSTERSET_WRITE_AGREEMENT=1 also writes the matrix into docs/agreement.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mcsApiCrdDir, MCS_API_VERSION, startClusterset, type Testbed } from '../../testbed/src/index.js';
import { generateCases, NAMESPACE, versionCases, type DiffCase } from './differentialCases';
import {
  applyAll,
  describeRow,
  describeRowInline,
  GATING_FAILURES,
  lintCase,
  matrix,
  outcomeOf,
  type Row,
} from './differentialCompare';

const repo = join(import.meta.dirname, '..', '..');
/** Older releases whose CRDs a second testbed runs, for the version-gated rules (MCS002, MCS005). */
const OLD_RELEASES = ['v0.2.0', 'v0.4.1'];
let tb: Testbed;
const old: Testbed[] = [];
let cases: DiffCase[];
let rows: Row[];

before(
  async () => {
    const crdDir = await mcsApiCrdDir(MCS_API_VERSION);
    cases = generateCases(crdDir, join(repo, 'testbed', 'crds', 'about.k8s.io_clusterproperties.yaml'));
    tb = await startClusterset({ clusters: ['east'], mcsCrdDir: crdDir });
    await tb.apply('east', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
    // The testbed seeds two ClusterProperties; an apply of the same name would be a patch, not a create.
    const del = await tb.kubectl('east', ['delete', 'clusterproperties', '--all']);
    assert.equal(del.code, 0, del.stderr);
    const kubectl = (args: string[]) => tb.kubectl('east', args);
    const applied = await applyAll(cases, join(tb.dir, 'differential'), kubectl, 8);
    rows = cases.map((c, i) => {
      const lint = lintCase(c, MCS_API_VERSION, NAMESPACE);
      return { c, apply: applied[i], lint, outcome: outcomeOf(c, applied[i], lint) };
    });
    for (const release of OLD_RELEASES) {
      const dir = await mcsApiCrdDir(release);
      const t = await startClusterset({ clusters: ['east'], mcsCrdDir: dir });
      old.push(t);
      await t.apply('east', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
      const vc = versionCases(release);
      const res = await applyAll(vc, join(t.dir, 'differential'), (args) => t.kubectl('east', args), 8);
      await t.stop();
      vc.forEach((c, i) => {
        const lint = lintCase(c, release, NAMESPACE);
        rows.push({ c, apply: res[i], lint, outcome: outcomeOf(c, res[i], lint) });
      });
    }
    if (process.env.CLUSTERSET_WRITE_AGREEMENT) writeAgreement(rows);
  },
  { timeout: 45 * 60_000 },
);

after(async () => {
  await tb?.stop();
  for (const t of old) await t.stop();
});

test('the generator yields several hundred distinct cases in every category', () => {
  assert.ok(cases.length >= 500, `only ${cases.length} cases`);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'case ids are unique');
  const rejected = rows.filter((r) => !r.apply.accepted).length;
  // Both verdicts must occur in bulk, or the comparison proves nothing.
  assert.ok(rejected >= 200 && cases.length - rejected >= 200, `${rejected} of ${cases.length} rejected`);
});

test('the linter agrees with kubectl and the API server on every gated case', () => {
  const bad = rows.filter((r) => GATING_FAILURES.includes(r.outcome));
  assert.equal(bad.length, 0, `${bad.length} disagreement(s):\n${bad.map(describeRow).join('\n')}\n\n${matrix(rows)}`);
});

test('the upstream CRDs are the ones served (v0.5.0 labels, no hand-written copy)', async () => {
  const r = await tb.kubectl('east', ['get', 'crd', 'serviceimports.multicluster.x-k8s.io', '-o', 'jsonpath={.metadata.labels}']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /"multicluster\.x-k8s\.io\/release-version":"v0\.5\.0"/);
});

test('older CRD releases (v0.2.0, v0.4.1): the version-gated rules agree, and both verdicts occur', () => {
  const vr = rows.filter((r) => r.c.category === 'crd-version');
  assert.ok(vr.some((r) => r.apply.accepted) && vr.some((r) => !r.apply.accepted));
  assert.deepEqual(vr.filter((r) => GATING_FAILURES.includes(r.outcome)).map(describeRow), []);
});

test('cases that depend on the cluster are reported, not gated; YAML 1.1 scalars are gated', (t) => {
  const notGated = rows.filter((r) => r.outcome === 'not-gated');
  assert.ok(notGated.length > 0 && notGated.every((r) => r.c.notGated));
  // kubectl's YAML 1.1 reading is the parser's own now: those cases count in the gate above.
  const scalars = rows.filter((r) => r.c.category === 'scalar-resolution');
  assert.ok(scalars.length >= 7 && scalars.every((r) => r.outcome !== 'not-gated'));
  for (const r of notGated) t.diagnostic(`not gated (${r.c.notGated}): ${describeRowInline(r)}`);
});

function writeAgreement(rs: Row[]): void {
  const file = join(repo, 'docs', 'agreement.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- matrix:start -->');
  const end = text.indexOf('<!-- matrix:end -->');
  if (start < 0 || end < 0) return;
  writeFileSync(file, `${text.slice(0, start)}<!-- matrix:start -->\n${matrix(rs)}\n${text.slice(end)}`);
}
