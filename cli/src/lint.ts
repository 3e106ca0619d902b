// `clusterset lint`: walks the given paths for YAML, lints them as one workspace (cross-file rules see every
// file; the cluster of a file comes from a `clusters/<name>/` folder in its path) and prints the
// diagnostics as text, JSON or SARIF. Exit 0: no errors; 1: errors (or more warnings than --max-warnings);
// 2: usage or I/O error (the readable files are still linted and printed).
import { accessSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { IMPLEMENTATIONS, WORKSPACE_SKIP_DIRS, type Implementation } from '../../server/src/protocol';
import {
  createLanguageService,
  PROJECT_CONFIG_FILE,
  parseRelease,
  RULE_CRASH_CODE,
  type LanguageServiceOptions,
  type RuleCrash,
} from '../../server/src/service/public';
import { reasonOf } from '../../server/src/workspaceFiles';
import { capPerFile, DEFAULT_MAX_PER_FILE } from './format/cap';
import { formatJson } from './format/json';
import { ParseCrew, type CrewStats } from './lint/parallelParse';
import { LINT_ARG_OPTIONS } from './lint/args';
import { fewFiles, ReadAhead } from './lint/readAhead';
import { readEntries } from './lint/readEntries';
import type { ReadEntry, ReaderSetup } from './lint/readProtocol';
import { loadWorkspace, readWorkspace } from './workspace';
import type { LintDiagnostic, LintReport, LintSeverity } from './format/report';
import { formatSarif } from './format/sarif';
import { formatText, summaryLine } from './format/text';

export type { LintDiagnostic, LintReport } from './format/report';

type Out = { write(s: string): unknown };
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const SEVERITY: Record<DiagnosticSeverity, LintSeverity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export const LINT_USAGE = `Usage: clusterset lint [paths…] [options]

Lints Kubernetes Multi-Cluster Services YAML. Directories are walked for *.yaml/*.yml exactly as the editor
walks its workspace (${WORKSPACE_SKIP_DIRS.join(', ')} and dot-folders skipped unless given as a path; symlinked
directories not followed; FIFOs, devices and files over 16 MiB reported, not read); all paths together form
one workspace, and files under clusters/<name>/ belong to cluster <name>. Default path: the current directory.

Options:
  --format text|json|sarif   output format (default text; sarif is SARIF 2.1.0 for GitHub code scanning)
  --implementation NAME      ${IMPLEMENTATIONS.join('|')} (a ClusterSet file or .clusterset.yaml wins; unset: inferred from the files)
  --config FILE              project config (default: ./${PROJECT_CONFIG_FILE} when it exists): implementation,
                             rules: {MCS004: warning|off|…}, ignore: [globs], clusters: [{name, paths: [globs]}]
  --crd-version vX.Y.Z       mcs-api release whose CRDs the clusters run (like clusterset.crdVersion):
                             version-gated rules (fields newer than the CRDs, v1beta1) judge against it
  --kubernetes-version 1.N   target Kubernetes version (like clusterset.kubernetesVersion), e.g. 1.33
                             (both flags win over crdVersion / kubernetesVersion in the project config)
  --quiet                    report errors only (warnings still count for --max-warnings)
  --max-warnings N           exit 1 when there are more than N warnings
  --max-per-file N           print at most N findings per file, then a summary line (default ${DEFAULT_MAX_PER_FILE}; 0: all)
  --jobs N                   parse on N threads (default 1; the findings are the same byte for byte). Measured
                             slower than 1 on a busy 2-core machine: see docs/lint-performance.md
  -h, --help                 show this help

Exit status: 0 no errors, 1 errors or too many warnings, 2 usage error, unreadable path or internal error
(a rule crashed: ${RULE_CRASH_CODE}).`;

interface LintOptions {
  paths: string[];
  config?: string;
  format: Format;
  implementation?: Implementation;
  crdVersion?: string;
  kubernetesVersion?: string;
  quiet: boolean;
  maxWarnings?: number;
  maxPerFile: number;
  /** Undefined: as many as the cores, when the input is large enough. */
  jobs?: number;
}

/** The options, or a usage error message. */
function parseLintArgs(args: string[]): LintOptions | { help: true } | string {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: LINT_ARG_OPTIONS,
    });
  } catch (err) {
    return (err as Error).message;
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) return `unknown --format '${format}' (${FORMATS.join(', ')})`;
  const implementation = values.implementation;
  if (implementation !== undefined && !(IMPLEMENTATIONS as readonly string[]).includes(implementation)) {
    return `unknown --implementation '${implementation}' (${IMPLEMENTATIONS.join(', ')})`;
  }
  const crdVersion = values['crd-version'];
  if (crdVersion !== undefined && !parseRelease(crdVersion))
    return `--crd-version needs an mcs-api release such as v0.5.0, got '${crdVersion}'`;
  const kubernetesVersion = values['kubernetes-version'];
  if (kubernetesVersion !== undefined && !/^v?1\.\d+(\.\d+)?$/.test(kubernetesVersion))
    return `--kubernetes-version needs a Kubernetes version such as 1.33, got '${kubernetesVersion}'`;
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) return `--max-warnings needs a whole number ≥ 0, got '${values['max-warnings']}'`;
    maxWarnings = Number(values['max-warnings']);
  }
  let maxPerFile = DEFAULT_MAX_PER_FILE;
  if (values['max-per-file'] !== undefined) {
    if (!/^\d+$/.test(values['max-per-file'])) return `--max-per-file needs a whole number ≥ 0, got '${values['max-per-file']}'`;
    maxPerFile = Number(values['max-per-file']);
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1) return `--jobs needs a whole number ≥ 1, got '${values.jobs}'`;
    jobs = Number(values.jobs);
  }
  return {
    jobs,
    maxPerFile,
    paths: positionals.length ? positionals : ['.'],
    config: values.config,
    format: format as Format,
    implementation: implementation as Implementation | undefined,
    crdVersion,
    kubernetesVersion,
    quiet: values.quiet ?? false,
    maxWarnings,
  };
}

