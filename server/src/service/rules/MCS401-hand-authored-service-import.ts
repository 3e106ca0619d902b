// MCS401: a ServiceImport in the workspace (outside test fixtures) is hand-authored. The MCS controller
// owns ServiceImports: it creates, rewrites and deletes them from the ServiceExports (facts §3).
import { isFixturePath, isServerDump, objectLabel } from './MCS4xx-import-helpers';
import { sourceNote } from '../workspaceSettings';
import type { Finding, Rule, RuleContext } from './rule';

/** Who creates ServiceImports in each profile (facts §8). */
const CONTROLLER: Record<string, string> = {
  cilium: 'Cilium ClusterMesh',
  submariner: 'the Submariner Lighthouse agent',
  gke: 'the GKE MCS importer',
  istio: 'the MCS controller (Istio only reads imports)',
  aws: 'the AWS Cloud Map MCS controller',
};

export const mcs401: Rule = {
  id: 'MCS401',
  title: 'Hand-authored ServiceImport',
  severity: 'warning',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    // A test fixture, or a `kubectl get -o yaml` dump: the controller wrote it, nobody authored it.
    if (isFixturePath(ctx.index.workspacePath(ctx.uri)) || isServerDump(ctx.doc)) return [];
    const label = objectLabel(ctx.doc);
    // The reference controller (generic profile) only derives Services from imports that already exist,
    // so its demo creates ServiceImports by hand: there this is expected, not a mistake.
    if (ctx.settings.implementation === 'generic') {
      return [
        {
          ruleId: 'MCS401',
          severity: 'hint',
          message: `ServiceImport ${label} is written by hand. Fine with the mcs-api reference controller, which only derives a Service from existing imports; a full MCS controller (Cilium, Submariner, GKE, AWS) would overwrite or delete it.`,
          path: ['kind'],
        },
      ];
    }
    return [
      {
        ruleId: 'MCS401',
        message: `ServiceImport ${label} is written by hand: ${CONTROLLER[ctx.settings.implementation] ?? 'the MCS controller'} owns ServiceImports and will overwrite or delete this one (it creates them from ServiceExports). Export the Service with a ServiceExport in each source cluster instead. Implementation: ${ctx.settings.implementation}${sourceNote(ctx.settings)}.`,
        path: ['kind'],
      },
    ];
  },
};
