// `clusterset lint`: walks the given paths for YAML, lints them as one workspace (cross-file rules see every
// file; the cluster of a file comes from a `clusters/<name>/` folder in its path) and prints the
// diagnostics as text, JSON or SARIF. Exit 0: no errors; 1: errors (or more warnings than --max-warnings);
// 2: usage or I/O error (the readable files are still linted and printed).
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { IMPLEMENTATIONS, WORKSPACE_SKIP_DIRS, type Implementation } from '../../server/src/protocol';
import { PROJECT_CONFIG_FILE, parseRelease, RULE_CRASH_CODE, type RuleCrash } from '../../server/src/service/public';
import { capPerFile, DEFAULT_MAX_PER_FILE } from './format/cap';
import { formatJson } from './format/json';
import { ValidationCrew } from './lint/crew';
import type { WorkerTimes } from './lint/protocol';
import { loadLint, type LoadOptions } from './lint/load';
import { crashText, splitShares, validatePieces, type PieceDiagnostic } from './lint/shares';
import type { LintDiagnostic, LintReport } from './format/report';
import { formatSarif } from './format/sarif';
import { formatText, summaryLine } from './format/text';

export type { LintDiagnostic, LintReport } from './format/report';

type Out = { write(s: string): unknown };
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
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
  --jobs N|auto              validate on N threads, each parsing the whole workspace (default 1; auto: 2 on a
                             machine of 2+ cores for inputs of 1,000+ documents of interest). The findings are
                             the same byte for byte; slower than 1 on a busy 2-core machine (docs/lint-performance.md)
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
  /** Threads in all; 'auto': two on a machine of two cores or more, when the input is large enough. */
  jobs?: number | 'auto';
}

/** The options, or a usage error message. */
function parseLintArgs(args: string[]): LintOptions | { help: true } | string {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        implementation: { type: 'string' },
        config: { type: 'string' },
        'crd-version': { type: 'string' },
        'kubernetes-version': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        'max-per-file': { type: 'string' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
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
  let jobs: number | 'auto' | undefined;
  if (values.jobs === 'auto') jobs = 'auto';
  else if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1)
      return `--jobs needs a whole number ≥ 1 or auto, got '${values.jobs}'`;
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
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code)
  );
}

/** With --jobs auto, a worker is started once this many characters are read… */
const AUTO_START_CHARS = 256 * 1024;
/** …and used when the workspace has at least this many documents of interest (else it is stopped). */
const AUTO_MIN_DOCUMENTS = 1000;
/** The main thread's part of the validation: it also merges and prints, the worker starts later. */
const MAIN_SHARE = 0.5;

