// MCS902: Cilium exports only from global namespaces; a Namespace annotated
// clustermesh.cilium.io/global: "false" makes the ServiceExport Valid=False (NamespaceNotGlobal) and the
// import Ready=False (facts §2, §8.1). The Helm default (clustermesh.defaultGlobalNamespace) is not in the
// workspace, so only an explicit "false" is reported.
import { stringAt } from '../parse/path';
import { clusterOfUri } from '../workspaceIndex';
import type { Finding, Rule, RuleContext } from './rule';

const GLOBAL_ANNOTATION = 'clustermesh.cilium.io/global';

export const mcs902: Rule = {
  id: 'MCS902',
  title: 'Cilium namespace not global',
  severity: 'warning',
  kinds: ['ServiceExport'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    if (ctx.settings.implementation !== 'cilium') return [];
    const ns = stringAt(ctx.doc.root, ['metadata', 'namespace']);
    if (!ns) return [];
    const cluster = clusterOfUri(ctx.uri);
    const namespaces = ctx.index.find('Namespace', undefined, ns).filter((o) => !cluster || !o.cluster || o.cluster === cluster);
    const notGlobal = namespaces.find(
      (o) => stringAt(o.doc.root, ['metadata', 'annotations', GLOBAL_ANNOTATION])?.toLowerCase() === 'false',
    );
    if (!notGlobal) return [];
    return [
      {
        ruleId: 'MCS902',
        message: `Namespace ${ns} is annotated ${GLOBAL_ANNOTATION}: "false": Cilium sets Valid=False (NamespaceNotGlobal) on this ServiceExport and Ready=False on the ServiceImport, so nothing is exported. Set the annotation to "true" or remove it (if global namespaces are the default).`,
        path: ['metadata', 'namespace'],
        related: [
          {
            uri: notGlobal.uri,
            docIndex: notGlobal.docIndex,
            path: ['metadata', 'annotations', GLOBAL_ANNOTATION],
            message: `${ns} is not global for ClusterMesh`,
          },
        ],
      },
    ];
  },
};
