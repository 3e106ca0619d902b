// Quick fixes: the fixes rules attached to their findings, plus "suppress this rule" for every finding.
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { pairAt, spanForPath } from './parse/path';
import type { ParsedFile } from './parse/parsedFile';
import type { FixEdit, QuickFix } from './rules/rule';
import type { LocatedFinding } from './validate';

function toRange(file: ParsedFile, start: number, end: number): Range {
  return { start: file.lines.positionAt(start), end: file.lines.positionAt(end) };
}

function editFor(file: ParsedFile, docIndex: number, e: FixEdit): TextEdit | undefined {
  const placed = file.documents[docIndex];
  if (!placed) return undefined;
  const base = placed.offset;
  switch (e.op) {
    case 'replaceValue': {
      const s = spanForPath(placed.doc.root, e.path, 'value');
      return s ? { range: toRange(file, base + s.start, base + s.end), newText: e.text } : undefined;
    }
    case 'renameKey': {
      const pair = pairAt(placed.doc.root, e.path);
      return pair ? { range: toRange(file, base + pair.key.start, base + pair.key.end), newText: e.newKey } : undefined;
    }
    case 'insertText':
      return { range: toRange(file, base + e.at, base + e.at), newText: e.text };
    case 'replaceSpan':
      return { range: toRange(file, base + e.start, base + e.end), newText: e.text };
  }
}

function fixToAction(
  file: ParsedFile,
  lf: LocatedFinding,
  fix: QuickFix,
  diagnostic: Diagnostic | undefined,
): CodeAction | undefined {
  const edits: TextEdit[] = [];
  for (const e of fix.edits) {
    const te = editFor(file, lf.docIndex, e);
    if (!te) return undefined;
    edits.push(te);
  }
  const edit: WorkspaceEdit = {};
  if (fix.newFile) {
    edit.documentChanges = [
      { kind: 'create', uri: fix.newFile.uri, options: { ignoreIfExists: true } },
      {
        textDocument: { uri: fix.newFile.uri, version: null },
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: fix.newFile.text }],
      },
    ];
    if (edits.length) edit.documentChanges.push({ textDocument: { uri: file.uri, version: file.version }, edits });
  } else {
    edit.changes = { [file.uri]: edits };
  }
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    isPreferred: fix.preferred,
    edit,
  };
}

function suppressAction(file: ParsedFile, lf: LocatedFinding, diagnostic: Diagnostic | undefined): CodeAction {
  const pos = file.lines.positionAt(lf.start);
  const lineStart = file.lines.offsetAt({ line: pos.line, character: 0 });
  const indent = /^[ \t-]*/.exec(file.text.slice(lineStart, lineStart + 200))?.[0].replace(/-/g, ' ') ?? '';
  const text = `${indent}# clusterset-disable-next-line ${lf.finding.ruleId}\n`;
  return {
    title: `Suppress ${lf.finding.ruleId} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    edit: {
      changes: {
        [file.uri]: [
          { range: { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: 0 } }, newText: text },
        ],
      },
    },
  };
}

function overlaps(file: ParsedFile, lf: LocatedFinding, range: Range): boolean {
  const s = file.lines.offsetAt(range.start);
  const e = file.lines.offsetAt(range.end);
  return lf.start <= e && s <= lf.end;
}

export function codeActionsFor(
  file: ParsedFile,
  findings: readonly LocatedFinding[],
  range: Range,
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const lf of findings) {
    if (!overlaps(file, lf, range)) continue;
    const diag = diagnostics.find((d) => d.code === lf.finding.ruleId && d.message === lf.finding.message);
    for (const fix of lf.finding.fixes ?? []) {
      const a = fixToAction(file, lf, fix, diag);
      if (a) actions.push(a);
    }
    actions.push(suppressAction(file, lf, diag));
  }
  return actions;
}
