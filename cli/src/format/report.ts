// What `clusterset lint` found, independent of how it is printed: the formatters turn this into text,
// JSON or SARIF.
import type { Range } from 'vscode-languageserver-types';

export type LintSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface LintDiagnostic {
  /** The path as given on the command line or found by walking a directory given there. */
  file: string;
  /** 0-based, end exclusive, UTF-16 columns: exactly the LSP range. */
  range: Range;
  severity: LintSeverity;
  code: string;
  message: string;
}

export interface LintReport {
  diagnostics: LintDiagnostic[];
  /** Files that could not be read, with the reason (they are not linted; the rest still is). */
  unreadable: Array<{ file: string; reason: string }>;
  /** Files whose findings were cut at the per-file cap: how many were shown, how many more there are. */
  omitted?: Array<{ file: string; shown: number; count: number }>;
}
