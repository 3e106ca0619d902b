// A per-file cap on printed findings: a generated or hostile file can yield hundreds of thousands of
// them, which no person reads and which once crashed the CLI. The first `max` of each file (in position
// order) are printed, then one summary line per file; exit codes and counts still see every finding.
import type { LintDiagnostic, LintReport } from './report';

/** Default of --max-per-file. */
export const DEFAULT_MAX_PER_FILE = 1000;
/** A message longer than this (one quoting a 1 MB key, say) is cut: nobody reads it, CI logs choke on it. */
export const MAX_MESSAGE_CHARS = 2000;

/** `message` cut to MAX_MESSAGE_CHARS with a note of how much was left out. */
export function capMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_CHARS) return message;
  return `${message.slice(0, MAX_MESSAGE_CHARS)}… (${message.length - MAX_MESSAGE_CHARS} more characters)`;
}

/** The first `max` findings of each file (0: all), messages capped; `omitted` says what was left out. */
export function capPerFile(report: LintReport, max: number): LintReport {
  const perFile = new Map<string, number>();
  const shown: LintDiagnostic[] = [];
  for (const d of report.diagnostics) {
    const n = (perFile.get(d.file) ?? 0) + 1;
    perFile.set(d.file, n);
    if (max <= 0 || n <= max) shown.push(d.message.length > MAX_MESSAGE_CHARS ? { ...d, message: capMessage(d.message) } : d);
  }
  const omitted: NonNullable<LintReport['omitted']> = [];
  if (max > 0) for (const [file, n] of perFile) if (n > max) omitted.push({ file, shown: max, count: n - max });
  return { ...report, diagnostics: shown, ...(omitted.length ? { omitted } : {}) };
}

/** "… and 149000 more findings in this file" */
export function omittedText(o: { count: number; shown: number }): string {
  return `… and ${o.count} more finding${o.count === 1 ? '' : 's'} in this file (the first ${o.shown} ${o.shown === 1 ? 'is' : 'are'} shown; --max-per-file changes the limit)`;
}
