// MCS005: a field the installed CRD release does not have yet (facts §1, schema evolution): exportedLabels/
// exportedAnnotations from v0.2.0; ipFamilies, internalTrafficPolicy, trafficDistribution and ServiceImport
// status.conditions from v0.4.0; status.endpointSliceObjects from v0.5.1. The `since` of each field lives
// in the schema; the installed release comes from clusterset.crdVersion or the profile (crdRelease.ts).
import { formatPath, keyText, type NodePath } from '../parse/path';
import type { YNode } from '../parse/yamlTree';
import { schemaFor, type FieldSchema } from '../model/schemas';
import { installedCrds, releaseBefore } from '../model/schemas/crdRelease';
import type { Finding, Rule, RuleContext } from './rule';

interface NewField {
  path: NodePath;
  schema: FieldSchema & { since: string };
}

/** Present fields whose `since` is after `release`; only objects are descended (every versioned field sits in one). */
function newerFields(node: YNode, schema: FieldSchema, path: NodePath, release: string, out: NewField[]): void {
  if (node.type !== 'map' || schema.type !== 'object' || !schema.fields) return;
  for (const p of node.pairs) {
    const k = keyText(p);
    if (k === undefined || !Object.prototype.hasOwnProperty.call(schema.fields, k)) continue;
    const child = schema.fields[k];
    if (child.since && releaseBefore(release, child.since)) out.push({ path: [...path, k], schema: child as NewField['schema'] });
    else if (p.value) newerFields(p.value, child, [...path, k], release, out);
  }
}

export const mcs005: Rule = {
  id: 'MCS005',
  title: 'Field newer than the installed CRDs',
  severity: 'warning',
  kinds: ['ServiceExport', 'ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const { root, apiVersion, kind } = ctx.doc;
    const schema = schemaFor(apiVersion, kind);
    const installed = installedCrds(ctx.settings);
    if (!root || !schema || !installed.release) return [];
    const found: NewField[] = [];
    newerFields(root, schema.root, [], installed.release, found);
    return found.map(({ path, schema: field }) => {
      const added = field.sinceNote ?? `in mcs-api ${field.since}`;
      return {
        ruleId: 'MCS005',
        // A release the user named is a fact about their clusters: strict validation (kubectl's default)
        // then rejects the object, an error like MCS004's. An inferred one (the aws profile) stays a warning.
        ...(ctx.settings.crdVersion.trim() ? { severity: 'error' as const } : {}),
        message: `${formatPath(path)} was added to the ${kind} CRD ${added}, but ${installed.source}: the API server rejects the object under strict field validation or prunes the field, so the controller never sees it. Upgrade the CRDs (then raise crdVersion) or remove the field.`,
        path,
        target: 'key',
      };
    });
  },
};
