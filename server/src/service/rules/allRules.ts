// The rule registry. One rule per file; add new rules here.
import { mcs001 } from './MCS001-unknown-mcs-group-version';
import type { Rule } from './rule';

export const ALL_RULES: readonly Rule[] = [mcs001];

export function rulesByKind(rules: readonly Rule[] = ALL_RULES): Map<string, Rule[]> {
  const map = new Map<string, Rule[]>();
  for (const r of rules) {
    for (const k of r.kinds) {
      let list = map.get(k);
      if (!list) map.set(k, (list = []));
      list.push(r);
    }
  }
  return map;
}
