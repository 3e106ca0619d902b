// `clusterset lint` in-process (runLint): exit codes, the JSON contract, text lines, --quiet, --max-warnings,
// unreadable and missing paths, and the workspace-wide implementation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runLint } from '../../../cli/src/lint';
import {
  clustersetWorkspace,
  DUPLICATE_KEY_EXPORT,
  KEP_GROUP_LINE,
  sink,
  TAGGED_EXPORT,
  workspace,
  type Workspace,
  CLUSTER_ID,
  EXPORTED_SERVICE,
} from './fixtures';

interface JsonDiagnostic {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

async function lint(ws: Workspace, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await runLint(args, stdout, stderr, { cwd: ws.root });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function assertJsonShape(d: JsonDiagnostic): void {
  assert.deepEqual(Object.keys(d), ['file', 'range', 'severity', 'code', 'message']);
  assert.deepEqual(Object.keys(d.range), ['start', 'end']);
  for (const p of [d.range.start, d.range.end]) {
    assert.deepEqual(Object.keys(p), ['line', 'character']);
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0);
  }
  assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity), d.severity);
  assert.match(d.code, /^(MCS\d{3}|YAML|BUDGET)$/);
  assert.ok(d.message.length > 0);
}

let ws: Workspace;
before(() => (ws = clustersetWorkspace()));
after(() => ws.dispose());

test('JSON: the exact contract, paths as found under the given folder, MCS001 on payments.yaml', async () => {
  const r = await lint(ws, 'clusters', '--format', 'json');
  assert.equal(r.code, 1);
  const parsed = JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] };
  assert.deepEqual(Object.keys(parsed), ['diagnostics']);
  for (const d of parsed.diagnostics) assertJsonShape(d);
  const mine = parsed.diagnostics.filter((d) => d.code === 'MCS001' || d.code === 'YAML');
  assert.equal(mine.length, 1);
  assert.match(mine[0].message, /unknown API group\/version "multicluster\.k8s\.io\/v1alpha1"/);
  assert.deepEqual(mine[0], {
    file: 'clusters/west/payments.yaml',
    range: { start: { line: KEP_GROUP_LINE, character: 12 }, end: { line: KEP_GROUP_LINE, character: 40 } },
    severity: 'error',
    code: 'MCS001',
    message: mine[0].message,
  });
  // Every diagnostic names a YAML file that was found; README.md was never read.
  for (const d of parsed.diagnostics) assert.match(d.file, /^clusters\/(east|west)\/[a-z]+\.ya?ml$/);
});

test('exit 0 and an empty JSON list for a clean cluster; the default path is the current directory', async () => {
  const clean = workspace({ 'clusters/east/id.yaml': CLUSTER_ID('east'), 'clusters/east/web.yaml': EXPORTED_SERVICE('web') });
  try {
    const r = await lint(clean, '--format', 'json');
    assert.equal(r.code, 0, r.stdout);
    const parsed = JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] };
    assert.equal(parsed.diagnostics.filter((d) => d.severity === 'error').length, 0);
  } finally {
    clean.dispose();
  }
});

test('text: compiler-style 1-based lines on stdout, the count on stderr', async () => {
  const r = await lint(ws, 'clusters/west/payments.yaml');
  assert.equal(r.code, 1);
  const line = r.stdout.split('\n').find((l) => l.includes(' MCS001: '));
  assert.match(
    line ?? '',
    new RegExp(
      `^clusters/west/payments\\.yaml:${KEP_GROUP_LINE + 1}:13: error MCS001: ServiceExport uses unknown API group/version "multicluster\\.k8s\\.io/v1alpha1".*Use multicluster\\.x-k8s\\.io/v1alpha1\\.$`,
    ),
  );
  assert.match(r.stderr, /^\d+ errors?, \d+ warnings? in 1 file\n$/);
});

test('YAML syntax errors of MCS documents are reported with code YAML and exit 1', async () => {
  const w = workspace({ 'dup.yaml': DUPLICATE_KEY_EXPORT });
  try {
    const r = await lint(w, 'dup.yaml', '--format', 'json');
    assert.equal(r.code, 1);
    const yaml = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics.filter((d) => d.code === 'YAML');
    assert.equal(yaml.length, 1);
    assert.equal(yaml[0].severity, 'error');
    assert.equal(yaml[0].range.start.line, 4);
    assert.match(yaml[0].message, /unique/i);
  } finally {
    w.dispose();
  }
});

test('--max-warnings: exit 1 when warnings exceed N, 0 when within; --quiet hides warnings but they still count', async () => {
  const w = workspace({ 'clusters/east/id.yaml': CLUSTER_ID('east'), 'clusters/east/tagged.yaml': TAGGED_EXPORT });
  try {
    const all = await lint(w, '--format', 'json');
    const diagnostics = (JSON.parse(all.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
    const tag = diagnostics.find((d) => d.code === 'YAML');
    assert.deepEqual(tag && [tag.severity, tag.range.start.line, tag.range.start.character, tag.range.end.character], [
      'warning',
      5,
      14,
      21,
    ]);
    assert.equal(all.code, 0);
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;

    const strict = await lint(w, '--max-warnings', '0');
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, new RegExp(`too many warnings \\(${warnings}, maximum 0\\)`));
    assert.equal((await lint(w, '--max-warnings', String(warnings))).code, 0);

    const quiet = await lint(w, '--quiet', '--max-warnings', '0');
    assert.equal(quiet.code, 1);
    assert.doesNotMatch(quiet.stdout, /: warning /);
    assert.match(quiet.stderr, new RegExp(`${warnings} warnings? \\(${warnings} hidden by --quiet\\)`));
  } finally {
    w.dispose();
  }
});

test('a path that does not exist: exit 2 with a message naming it', async () => {
  const r = await lint(ws, 'clusters/north');
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^clusterset lint: cannot read clusters\/north: no such file or directory \(ENOENT\)$/m);
});

