// The kinds whose documents the parser keeps: what the rules declare (`Rule.kinds`) plus what they read from the
// workspace index (rules/kindsRead.ts). Every other document costs one regex test and is never parsed.
import { ALL_RULES } from '../rules/allRules';
import { INDEX_KINDS } from '../rules/kindsRead';
import { MISNAMED_KIND } from './kindSuggestion';

let kinds: ReadonlySet<string> | undefined;

/**
 * Built on first use, not at module load: some rules import parser code, so when a caller loads the rule
 * registry first, the registry is not initialised yet while this module loads (an import cycle).
 */
function kindsOfInterest(): ReadonlySet<string> {
  kinds ??= new Set([...ALL_RULES.flatMap((r) => r.kinds), ...INDEX_KINDS].filter((k) => k !== MISNAMED_KIND));
  return kinds;
}

export const KINDS_OF_INTEREST: Pick<ReadonlySet<string>, 'has'> & Iterable<string> = {
  has: (kind) => kindsOfInterest().has(kind),
  [Symbol.iterator]: () => kindsOfInterest()[Symbol.iterator](),
};
