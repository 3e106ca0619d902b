// `clusterset lint` against kubeconform, side by side in one run (issue 13): the same folders, alternating runs,
// wall time including process start, both with their default parallelism, median of BENCH_LINT_RUNS (5); peak RSS
// of each child process. Inputs: the bench folder (the two generated MCS files of bench/run.ts) and a generated
// GitOps-shaped repository of 10,000 small files (bench/gitops.ts), whole and with only its MCS files.
// Run alone with `npx tsx bench/lint.bench.ts` (needs `node scripts/build.mjs --production`), or from `npm run bench`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateMcsFile, writeKubeconformSchemas } from './generate';
import { generateGitopsRepo, writeGitopsRepo } from './gitops';
import { kubeconform, KUBECONFORM_VERSION } from './peers';

const RUNS = Number(process.env.BENCH_LINT_RUNS ?? 5);
/** The bench folder's files are also linted in this many copies of its cluster folders (see fixedCosts). */
const SCALE = 8;
const GITOPS_FILES = Number(process.env.BENCH_GITOPS_FILES ?? 10_000);
const CLI_JS = resolve(__dirname, '../dist/cli.js');
const TIME = '/usr/bin/time';

interface Run {
  ms: number;
  /** Peak resident set of the child, MiB. */
  rssMiB: number;
  /** User + system CPU time of the child, ms (NaN when GNU time is not there). */
  cpuMs: number;
  stdout: string;
  status: number | null;
}

interface Tool {
  name: string;
  command: string;
  args: (dir: string) => string[];
}

export interface LintBenchRow {
  input: string;
  files: number;
  resources: number;
  tools: Array<{ name: string; ms: number; resPerS: number; rssMiB: number; cpuMs: number; note: string }>;
}

/** A line through the bench folder and its SCALE copies: what a run costs before the first resource, and per resource. */
export interface FixedCosts {
  scale: number;
  ours: { fixedMs: number; usPerResource: number };
  kubeconform: { fixedMs: number; usPerResource: number };
  /** Median wall time of `node -e 0` and of `kubeconform -v`: the start of each process alone. */
  nodeStartMs: number;
  kubeconformStartMs: number;
  /** Set on this machine: Node 20 loads those certificates before any JavaScript runs (Go ignores the variable). */
  extraCaCerts: boolean;
}

export interface LintBenchResult {
  node: string;
  cores: number;
  load: number[];
  rssMethod: string;
  rows: LintBenchRow[];
  verdicts: string[];
  fixedCosts: FixedCosts;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Peak RSS by polling VmHWM (the high-water mark) of a child we spawn, when GNU time is not installed. */
async function runPolling(command: string, args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const t = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    let hwm = 0;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwm = Math.max(hwm, Number(m[1]));
      } catch {
        // gone already
      }
    }, 2);
    child.on('error', fail);
    child.on('close', (status) => {
      clearInterval(poll);
      done({ ms: performance.now() - t, rssMiB: hwm / 1024, cpuMs: NaN, stdout, status });
    });
  });
}

/** One run; with GNU time (`%M`, the child's maxrss from wait4) when it is there, else by polling. */
async function runOnce(command: string, args: string[], scratch: string): Promise<Run> {
  if (!existsSync(TIME)) return runPolling(command, args);
  const out = join(scratch, 'time.txt');
  const t = performance.now();
  const r = spawnSync(TIME, ['-f', '%M %U %S', '-o', out, command, ...args], { encoding: 'utf8', maxBuffer: 1 << 29 });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  // The last line: GNU time writes "Command exited with non-zero status N" above it on exit 1.
  const m = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(out, 'utf8'));
  const [kib, user, sys] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  return { ms, rssMiB: kib / 1024, cpuMs: (user + sys) * 1000, stdout: r.stdout, status: r.status };
}

