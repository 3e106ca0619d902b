// The kinds whose documents the parser keeps: what the rules declare (`Rule.kinds`) plus what they read from the
// workspace index (rules/kindsRead.ts). Every other document costs one regex test and is never parsed.
import { ALL_RULES } from '../rules/allRules';
import { INDEX_KINDS, KIND_MARKERS } from '../rules/kindsRead';
import { MISNAMED_KIND } from './kindSuggestion';

let kinds: ReadonlySet<string> | undefined;

/**
 * Built on first use, not at load: the rules import the parser, so a program that loads the rule registry
 * first (the rule-docs test does) reaches this module before ALL_RULES is initialised.
 */
export function kindsOfInterest(): ReadonlySet<string> {
  kinds ??= new Set([...ALL_RULES.flatMap((r) => r.kinds), ...INDEX_KINDS].filter((k) => k !== MISNAMED_KIND));
  return kinds;
}

/** The marker a document of `kind` must contain to be parsed for it, if its kind has one (rules/kindsRead.ts). */
export function kindMarker(kind: string): RegExp | undefined {
  return KIND_MARKERS.get(kind);
}
