// Test helper: find a quick fix by title for a diagnostic and apply its edits to the file's text.
import type { TextEdit } from 'vscode-languageserver-types';
import type { LanguageService } from '../../server/src/service/languageService';
import { uriOf } from './lint';

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offsetOf = (p: { line: number; character: number }): number => {
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetOf(e.range.start)) + e.newText + out.slice(offsetOf(e.range.end));
  return out;
}

/** Titles of the code actions offered for the diagnostics with `code` in `path`. */
export function fixTitles(service: LanguageService, path: string, code: string): string[] {
  const uri = uriOf(path);
  const diags = service.validate(uri).diagnostics.filter((d) => d.code === code);
  return diags.flatMap((d) =>
    service
      .codeActions(uri, d.range, [d])
      .filter((a) => a.diagnostics?.some((x) => x.code === code))
      .map((a) => a.title),
  );
}

/** The text of `path` after applying the fix titled `title` of the first `code` diagnostic. */
export function applyFix(service: LanguageService, path: string, code: string, title: string): string {
  const uri = uriOf(path);
  const diags = service.validate(uri).diagnostics.filter((d) => d.code === code);
  for (const d of diags) {
    const action = service.codeActions(uri, d.range, [d]).find((a) => a.title === title);
    const edits = action?.edit?.changes?.[uri];
    if (edits) return applyTextEdits(service.getFile(uri)?.text ?? '', edits);
  }
  throw new Error(`no fix "${title}" for ${code}; offered: ${fixTitles(service, path, code).join(' | ')}`);
}