function byPosition(a: LintDiagnostic, b: LintDiagnostic): number {
  return (
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || compareCodes(a.code, b.code)
  );
}

/** Uppercase letters and digits (MCS001, YAML, BUDGET): code-unit order is localeCompare's order for these. */
const CODE_CHARS = /^[A-Z0-9]*$/;

/** `a.localeCompare(b)` without ICU's collation data (~5 ms to load on first use) for the codes we emit. */
function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  if (CODE_CHARS.test(a) && CODE_CHARS.test(b)) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

/**
 * The project config to use: `--config FILE` (an error when unreadable), else `.clusterset.yaml` in `cwd`
 * when it exists. Returns the path as shown and its text.
 */
function loadConfig(
  configPath: string | undefined,
  cwd: string,
  unreadable: LintReport['unreadable'],
): { file: string; text: string } | undefined {
  const file = configPath ?? PROJECT_CONFIG_FILE;
  // Blocking calls: this thread has nothing else to do meanwhile, and the promise's trip through the thread
  // pool took 2-80 ms before the first file could be parsed (the reader thread's start-up keeps the pool busy).
  if (configPath === undefined) {
    try {
      accessSync(resolve(cwd, file));
    } catch {
      return undefined;
    }
  }
  try {
    return { file, text: readFileSync(resolve(cwd, file), 'utf8') };
  } catch (err) {
    unreadable.push({ file, reason: reasonOf(err) });
    return undefined;
  }
}

/**
 * The walk's entries for `setup`: from the reader thread (the dispatcher's, when it walks the same paths, else
 * a new one), or read on this thread where there is none (from sources, CLUSTERSET_LINT_READER=0, a few files).
 */
function readerFor(
  setup: ReaderSetup,
  early: ReadAhead | undefined,
): { batches: AsyncIterable<ReadEntry[]> | Iterable<ReadEntry[]>; reader: boolean } {
  const usable = early?.matches(setup) ? early : undefined;
  if (early && !usable) early.stop();
  const reader =
    usable ?? (fewFiles(setup.paths, setup.cwd) ? undefined : ReadAhead.start(setup, join(__dirname, 'lintReader.js')));
  if (reader) return { batches: reader.batches((skip) => readEntries(setup, skip)), reader: true };
  return { batches: oneByOne(readEntries(setup)), reader: false };
}

