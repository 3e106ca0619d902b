// Findings → LSP diagnostics: paths become ranges once, here; rule docs become codeDescription links.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver-types';
import { spanForPath } from './parse/path';
import type { ParsedFile, PlacedDocument } from './parse/parsedFile';
import type { Finding, Severity } from './rules/rule';

export const DIAGNOSTIC_SOURCE = 'clusterset';
export const RULE_DOCS_BASE = 'https://github.com/clusterset/clusterset/blob/main/docs/rules/';

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

export function spanToRange(file: ParsedFile, offset: number, start: number, end: number): Range {
  return { start: file.lines.positionAt(offset + start), end: file.lines.positionAt(offset + end) };
}

/** Where a finding points, in file offsets. */
export function findingSpan(placed: PlacedDocument, f: Finding): { start: number; end: number } {
  const s = f.span ?? spanForPath(placed.doc.root, f.path, f.target) ?? { start: 0, end: 0 };
  return { start: placed.offset + s.start, end: placed.offset + s.end };
}

export type FileLookup = (uri: string) => ParsedFile | undefined;

export function findingToDiagnostic(
  file: ParsedFile,
  placed: PlacedDocument,
  f: Finding,
  severity: Severity,
  lookup: FileLookup,
  /** `findingSpan(placed, f)` when the caller has it already. */
  span = findingSpan(placed, f),
): Diagnostic {
  const d: Diagnostic = {
    range: { start: file.lines.positionAt(span.start), end: file.lines.positionAt(span.end) },
    severity: toLspSeverity(severity),
    code: f.ruleId,
    codeDescription: { href: `${RULE_DOCS_BASE}${f.ruleId}.md` },
    source: DIAGNOSTIC_SOURCE,
    message: boundMessage(f.message),
  };
  if (f.related?.length) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of f.related) {
      const other = lookup(r.uri);
      const otherPlaced = other?.documents[r.docIndex];
      if (!other || !otherPlaced) continue;
      const s = spanForPath(otherPlaced.doc.root, r.path) ?? { start: 0, end: 0 };
      related.push({
        location: { uri: r.uri, range: spanToRange(other, otherPlaced.offset, s.start, s.end) },
        message: boundMessage(r.message),
      });
    }
    if (related.length) d.relatedInformation = related;
  }
  return d;
}

/**
 * Messages quote keys and values from the file; a 1 MB key must not come back whole (in the editor, the CLI's
 * JSON or SARIF). Any run of more than 512 characters without a space (longer than any DNS name a message may
 * rightly quote whole) is cut to an excerpt that says its length.
 */
export function boundMessage(message: string): string {
  if (message.length <= 512) return message;
  const cut = message.replace(/\S{513,}/g, (run) => `${run.slice(0, 120)}… (${run.length} characters)`);
  return cut.length <= 2000 ? cut : `${cut.slice(0, 2000)}… (message cut at 2000 characters)`;
}
