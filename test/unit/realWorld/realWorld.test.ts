// The real-world corpus: `clusterset lint` (the CLI's own entry, no flags) on each folder of
// test/fixtures/real-world/, each modelled on a public repository that uses MCS. The findings are pinned with a
// verdict each (expectedFindings.ts): any change fails, and so does an error or warning judged false.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runLint } from '../../../cli/src/lint';
import { EXPECTED, type Pinned } from './expectedFindings';

const ROOT = join(__dirname, '../../fixtures/real-world');
const REPOS = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory());

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f));
}

interface JsonReport {
  diagnostics: Array<{ file: string; code: string; severity: string; range: { start: { line: number } } }>;
}

async function lint(
  repo: string,
): Promise<{ exit: number; findings: Array<Pinned extends readonly [...infer T, string] ? T : never> }> {
  let out = '';
  let err = '';
  const exit = await runLint(
    ['--format', 'json'],
    { write: (s: string) => (out += s) },
    { write: (s: string) => (err += s) },
    {
      cwd: join(ROOT, repo),
    },
  );
  assert.equal(err.includes('cannot read'), false, err);
  const report = JSON.parse(out) as JsonReport;
  return {
    exit,
    findings: report.diagnostics.map(
      (d) => [d.code, d.severity, d.file, d.range.start.line + 1] as [string, string, string, number],
    ),
  };
}

test('the corpus: at least 60 files modelled on at least 10 repositories, each naming its source', () => {
  const files = REPOS.flatMap((r) => yamlFiles(join(ROOT, r)).map((f) => join(r, f)));
  assert.ok(REPOS.length >= 10, `${REPOS.length} repositories`);
  assert.ok(files.length >= 60, `${files.length} files`);
  for (const f of files) assert.match(readFileSync(join(ROOT, f), 'utf8'), /^# Modelled on \S+\/\S+ /, f);
  for (const r of REPOS) assert.match(readFileSync(join(ROOT, r, 'PROVENANCE.md'), 'utf8'), /Modelled on \*\*/, r);
  assert.deepEqual(REPOS.slice().sort(), Object.keys(EXPECTED).sort(), 'every corpus folder has pinned findings');
});

for (const repo of REPOS) {
  test(`real-world ${repo}: pinned findings, exit status, no false error or warning`, async () => {
    const expected = EXPECTED[repo];
    const actual = await lint(repo);
    assert.deepEqual(
      actual.findings,
      expected.findings.map(([code, severity, file, line]) => [code, severity, file, line]),
    );
    assert.equal(actual.exit, expected.exit);
    for (const [code, severity, file, line, verdict] of expected.findings) {
      assert.match(verdict, /^(true|false): \S/, `${file}:${line} ${code} needs a verdict`);
      if (severity === 'error' || severity === 'warning')
        assert.ok(verdict.startsWith('true:'), `false ${severity} ${code} at ${file}:${line}: ${verdict}`);
    }
    // A folder with no true error must pass the CI step.
    if (!expected.findings.some(([, severity]) => severity === 'error')) assert.equal(actual.exit, 0);
  });
}

test('real-world walnuts1018-infra: the JSON-style documents are read, not skipped', async () => {
  // Clean together (above); the export alone misses its Service, so both JSON documents count as objects.
  let out = '';
  const exit = await runLint(
    ['--format', 'json', 'k8s/apps-old/tempo/service-export.yaml'],
    { write: (s: string) => (out += s) },
    { write: () => undefined },
    { cwd: join(ROOT, 'walnuts1018-infra') },
  );
  const report = JSON.parse(out) as JsonReport;
  assert.deepEqual(
    report.diagnostics.map((d) => [d.code, d.severity, d.range.start.line + 1]),
    [['MCS101', 'warning', 7]],
  );
  assert.equal(exit, 0);
});