function* oneByOne<T>(items: Iterable<T>): Generator<T[]> {
  for (const item of items) yield [item];
}

/** Lints `paths` as one workspace. Exported for the benchmarks and the tests. */
export async function lintPaths(
  paths: string[],
  options: {
    cwd?: string;
    implementation?: Implementation;
    config?: string;
    crdVersion?: string;
    kubernetesVersion?: string;
    ignore?: readonly string[];
    /** Threads in all (default 1: no worker). */
    jobs?: number;
    /** A reader thread the dispatcher started for these paths (dropped if it walks something else). */
    readAhead?: ReadAhead;
  } = {},
): Promise<LintReport & { files: string[]; crashes: RuleCrash[] }> {
  const cwd = options.cwd ?? process.cwd();
  // The plain path, for the identity test and for anyone who doubts the fast one: `yaml` parses every
  // document (no fast parser, no kind markers) and this thread does all the work, with the walk and reads of before.
  const plain = process.env.CLUSTERSET_LINT_PLAIN === '1';
  const parseOptions: Partial<LanguageServiceOptions> = plain ? { fastParse: false, kindMarkers: false } : {};
  const crashes: RuleCrash[] = [];
  const configProblems: LintReport['unreadable'] = [];
  const config = loadConfig(options.config, cwd, configProblems);
  const configUri = config ? pathToFileURL(resolve(cwd, config.file)).href : undefined;
  const settings = {
    // A CI linter reports everything, however slow the machine: the editor's per-file time budget (which keeps
    // typing responsive) would make the output depend on the load — a file cut off at 2 s on a busy runner.
    validationTimeBudgetMs: Number.POSITIVE_INFINITY,
    ...(options.implementation
      ? { implementation: options.implementation, implementationSource: 'the --implementation flag' }
      : {}),
    // A flag outranks the project config, which outranks the (absent) editor setting: the source says so.
    ...(options.crdVersion ? { crdVersion: options.crdVersion, crdVersionSource: 'the --crd-version flag' } : {}),
    ...(options.kubernetesVersion
      ? { kubernetesVersion: options.kubernetesVersion, kubernetesVersionSource: 'the --kubernetes-version flag' }
      : {}),
  };
  const service = createLanguageService({
    ...parseOptions,
    settings,
    projectConfigUri: configUri,
    roots: [pathToFileURL(cwd).href],
    // Every document's syntax errors: in CI no other YAML checker runs beside this one.
    syntaxErrors: 'all',
    // Every file is set once, then validated once: no dependency records for revalidation.
    trackDependencies: false,
    onRuleCrash: (c) => crashes.push(c),
  });
  if (config && configUri) {
    // First, so its ignore globs and cluster mapping apply to every file; its own problems are reported too.
    service.setFile(configUri, config.text);
  }
  const loaded = new Map(config && configUri ? [[configUri, config.file]] : []);
  const walk = { cwd, ignore: options.ignore, loaded };
  let stats: (CrewStats & { reader: boolean }) | undefined;
  let workspace;
  if (plain) workspace = await loadWorkspace(service, paths, walk);
  else {
    // One thread unless asked: parse workers were measured slower on this project's 2-core machine (both
    // threads pay the JIT warm-up and the documents cross by structured clone; docs/lint-performance.md).
    const crew = new ParseCrew(service, { jobs: options.jobs ?? 1, serviceOptions: parseOptions });
    const setup: ReaderSetup = { paths: [...paths], cwd, ...(options.ignore ? { ignore: [...options.ignore] } : {}) };
    const read = readerFor(setup, options.readAhead);
    workspace = await readWorkspace(service, read.batches, walk, (f) => crew.add(f));
    stats = { ...(await crew.finish()), reader: read.reader };
  }
  const { fileOf, unreadable, encodingProblems } = workspace;
  // For the identity test and the benchmark: who parsed what (never on stdout or stderr, which must not change).
  if (process.env.CLUSTERSET_LINT_STATS) writeFileSync(process.env.CLUSTERSET_LINT_STATS, JSON.stringify({ plain, ...stats }));
  for (const p of configProblems) unreadable.push(p);
  // Validate only once every file is in the index, so cross-file rules see the whole workspace.
  const diagnostics: LintDiagnostic[] = [];
  const at = { line: 0, character: 0 };
  const hasEncodingProblems = encodingProblems.length > 0;
  // forEach, not for…of: this loop runs once, unoptimised, and the entries iterator made a pair per file.
  fileOf.forEach((file, uri) => {
    if (hasEncodingProblems) {
      for (const p of encodingProblems) {
        if (p.file !== file) continue;
        // Where kubectl would choke on the bytes (the JSON contract has no other place for it: code YAML).
        diagnostics.push({ file, range: { start: at, end: at }, severity: 'warning', code: 'YAML', message: p.problem });
      }
    }
    const found = service.validate(uri).diagnostics;
    // Most files of a large repository: nothing to map or sort.
    if (found.length === 0) return;
    const ofFile = found.map((d): LintDiagnostic => ({
      file,
      range: d.range,
      severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error],
      code: String(d.code ?? ''),
      message: d.message,
    }));
    // One at a time: spreading 150k findings into push() overflows the call stack.
    for (const d of ofFile.sort(byPosition)) diagnostics.push(d);
  });
  return { diagnostics, unreadable, files: [...fileOf.values()], crashes };
}

