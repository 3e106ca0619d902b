// Suppressing rules: `# clusterset-disable-next-line MCS101` for the next line,
// `# clusterset-disable MCS101` (or no ids: every rule) for the whole file, and the annotation
// `clusterset.dev/disable: "MCS101,MCS006"` for one object.
import { stringAt } from './parse/path';
import type { ParsedDocument } from './parse/parsedDocument';

export const DISABLE_ANNOTATION = 'clusterset.dev/disable';
const COMMENT = /#\s*clusterset-disable(-next-line)?\b([^\n]*)/g;

export interface FileSuppressions {
  /** Rule ids off for the whole file; '*' means all. */
  readonly file: ReadonlySet<string>;
  /** Line (0-based) → rule ids off on that line; '*' means all. */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
}

/** What a file without a suppression comment gets (most files): one shared, never written. */
const NONE: FileSuppressions = { file: new Set(), lines: new Map() };

function parseIds(rest: string): Set<string> {
  const ids = rest.match(/MCS\d{3}/g);
  return new Set(ids && ids.length ? ids : ['*']);
}

export function scanSuppressions(text: string, lineOf: (offset: number) => number): FileSuppressions {
  // Cheap bail-out: most files have no suppression comment at all.
  if (!text.includes('clusterset-disable')) return NONE;
  const result = { file: new Set<string>(), lines: new Map<number, Set<string>>() };
  for (const m of text.matchAll(COMMENT)) {
    const ids = parseIds(m[2]);
    if (m[1]) {
      const line = lineOf(m.index ?? 0) + 1;
      const set = result.lines.get(line) ?? new Set<string>();
      for (const id of ids) set.add(id);
      result.lines.set(line, set);
    } else {
      for (const id of ids) result.file.add(id);
    }
  }
  return result;
}

export function isSuppressed(s: FileSuppressions, ruleId: string, line: number): boolean {
  if (s.file.has('*') || s.file.has(ruleId)) return true;
  const set = s.lines.get(line);
  return !!set && (set.has('*') || set.has(ruleId));
}

/** Rule ids the object turns off through its annotation. */
export function annotationSuppressions(doc: ParsedDocument): Set<string> | undefined {
  // The key's text is in the document unless a double-quoted key spells it with escapes: without either, no
  // lookup (it ran for every object, and almost none has the annotation).
  if (!doc.text.includes(DISABLE_ANNOTATION) && !doc.text.includes('\\')) return undefined;
  const v = stringAt(doc.root, ['metadata', 'annotations', DISABLE_ANNOTATION]);
  return v === undefined ? undefined : parseIds(v);
}
