// Compiler-style lines (`file:line:col: severity CODE: message`, 1-based) that editors and CI problem
// matchers already understand.
import type { LintReport } from './report';

export function formatText(report: LintReport): string {
  let out = '';
  for (const d of report.diagnostics) {
    // One diagnostic per line: a newline inside a message would break problem matchers and grep.
    const message = d.message.replace(/\s*\r?\n\s*/g, ' ');
    out += `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${message}\n`;
  }
  return out;
}

/** The closing count, e.g. "2 errors, 1 warning in 3 files", written to stderr so stdout stays one line per problem. */
export function summaryLine(report: LintReport, fileCount: number, hiddenWarnings: number): string {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length + hiddenWarnings;
  const hidden = hiddenWarnings ? ` (${hiddenWarnings} hidden by --quiet)` : '';
  return `${count(errors, 'error')}, ${count(warnings, 'warning')}${hidden} in ${count(fileCount, 'file')}`;
}
