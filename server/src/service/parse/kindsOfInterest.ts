// The kinds whose documents the parser keeps: what the rules declare (`Rule.kinds`) plus what they read from the
// workspace index (rules/kindsRead.ts). Every other document costs one regex test and is never parsed.
import { ALL_RULES } from '../rules/allRules';
import { INDEX_KINDS } from '../rules/kindsRead';
import { MISNAMED_KIND } from './kindSuggestion';

export const KINDS_OF_INTEREST: ReadonlySet<string> = new Set(
  [...ALL_RULES.flatMap((r) => r.kinds), ...INDEX_KINDS].filter((k) => k !== MISNAMED_KIND),
);