/** RUNS runs of each tool on `dir`, alternating, so machine noise hits every tool alike. */
async function measure(tools: Tool[], dir: string, scratch: string): Promise<Run[][]> {
  const runs: Run[][] = tools.map(() => []);
  // One unmeasured round first: the page cache and the file-system metadata are then warm for everyone.
  for (const tool of tools) await runOnce(tool.command, tool.args(dir), scratch);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < tools.length; k++) runs[k].push(await runOnce(tools[k].command, tools[k].args(dir), scratch));
  }
  return runs;
}

function summarize(name: string, runs: Run[], resources: number, note: (r: Run) => string): LintBenchRow['tools'][number] {
  const ms = median(runs.map((r) => r.ms));
  return {
    name,
    ms,
    resPerS: (resources / ms) * 1000,
    rssMiB: Math.max(...runs.map((r) => r.rssMiB)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    note: note(runs[runs.length - 1]),
  };
}

const findings = (r: Run): string => {
  try {
    return `${(JSON.parse(r.stdout) as { diagnostics: unknown[] }).diagnostics.length} findings, exit ${r.status}`;
  } catch {
    return `unreadable output, exit ${r.status}`;
  }
};
const kcSummary = (r: Run): string => /Summary: .*/.exec(r.stdout)?.[0] ?? `no summary, exit ${r.status}`;

export async function runLintBench(): Promise<LintBenchResult> {
  if (!existsSync(CLI_JS)) throw new Error('dist/cli.js missing: run `node scripts/build.mjs --production` first');
  const kc = kubeconform();
  const root = mkdtempSync(join(tmpdir(), 'clusterset-lintbench-'));
  try {
    const scratch = join(root, 'scratch');
    mkdirSync(scratch);
    const kcLocation = writeKubeconformSchemas(join(root, 'kubeconform'));
    const ours = (jobs?: number): Tool => ({
      name: jobs ? `clusterset lint --jobs ${jobs}` : 'clusterset lint',
      command: process.execPath,
      args: (dir) => [CLI_JS, 'lint', dir, '--format', 'json', ...(jobs ? ['--jobs', String(jobs)] : [])],
    });
    const peer: Tool = {
      name: `kubeconform ${KUBECONFORM_VERSION}`,
      command: kc,
      // Its default parallelism (-n 4 workers) and text output with the summary line.
      args: (dir) => ['-summary', '-ignore-missing-schemas', '-schema-location', kcLocation, dir],
    };
    const tools = [ours(), peer, ours(2)];

    // (a) The bench folder: one clusters/<name>/ folder per generated file, as bench/run.ts lays it out.
    const benchDir = join(root, 'bench', 'clusters');
    // (c) The same two files in SCALE copies of the cluster folders (c50000-1 … c50000-8), each copy in namespaces of
    // its own (team-3-0 for team-0): the same work SCALE times. (With shared namespaces every name would be exported by
    // SCALE clusters, and the cross-cluster rules would compare each export with SCALE others: more work per resource.)
    const scaledDir = join(root, `bench-x${SCALE}`, 'clusters');
    let benchResources = 0;
    for (const size of [1000, 50000]) {
      const file = generateMcsFile(size);
      benchResources += file.resources;
      mkdirSync(join(benchDir, `c${size}`), { recursive: true });
      writeFileSync(join(benchDir, `c${size}`, `mcs-${size}.yaml`), file.text);
      for (let copy = 1; copy <= SCALE; copy++) {
        mkdirSync(join(scaledDir, `c${size}-${copy}`), { recursive: true });
        writeFileSync(join(scaledDir, `c${size}-${copy}`, `mcs-${size}.yaml`), file.text.replace(/team-/g, `team-${copy}-`));
      }
    }
    // (b) The GitOps-shaped repository, and the same repository with only its MCS files.
    const repo = generateGitopsRepo(GITOPS_FILES);
    const gitopsDir = join(root, 'gitops');
    const mcsOnlyDir = join(root, 'gitops-mcs-only');
    writeGitopsRepo(gitopsDir, repo);
    writeGitopsRepo(mcsOnlyDir, repo, { onlyMcs: true });

    const inputs = [
      { input: 'bench folder (generated MCS files)', dir: benchDir, files: 2, resources: benchResources, tools },
      { input: 'GitOps repository', dir: gitopsDir, files: repo.files.length, resources: repo.resources, tools },
      { input: 'same repository, MCS files only', dir: mcsOnlyDir, files: repo.mcsFiles, resources: repo.mcsResources, tools },
      {
        input: `bench folder ×${SCALE} (its files in ${SCALE} copies of its cluster folders)`,
        dir: scaledDir,
        files: 2 * SCALE,
        resources: benchResources * SCALE,
        tools: [ours(), peer],
      },
    ];
    const rows: LintBenchRow[] = [];
    for (const inp of inputs) {
      process.stderr.write(`lint bench: ${inp.input} (${inp.files} files, ${inp.resources} resources) …\n`);
      const runs = await measure(inp.tools, inp.dir, scratch);
      rows.push({
        input: inp.input,
        files: inp.files,
        resources: inp.resources,
        tools: inp.tools.map((t, k) => summarize(t.name, runs[k], inp.resources, t === peer ? kcSummary : findings)),
      });
    }
    process.stderr.write('lint bench: process start alone …\n');
    const [nodeStarts, kcStarts] = await measure(
      [
        { name: 'node -e 0', command: process.execPath, args: () => ['-e', '0'] },
        { name: 'kubeconform -v', command: kc, args: () => ['-v'] },
      ],
      root,
      scratch,
    );
    return {
      node: process.version,
      cores: availableParallelism(),
      load: loadavg(),
      rssMethod: existsSync(TIME) ? 'GNU time %M (maxrss of the child)' : 'VmHWM of the child polled every 2 ms',
      rows,
      verdicts: verdictsOf(rows, repo.files.length - repo.mcsFiles, repo.resources - repo.mcsResources),
      fixedCosts: fixedCostsOf(rows[0], rows[3], median(nodeStarts.map((r) => r.ms)), median(kcStarts.map((r) => r.ms))),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The line through (resources, wall) of the bench folder and of its SCALE copies, for each tool: its intercept is
 * what a run costs whatever the input (process start, module load, and for a JIT the warm-up of the first
 * thousands of documents), its slope what each further resource costs.
 */
function fixedCostsOf(one: LintBenchRow, scaled: LintBenchRow, nodeStartMs: number, kubeconformStartMs: number): FixedCosts {
  const line = (k: number): FixedCosts['ours'] => {
    const [a, b] = [one.tools[k].ms, scaled.tools[k].ms];
    const perResource = (b - a) / (scaled.resources - one.resources);
    return { fixedMs: a - perResource * one.resources, usPerResource: perResource * 1000 };
  };
  return {
    scale: scaled.resources / one.resources,
    ours: line(0),
    kubeconform: line(1),
    nodeStartMs,
    kubeconformStartMs,
    extraCaCerts: !!process.env.NODE_EXTRA_CA_CERTS,
  };
}

const goal = (ok: boolean): string => (ok ? 'met' : 'MISSED');
const f = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function verdictsOf(rows: LintBenchRow[], nonMcsFiles: number, nonMcsResources: number): string[] {
  const [bench, gitops, mcsOnly] = rows;
  const out: string[] = [];
  for (const row of [bench, gitops]) {
    const [ours, kc] = row.tools;
    out.push(
      `resources/s ≥ kubeconform's on the ${row.input}: ${f(ours.resPerS)} vs ${f(kc.resPerS)} (${f(ours.resPerS / kc.resPerS, 2)}×) — ${goal(ours.resPerS >= kc.resPerS)}`,
    );
  }
  for (const row of [bench, gitops]) {
    const ours = row.tools[0];
    out.push(`peak RSS < 300 MiB on the ${row.input}: ${f(ours.rssMiB)} MiB — ${goal(ours.rssMiB < 300)}`);
  }
  // What the files without MCS content add, per resource, against what kubeconform spends per resource on
  // the same repository (it only decodes them: it has no schema for them, see the note).
  const added = gitops.tools[0].ms - mcsOnly.tools[0].ms;
  const perResource = (added / nonMcsResources) * 1000;
  const kcPerResource = (gitops.tools[1].ms / gitops.resources) * 1000;
  // The same in CPU time, which a busy machine disturbs less than wall time.
  const cpuPerResource = ((gitops.tools[0].cpuMs - mcsOnly.tools[0].cpuMs) / nonMcsResources) * 1000;
  const kcCpuPerResource = (gitops.tools[1].cpuMs / gitops.resources) * 1000;
  out.push(
    `files with no MCS content cost next to nothing: ${nonMcsFiles} such files (${nonMcsResources} resources) add ${f(added)} ms = ${f(perResource, 1)} µs per resource (CPU: ${f(cpuPerResource, 1)} µs); kubeconform spends ${f(kcPerResource, 1)} µs per resource on the repository (CPU: ${f(kcCpuPerResource, 1)} µs; goal: no more than that) — ${goal(perResource <= kcPerResource)}`,
  );
  return out;
}

function fixedCostLines(c: FixedCosts): string[] {
  const tool = (name: string, t: FixedCosts['ours']): string =>
    `${name}: ${f(t.fixedMs)} ms before the first resource, then ${f(t.usPerResource, 1)} µs per resource`;
  return [
    tool('clusterset lint', c.ours),
    tool('kubeconform', c.kubeconform),
    `a process start alone: \`node -e 0\` ${f(c.nodeStartMs)} ms${c.extraCaCerts ? ' (NODE_EXTRA_CA_CERTS is set here, and Node 20 loads it before any JavaScript runs)' : ''}, \`kubeconform -v\` ${f(c.kubeconformStartMs)} ms`,
  ];
}

export function formatLintBench(r: LintBenchResult): string {
  const lines = [
    `node ${r.node}, ${r.cores} cores, load average ${r.load.map((x) => x.toFixed(1)).join(' ')}; median of ${RUNS} alternating runs, wall time including process start; peak RSS: ${r.rssMethod}`,
    '',
    '| input | files | resources | tool | wall | resources/s | ÷ kubeconform | CPU (user+sys) | peak RSS | output |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of r.rows) {
    const kc = row.tools.find((t) => t.name.startsWith('kubeconform'));
    row.tools.forEach((t, i) => {
      const head = i === 0 ? `| ${row.input} | ${f(row.files)} | ${f(row.resources)} ` : '| | | ';
      const ratio = kc && t !== kc ? `${f(t.resPerS / kc.resPerS, 2)}×` : '';
      lines.push(
        `${head}| ${t.name} | ${f(t.ms)} ms | ${f(t.resPerS)} | ${ratio} | ${Number.isNaN(t.cpuMs) ? '' : `${f(t.cpuMs)} ms`} | ${f(t.rssMiB)} MiB | ${t.note} |`,
      );
    });
  }
  lines.push(
    '',
    'kubeconform gets the MCS CRD schemas (bench/generate.ts writeKubeconformSchemas) and -ignore-missing-schemas: there is',
    'no network here, so it has no schema for the core kinds (Service, Deployment, ConfigMap, …) and skips them, as its',
    'summary says: on those it only decodes the YAML. `clusterset lint` parses every document (syntax errors of all) and runs',
    'its rules on the MCS-related ones.',
    'CPU is the median user + system time of the child (all its threads): on a shared machine it shows the work done',
    'when the wall time shows mostly the wait for a core (see the load average above).',
    '',
    'Goals of issue 13:',
    ...r.verdicts.map((v) => `- ${v}`),
    '',
    `What bounds the bench folder's ratio (not a goal): a line through the bench folder and ×${r.fixedCosts.scale}:`,
    ...fixedCostLines(r.fixedCosts).map((l) => `- ${l}`),
  );
  return lines.join('\n');
}

if (require.main === module) {
  runLintBench()
    .then((r) => console.log(`\n\`clusterset lint\` vs kubeconform (issue 13)\n${formatLintBench(r)}`))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.stack : String(err));
      process.exitCode = 1;
    });
}
