// The rule registry: one file per catalogue section under registry/, one rule per file beside this one.
import { CLUSTER_IDENTITY_RULES } from './registry/clusterIdentity';
import { CLUSTERSET_FILE_RULES } from './registry/clustersetFile';
import { CONFLICTS_RULES } from './registry/conflicts';
import { DNS_RULES } from './registry/dns';
import { ENDPOINT_SLICES_RULES } from './registry/endpointSlices';
import { EXPORTED_SERVICE_RULES } from './registry/exportedService';
import { EXPORTS_RULES } from './registry/exports';
import { IMPORTS_RULES } from './registry/imports';
import { PROFILES_RULES } from './registry/profiles';
import { STRUCTURE_RULES } from './registry/structure';
import type { Rule } from './rule';

export const ALL_RULES: readonly Rule[] = [
  ...STRUCTURE_RULES,
  ...EXPORTS_RULES,
  ...CONFLICTS_RULES,
  ...EXPORTED_SERVICE_RULES,
  ...IMPORTS_RULES,
  ...ENDPOINT_SLICES_RULES,
  ...CLUSTER_IDENTITY_RULES,
  ...CLUSTERSET_FILE_RULES,
  ...DNS_RULES,
  ...PROFILES_RULES,
];

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
