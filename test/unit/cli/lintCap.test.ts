// A file that yields more than 150,000 findings (generated here: a ServiceImport with 52,000 invalid
// ports, three findings each) once crashed `clusterset lint` with "Maximum call stack size exceeded",
// exit 2 and no output. Now every finding is collected and counted, and each format prints the first
// --max-per-file of a file plus one summary line; exit codes still see them all.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { capPerFile, DEFAULT_MAX_PER_FILE } from '../../../cli/src/format/cap';
import { formatJson } from '../../../cli/src/format/json';
import { formatSarif } from '../../../cli/src/format/sarif';
import { formatText, summaryLine } from '../../../cli/src/format/text';
import { lintPaths, runLint, type LintReport } from '../../../cli/src/lint';
import { sink, workspace, type Workspace } from './fixtures';

const PORTS = 52_000;
let big: Workspace;
let small: Workspace;
let linted: LintReport & { files: string[] };

function importWithPorts(n: number): string {
  const ports = Array.from({ length: n }, () => '{port: 0}').join(', ');
  return `apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceImport
metadata:
  name: web
  namespace: ns
spec:
  type: ClusterSetIP
  ips: [10.0.0.1]
  ports: [${ports}]
`;
}

before(async () => {
  big = workspace({ 'big.yaml': importWithPorts(PORTS) });
  small = workspace({ 'a.yaml': importWithPorts(4), 'b.yaml': importWithPorts(1) });
  linted = await lintPaths(['big.yaml'], { cwd: big.root });
});

after(() => {
  big.dispose();
  small.dispose();
});

test('lintPaths collects every one of the >150k findings of one file without overflowing the stack', () => {
  assert.ok(linted.diagnostics.length > 150_000, `only ${linted.diagnostics.length} findings`);
  assert.ok(linted.diagnostics.every((d) => d.file === 'big.yaml'));
});

test('text: the first findings, one summary line, the true totals on stderr', () => {
  const shown = capPerFile(linted, DEFAULT_MAX_PER_FILE);
  const lines = formatText(shown).trimEnd().split('\n');
  assert.equal(lines.length, DEFAULT_MAX_PER_FILE + 1);
  assert.match(lines[0] ?? '', /^big\.yaml:\d+:\d+: (error|warning|information|hint) MCS\d+: /);
  const more = linted.diagnostics.length - DEFAULT_MAX_PER_FILE;
  assert.equal(
    lines.at(-1),
    `big.yaml: … and ${more} more findings in this file (the first 1000 are shown; --max-per-file changes the limit)`,
  );
  const errors = linted.diagnostics.filter((d) => d.severity === 'error').length;
  assert.match(summaryLine(linted, 1, 0), new RegExp(`^${errors} errors, `));
});

test('json and sarif: the first findings and the omitted count, as data', () => {
  const shown = capPerFile(linted, DEFAULT_MAX_PER_FILE);
  const more = linted.diagnostics.length - DEFAULT_MAX_PER_FILE;
  const json = JSON.parse(formatJson(shown)) as { diagnostics: unknown[]; omitted: unknown[] };
  assert.equal(json.diagnostics.length, DEFAULT_MAX_PER_FILE);
  assert.deepEqual(json.omitted, [
    {
      file: 'big.yaml',
      shown: 1000,
      count: more,
      message: `… and ${more} more findings in this file (the first 1000 are shown; --max-per-file changes the limit)`,
    },
  ]);
  const sarif = JSON.parse(formatSarif(shown, big.root)) as {
    runs: { results: unknown[]; invocations: { toolExecutionNotifications: { level: string; message: { text: string } }[] }[] }[];
  };
  assert.equal(sarif.runs[0]?.results.length, DEFAULT_MAX_PER_FILE);
  assert.deepEqual(
    sarif.runs[0]?.invocations[0]?.toolExecutionNotifications.map((n) => [n.level, n.message.text]),
    [['note', `big.yaml: … and ${more} more findings in this file (the first 1000 are shown; --max-per-file changes the limit)`]],
  );
});

test('--max-per-file caps each file on its own in every format; 0 prints everything; exit codes count all', async () => {
  const run = async (...args: string[]) => {
    const out = sink();
    const err = sink();
    const code = await runLint(args, out, err, { cwd: small.root });
    return { code, out: out.text, err: err.text };
  };
  const text = await run('.', '--max-per-file', '1');
  assert.equal(text.code, 1);
  const lines = text.out.trimEnd().split('\n');
  // a.yaml: a hint and 11 errors; b.yaml: a hint and 1 error. One of each shown, then the summary line.
  assert.deepEqual(
    lines.filter((l) => l.includes('more finding')),
    [
      'a.yaml: … and 11 more findings in this file (the first 1 is shown; --max-per-file changes the limit)',
      'b.yaml: … and 1 more finding in this file (the first 1 is shown; --max-per-file changes the limit)',
    ],
  );
  assert.equal(lines.length, 4);
  assert.match(text.err, /^12 errors, /m);
  const json = JSON.parse((await run('.', '--format', 'json', '--max-per-file', '2')).out) as {
    diagnostics: unknown[];
    omitted: { file: string; count: number }[];
  };
  assert.equal(json.diagnostics.length, 4);
  assert.deepEqual(
    json.omitted.map((o) => [o.file, o.count]),
    [['a.yaml', 10]],
  );
  const all = JSON.parse((await run('.', '--format', 'json', '--max-per-file', '0')).out) as {
    diagnostics: unknown[];
    omitted?: unknown;
  };
  assert.equal(all.diagnostics.length, 14);
  assert.equal(all.omitted, undefined);
  const bad = await run('.', '--max-per-file', 'lots');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--max-per-file needs a whole number/);
});

test('a message quoting a 1 MB key is cut in the output, with a note of how much was left out', () => {
  const d = { ...linted.diagnostics[0]!, message: `Unknown field "${'k'.repeat(1_000_000)}"` };
  const shown = capPerFile({ diagnostics: [d], unreadable: [] }, DEFAULT_MAX_PER_FILE);
  const message = shown.diagnostics[0]?.message ?? '';
  assert.equal(message.length < 2100, true);
  assert.match(message, /… \(998016 more characters\)$/);
  assert.ok(formatText(shown).length < 2200);
});
