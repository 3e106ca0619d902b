// The JSON contract: `{"diagnostics":[{file, range, severity, code, message}]}` with LSP (0-based) positions,
// plus `"omitted":[{file, shown, count}]` when a file's findings were cut at the per-file cap.
// Scripts depend on this shape: add fields only, never rename or drop one.
import { omittedText } from './cap';
import type { LintReport } from './report';

export function formatJson(report: LintReport): string {
  const diagnostics = report.diagnostics.map((d) => ({
    file: d.file,
    range: {
      start: { line: d.range.start.line, character: d.range.start.character },
      end: { line: d.range.end.line, character: d.range.end.character },
    },
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
  const omitted = report.omitted?.length ? { omitted: report.omitted.map((o) => ({ ...o, message: omittedText(o) })) } : {};
  return `${JSON.stringify({ diagnostics, ...omitted })}\n`;
}
