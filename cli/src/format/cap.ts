// A per-file cap on printed findings: a generated or hostile file can yield hundreds of thousands of
// them, which no person reads and which once crashed the CLI. The first `max` of each file (in position
// order) are printed, then one summary line per file; exit codes and counts still see every finding.
import type { LintDiagnostic, LintReport } from './report';

/** Default of --max-per-file. */
export const DEFAULT_MAX_PER_FILE = 1000;

export function capPerFile(report: LintReport, max: number): LintReport {
  if (max <= 0) return report;
  const perFile = new Map<string, number>();
  const shown: LintDiagnostic[] = [];
  for (const d of report.diagnostics) {
    const n = (perFile.get(d.file) ?? 0) + 1;
    perFile.set(d.file, n);
    if (n <= max) shown.push(d);
  }
  const omitted: NonNullable<LintReport['omitted']> = [];
  for (const [file, n] of perFile) if (n > max) omitted.push({ file, shown: max, count: n - max });
  return omitted.length ? { ...report, diagnostics: shown, omitted } : report;
}

/** "… and 149000 more findings in this file" */
export function omittedText(o: { count: number; shown: number }): string {
  return `… and ${o.count} more finding${o.count === 1 ? '' : 's'} in this file (the first ${o.shown} ${o.shown === 1 ? 'is' : 'are'} shown; --max-per-file changes the limit)`;
}