const START = Date.now() - performance.now();

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
    /** Threads in all (default 1); 'auto': two on a machine of two cores or more, when the input is large enough. */
    jobs?: number | 'auto';
  } = {},
): Promise<LintReport & { files: string[]; crashes: RuleCrash[] }> {
  const cwd = options.cwd ?? process.cwd();
  // The plain path, for the identity test and for anyone who doubts the fast one: `yaml` parses every
  // document (no fast parser) and this thread does all the work, with the walk and reads of before.
  const plain = process.env.CLUSTERSET_LINT_PLAIN === '1';
  const load: LoadOptions = {
    cwd,
    implementation: options.implementation,
    config: options.config,
    crdVersion: options.crdVersion,
    kubernetesVersion: options.kubernetesVersion,
    ignore: options.ignore,
  };
  // Every thread loads and parses the whole workspace itself (the index of each is then complete) and
  // validates its share; only diagnostics cross (docs/lint-performance.md). One thread by default: on this
  // project's shared 2-core machine the second one costs more than it saves. With --jobs N the workers start
  // first thing; with --jobs auto only once the input turns out large, and are used only when it has enough
  // documents of interest.
  const auto = options.jobs === 'auto';
  const shares = plain ? 1 : auto ? Math.min(2, availableParallelism()) : typeof options.jobs === 'number' ? options.jobs : 1;
  const setup = { paths, load, shares, firstShare: MAIN_SHARE, minDocuments: auto ? AUTO_MIN_DOCUMENTS : 0 };
  let crew = shares > 1 && !auto ? new ValidationCrew(setup) : undefined;
  const loaded = await loadLint(paths, load, plain, (chars) => {
    if (!crew && shares > 1 && chars >= AUTO_START_CHARS) crew = new ValidationCrew(setup);
  });
  const { service, fileOf, unreadable, encodingProblems, configProblems, crashes } = loaded;
  for (const p of configProblems) unreadable.push(p);
  const uris = [...fileOf.keys()];
  let split = splitShares(service, uris, crew?.workers ? shares : 1, MAIN_SHARE);
  if (crew && split.documentsOfInterest < setup.minDocuments) {
    crew.stop();
    crew = undefined;
    split = splitShares(service, uris, 1);
  }
  const loadedAt = Date.now();
  const results = validatePieces(service, crashes, uris, split.shares[0]);
  const validatedAt = Date.now();
  const workers: Array<WorkerTimes & { pieces: number; received: number }> = [];
  for (let s = 1; s < split.shares.length; s++) {
    const theirs = await crew?.result(s, loaded.digest);
    if (theirs) workers.push({ ...theirs.times, pieces: theirs.results.length, received: Date.now() });
    // A worker that failed or read other files: its share is validated here.
    for (const r of theirs?.results ?? validatePieces(service, crashes, uris, split.shares[s])) results.push(r);
  }
  const stats = {
    plain,
    workers: crew?.workers ?? 0,
    documentsOfInterest: split.documentsOfInterest,
    shares: split.shares.map((s) => ({ pieces: s.length, first: s[0] })),
    // ms since the process started: this thread's load and validation, and each worker's.
    times: {
      loaded: loadedAt - START,
      validated: validatedAt - START,
      workers: workers.map((w) => ({
        started: w.started - START,
        loaded: w.loaded - START,
        validated: w.validated - START,
        received: w.received - START,
        pieces: w.pieces,
      })),
    },
  };
  // For the identity test and the benchmark: who validated what (never on stdout or stderr, which must not change).
  if (process.env.CLUSTERSET_LINT_STATS) writeFileSync(process.env.CLUSTERSET_LINT_STATS, JSON.stringify(stats));

  // The pieces in order tile the workspace: each file's diagnostics are its pieces' in document order.
  const ofFile = new Map<number, PieceDiagnostic[]>();
  const allCrashes: RuleCrash[] = [...crashes];
  for (const r of results) {
    let list = ofFile.get(r.piece.file);
    if (!list) ofFile.set(r.piece.file, (list = []));
    for (const d of r.diagnostics) list.push(d);
    for (const c of r.crashes) allCrashes.push(c);
  }
  const diagnostics: LintDiagnostic[] = [];
  const at = { line: 0, character: 0 };
  uris.forEach((uri, i) => {
    const file = fileOf.get(uri) ?? uri;
    for (const p of encodingProblems) {
      if (p.file !== file) continue;
      // Where kubectl would choke on the bytes (the JSON contract has no other place for it: code YAML).
      diagnostics.push({ file, range: { start: at, end: at }, severity: 'warning', code: 'YAML', message: p.problem });
    }
    const found = (ofFile.get(i) ?? []).map((d): LintDiagnostic => ({ file, ...d }));
    // One at a time: spreading 150k findings into push() overflows the call stack.
    for (const d of found.sort(byPosition)) diagnostics.push(d);
  });
  return { diagnostics, unreadable, files: [...fileOf.values()], crashes: allCrashes };
}

export async function runLint(args: string[], stdout: Out, stderr: Out, options: { cwd?: string } = {}): Promise<number> {
  const opts = parseLintArgs(args);
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
  const fileOfUri = new Map(linted.files.map((f) => [pathToFileURL(resolve(cwd, f)).href, f]));
  for (const c of linted.crashes) {
    const where = `${fileOfUri.get(c.uri) ?? c.uri} (document ${c.docIndex + 1})`;
    stderr.write(
      `clusterset lint: internal error: rule ${c.ruleId} crashed on ${where}; please report it: ${crashText(c.error)}\n`,
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