test('an unreadable file (broken symlink named *.yaml): exit 2, reported, the other files still linted', async () => {
  const w = clustersetWorkspace();
  try {
    w.brokenLink('clusters/west/gone.yaml');
    const r = await lint(w, 'clusters', '--format', 'json');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read clusters\/west\/gone\.yaml: no such file or directory \(ENOENT\)/);
    const codes = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics.map((d) => `${d.file} ${d.code}`);
    assert.ok(codes.includes('clusters/west/payments.yaml MCS001'), codes.join('\n'));
  } finally {
    w.dispose();
  }
});

test('a directory named *.yaml is walked, not read as a file', async () => {
  const w = workspace({ 'odd.yaml/export.yaml': KEP_GROUP_EXPORT_AT_TOP });
  try {
    const r = await lint(w, 'odd.yaml');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^odd\.yaml\/export\.yaml:1:13: error MCS001: /m);
  } finally {
    w.dispose();
  }
});
const KEP_GROUP_EXPORT_AT_TOP =
  'apiVersion: multicluster.k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';

test('usage errors exit 2: unknown format, implementation, option, bad --max-warnings', async () => {
  for (const args of [
    ['--format', 'xml'],
    ['--implementation', 'linkerd'],
    ['--frobnicate'],
    ['--max-warnings', '-1'],
    ['--max-warnings', 'many'],
  ]) {
    const r = await lint(ws, ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^clusterset lint: [^]+\nUsage: clusterset lint/, args.join(' '));
  }
});

test('--help prints the usage and exits 0', async () => {
  const r = await lint(ws, '--help');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: clusterset lint \[paths…\]/);
  assert.match(r.stdout, /--format text\|json\|sarif/);
  assert.match(r.stdout, /--max-warnings N/);
});

test('--implementation gke changes the advice; a ClusterSet file among the paths wins over it', async () => {
  const gke = await lint(ws, 'clusters/west/payments.yaml', '--implementation', 'gke');
  assert.match(gke.stdout, /MCS001: .*Use net\.gke\.io\/v1\./);
  const w = clustersetWorkspace();
  try {
    w.write(
      'clusterset.yaml',
      'apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata:\n  name: prod\nspec:\n  implementation: gke\n',
    );
    const r = await lint(w, 'clusterset.yaml', 'clusters/west/payments.yaml', '--implementation', 'cilium');
    assert.match(r.stdout, /payments\.yaml:15:13: error MCS001: .*Use net\.gke\.io\/v1\./);
  } finally {
    w.dispose();
  }
});

test('the same file reached twice is linted once', async () => {
  const r = await lint(ws, 'clusters/west', 'clusters/west/payments.yaml', '--format', 'json');
  const mcs001 = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics.filter((d) => d.code === 'MCS001');
  assert.equal(mcs001.length, 1);
});

test('the paths form one workspace: a Service in another file of the same cluster folder satisfies MCS101', async () => {
  const [service, exportDoc] = EXPORTED_SERVICE('web').split('---\n');
  const w = workspace({
    'clusters/east/svc.yaml': service,
    'clusters/east/export.yaml': exportDoc,
    'clusters/west/svc.yaml': service,
  });
  try {
    const codes = async (...paths: string[]): Promise<string[]> =>
      (JSON.parse((await lint(w, ...paths, '--format', 'json')).stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics
        .filter((d) => d.code === 'MCS101')
        .map((d) => d.file);
    assert.deepEqual(await codes('clusters/east/export.yaml'), ['clusters/east/export.yaml']);
    assert.deepEqual(await codes('clusters/east/export.yaml', 'clusters/east/svc.yaml'), []);
    // The west Service is in another cluster: it does not satisfy the east export.
    assert.deepEqual(await codes('clusters/east/export.yaml', 'clusters/west/svc.yaml'), ['clusters/east/export.yaml']);
  } finally {
    w.dispose();
  }
});

test('lint has no time budget: a machine so slow that every clock read is 10 s later still gets every finding', async () => {
  const ws = workspace({ 'a.yaml': EXPORTED_SERVICE('web'), 'b.yaml': `${TAGGED_EXPORT}\n---\n${DUPLICATE_KEY_EXPORT}` });
  try {
    const reference = await lint(ws, '--format', 'json', '.');
    const realNow = performance.now.bind(performance);
    let skew = 0;
    performance.now = () => (skew += 10_000) + realNow();
    let slow: { code: number; stdout: string; stderr: string };
    try {
      slow = await lint(ws, '--format', 'json', '.');
    } finally {
      performance.now = realNow;
    }
    assert.ok(skew > 0, 'the clock was read');
    assert.doesNotMatch(slow.stdout, /"BUDGET"/);
    assert.equal(slow.stdout, reference.stdout);
    assert.equal(slow.code, reference.code);
    assert.ok((JSON.parse(reference.stdout) as { diagnostics: unknown[] }).diagnostics.length > 0);
  } finally {
    ws.dispose();
  }
});
