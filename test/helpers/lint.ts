// Test helper: run the language service over in-memory files and get compact diagnostics back.
import type { ClustersetSettings } from '../../server/src/protocol';
import { createLanguageService, type LanguageService } from '../../server/src/service/languageService';
import type { RuleCrash } from '../../server/src/service/validate';

/** A rule that throws fails the test that met it (the engine would otherwise show a quiet MCS000 warning). */
function failOnRuleCrash(c: RuleCrash): never {
  const detail = c.error instanceof Error ? (c.error.stack ?? c.error.message) : String(c.error);
  throw new Error(`rule ${c.ruleId} crashed on document ${c.docIndex} of ${c.uri}: ${detail}`);
}

export interface CompactDiagnostic {
  code: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: number;
  message: string;
}

/** Files by path (`clusters/east/web.yaml`); returns the service with every file loaded. */
export function serviceWith(files: Record<string, string>, settings: Partial<ClustersetSettings> = {}): LanguageService {
  const service = createLanguageService({ settings, onRuleCrash: failOnRuleCrash });
  for (const [path, text] of Object.entries(files)) service.setFile(uriOf(path), text, 1);
  return service;
}

export function uriOf(path: string): string {
  return `file:///workspace/${path}`;
}

export function diagnosticsOf(service: LanguageService, path: string, code?: string): CompactDiagnostic[] {
  return service
    .validate(uriOf(path))
    .diagnostics.filter((d) => code === undefined || d.code === code)
    .map((d) => ({
      code: String(d.code),
      line: d.range.start.line,
      character: d.range.start.character,
      endLine: d.range.end.line,
      endCharacter: d.range.end.character,
      severity: d.severity ?? 1,
      message: d.message,
    }));
}

/** Shortcut: diagnostics with `code` for one YAML text. */
export function lintOne(text: string, code?: string, settings: Partial<ClustersetSettings> = {}): CompactDiagnostic[] {
  return diagnosticsOf(serviceWith({ 'test.yaml': text }, settings), 'test.yaml', code);
}
