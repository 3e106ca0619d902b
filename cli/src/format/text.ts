// Compiler-style lines (`file:line:col: severity CODE: message`, 1-based) that editors and CI problem
// matchers already understand.
import { omittedText } from './cap';
import type { LintReport } from './report';

export function formatText(report: LintReport): string {
  const omitted = new Map((report.omitted ?? []).map((o) => [o.file, o]));
  const parts: string[] = [];
  const list = report.diagnostics;
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    if (!d) continue;
    // One diagnostic per line: a newline inside a message would break problem matchers and grep.
    const message = d.message.replace(/\s*\r?\n\s*/g, ' ');
    parts.push(`${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${message}\n`);
    // After a capped file's last shown finding: its summary line (no line:col, so problem matchers skip it).
    const o = omitted.get(d.file);
    if (o && list[i + 1]?.file !== d.file) parts.push(`${d.file}: ${omittedText(o)}\n`);
  }
  return parts.join('');
}

/** The closing count, e.g. "2 errors, 1 warning in 3 files", written to stderr so stdout stays one line per problem. */
export function summaryLine(report: LintReport, fileCount: number, hiddenWarnings: number): string {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  let errors = 0;
  let warnings = hiddenWarnings;
  for (const d of report.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  const hidden = hiddenWarnings ? ` (${hiddenWarnings} hidden by --quiet)` : '';
  return `${count(errors, 'error')}, ${count(warnings, 'warning')}${hidden} in ${count(fileCount, 'file')}`;
}