export async function runLint(
  args: string[],
  stdout: Out,
  stderr: Out,
  options: { cwd?: string; readAhead?: ReadAhead } = {},
): Promise<number> {
  const opts = parseLintArgs(args);
  if (typeof opts !== 'object' || 'help' in opts) options.readAhead?.stop();
  if (typeof opts === 'string') {
    stderr.write(`clusterset lint: ${opts}\n${LINT_USAGE}\n`);
    return 2;
  }
  if ('help' in opts) {
    stdout.write(`${LINT_USAGE}\n`);
    return 0;
  }
  const cwd = options.cwd ?? process.cwd();
  const linted = await lintPaths(opts.paths, {
    cwd,
    implementation: opts.implementation,
    config: opts.config,
    crdVersion: opts.crdVersion,
    kubernetesVersion: opts.kubernetesVersion,
    jobs: opts.jobs,
    ...(options.readAhead ? { readAhead: options.readAhead } : {}),
  });
  const warnings = linted.diagnostics.filter((d) => d.severity === 'warning').length;
  const errors = linted.diagnostics.filter((d) => d.severity === 'error').length;
  const selected: LintReport = {
    diagnostics: opts.quiet ? linted.diagnostics.filter((d) => d.severity === 'error') : linted.diagnostics,
    unreadable: linted.unreadable,
  };
  const shown = capPerFile(selected, opts.maxPerFile);

  if (opts.format === 'json') stdout.write(formatJson(shown));
  else if (opts.format === 'sarif') stdout.write(formatSarif(shown, cwd));
  else stdout.write(formatText(shown));

  for (const u of linted.unreadable) stderr.write(`clusterset lint: cannot read ${u.file}: ${u.reason}\n`);
  // Only for crash reports: a URI per file is 10,000 URL parses on a large repository.
  const fileOfUri = linted.crashes.length
    ? new Map(linted.files.map((f) => [pathToFileURL(resolve(cwd, f)).href, f]))
    : undefined;
  for (const c of linted.crashes) {
    const where = `${fileOfUri?.get(c.uri) ?? c.uri} (document ${c.docIndex + 1})`;
    stderr.write(
      `clusterset lint: internal error: rule ${c.ruleId} crashed on ${where}; please report it: ${c.error instanceof Error ? (c.error.stack ?? c.error.message) : String(c.error)}\n`,
    );
  }
  if (linted.files.length === 0 && linted.unreadable.length === 0)
    stderr.write(`clusterset lint: no YAML files found in ${opts.paths.join(', ')}\n`);
  if (opts.format === 'text' && linted.files.length)
    stderr.write(`${summaryLine(selected, linted.files.length, opts.quiet ? warnings : 0)}\n`);
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  if (tooManyWarnings) stderr.write(`clusterset lint: too many warnings (${warnings}, maximum ${opts.maxWarnings})\n`);

  // A crashed rule means a file was not fully checked: never a pass, and not the user's error either.
  if (linted.unreadable.length || linted.crashes.length) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}
