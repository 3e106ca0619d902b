// Shared by the MCS7xx tests: a ClusterSet file per test, full diagnostics (with related information),
// and applying a quick fix's edits to the text so the test can re-lint the result.
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { ClustersetSettings } from '../../../../../server/src/protocol';
import { LineIndex } from '../../../../../server/src/service/parse/lineIndex';
import { serviceWith, uriOf } from '../../../../helpers/lint';

export const CS_PATH = 'clusterset.yaml';
export const CS_URI = uriOf(CS_PATH);

/** A ClusterSet document with `spec` lines appended verbatim (two-space indented by the caller). */
export function clusterSet(spec: string): string {
  return `apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata:\n  name: prod\nspec:\n${spec}`;
}

export function lintFull(text: string, code?: string, settings: Partial<ClustersetSettings> = {}): Diagnostic[] {
  const s = serviceWith({ [CS_PATH]: text }, settings);
  return s.validate(CS_URI).diagnostics.filter((d) => code === undefined || d.code === code);
}

/** [code, line, startChar, endChar, severity] of each diagnostic, for exact comparisons. */
export function brief(ds: readonly Diagnostic[]): Array<[string, number, number, number, number]> {
  return ds.map((d) => [String(d.code), d.range.start.line, d.range.start.character, d.range.end.character, d.severity ?? 1]);
}

export function actionsAt(text: string, diagnostic: Diagnostic, settings: Partial<ClustersetSettings> = {}): CodeAction[] {
  const s = serviceWith({ [CS_PATH]: text }, settings);
  const all = s.validate(CS_URI).diagnostics;
  return s.codeActions(CS_URI, diagnostic.range, all);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of offsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export function applyAction(text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[CS_URI];
  if (!edits) throw new Error(`action ${action.title} has no edits for ${CS_URI}`);
  return applyEdits(text, edits);
}
