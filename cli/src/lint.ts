// `clusterset lint`: walks the given paths for YAML, lints them as one workspace (cross-file rules see every
// file; the cluster of a file comes from a `clusters/<name>/` folder in its path) and prints the
// diagnostics as text, JSON or SARIF. Exit 0: no errors; 1: errors (or more warnings than --max-warnings);
// 2: usage or I/O error (the readable files are still linted and printed).
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { IMPLEMENTATIONS, type Implementation } from '../../server/src/protocol';
import { createLanguageService } from '../../server/src/service/public';
import { capPerFile, DEFAULT_MAX_PER_FILE } from './format/cap';
import { formatJson } from './format/json';
import type { LintDiagnostic, LintReport, LintSeverity } from './format/report';
import { formatSarif } from './format/sarif';
import { formatText, summaryLine } from './format/text';

export type { LintDiagnostic, LintReport } from './format/report';

type Out = { write(s: string): unknown };
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const SEVERITY: readonly LintSeverity[] = ['error', 'error', 'warning', 'information', 'hint'];
const SKIP_DIRS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;

export const LINT_USAGE = `Usage: clusterset lint [paths…] [options]

Lints Kubernetes Multi-Cluster Services YAML. Directories are walked for *.yaml/*.yml (node_modules and .git
skipped, symlinked directories not followed); all paths together form one workspace, and files under
clusters/<name>/ belong to cluster <name>. Default path: the current directory.

Options:
  --format text|json|sarif   output format (default text; sarif is SARIF 2.1.0 for GitHub code scanning)
  --implementation NAME      ${IMPLEMENTATIONS.join('|')} (a ClusterSet file in the paths wins)
  --quiet                    report errors only (warnings still count for --max-warnings)
  --max-warnings N           exit 1 when there are more than N warnings
  --max-per-file N           print at most N findings per file, then a summary line (default ${DEFAULT_MAX_PER_FILE}; 0: all)
  -h, --help                 show this help

Exit status: 0 no errors, 1 errors or too many warnings, 2 usage error or unreadable path.`;

interface LintOptions {
  paths: string[];
  format: Format;
  implementation?: Implementation;
  quiet: boolean;
  maxWarnings?: number;
  maxPerFile: number;
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
        quiet: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        'max-per-file': { type: 'string' },
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
  return {
    maxPerFile,
    paths: positionals.length ? positionals : ['.'],
    format: format as Format,
    implementation: implementation as Implementation | undefined,
    quiet: values.quiet ?? false,
    maxWarnings,
  };
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENOTDIR: 'not a directory',
};

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code && ERRNO_TEXT[code] ? `${ERRNO_TEXT[code]} (${code})` : err instanceof Error ? err.message : String(err);
}

/** Adds the YAML files under `path` (shown as given/found, read relative to `cwd`) to `files`. */
async function collect(path: string, cwd: string, files: string[], unreadable: LintReport['unreadable']): Promise<void> {
  let st;
  try {
    st = await stat(resolve(cwd, path));
  } catch (err) {
    unreadable.push({ file: path, reason: reasonOf(err) });
    return;
  }
  // A file named on the command line is linted whatever its extension: the user asked for it.
  if (!st.isDirectory()) {
    files.push(path);
    return;
  }
  let entries;
  try {
    entries = await readdir(resolve(cwd, path), { withFileTypes: true });
  } catch (err) {
    unreadable.push({ file: path, reason: reasonOf(err) });
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(path, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await collect(p, cwd, files, unreadable);
    } else if (YAML_FILE.test(e.name)) {
      // Includes symlinks named *.yaml: a broken one or one to a directory is reported as unreadable.
      files.push(p);
    }
  }
}

function byPosition(a: LintDiagnostic, b: LintDiagnostic): number {
  return (
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code)
  );
}

/** Lints `paths` as one workspace. Exported for the benchmarks and the tests. */
export async function lintPaths(
  paths: string[],
  options: { cwd?: string; implementation?: Implementation } = {},
): Promise<LintReport & { files: string[] }> {
  const cwd = options.cwd ?? process.cwd();
  const found: string[] = [];
  const unreadable: LintReport['unreadable'] = [];
  for (const p of paths) await collect(p, cwd, found, unreadable);

  const service = createLanguageService({ settings: options.implementation ? { implementation: options.implementation } : {} });
  const fileOf = new Map<string, string>();
  for (const file of found) {
    const uri = pathToFileURL(resolve(cwd, file)).href;
    if (fileOf.has(uri)) continue; // the same file reached through two of the given paths
    try {
      service.setFile(uri, await readFile(resolve(cwd, file), 'utf8'));
      fileOf.set(uri, file);
    } catch (err) {
      unreadable.push({ file, reason: reasonOf(err) });
    }
  }
  // Validate only once every file is in the index, so cross-file rules see the whole workspace.
  const diagnostics: LintDiagnostic[] = [];
  for (const [uri, file] of fileOf) {
    const ofFile = service.validate(uri).diagnostics.map((d): LintDiagnostic => ({
      file,
      range: d.range,
      severity: SEVERITY[d.severity ?? 1],
      code: String(d.code ?? ''),
      message: d.message,
    }));
    // One at a time: spreading 150k findings into push() overflows the call stack.
    for (const d of ofFile.sort(byPosition)) diagnostics.push(d);
  }
  return { diagnostics, unreadable, files: [...fileOf.values()] };
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
  const linted = await lintPaths(opts.paths, { cwd, implementation: opts.implementation });
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
  if (linted.files.length === 0 && linted.unreadable.length === 0)
    stderr.write(`clusterset lint: no YAML files found in ${opts.paths.join(', ')}\n`);
  if (opts.format === 'text' && linted.files.length)
    stderr.write(`${summaryLine(selected, linted.files.length, opts.quiet ? warnings : 0)}\n`);
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  if (tooManyWarnings) stderr.write(`clusterset lint: too many warnings (${warnings}, maximum ${opts.maxWarnings})\n`);

  if (linted.unreadable.length) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}
