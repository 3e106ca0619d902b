// MCS101: a ServiceExport exports the Service of the same namespace/name in its own cluster; without one
// nothing is exported (Valid=False NoService; Submariner ServiceUnavailable; the AWS controller deletes the export).
import type { Implementation } from '../../protocol';
import { clustersMatch, exportsForService, servicesForExport, selfIn } from '../model/exportedServices';
import { displayPath } from '../workspaceSettings';
import { isDns1035Label, isSimilarName } from '../model/names';
import type { IndexedObject, WorkspaceIndex } from '../workspaceIndex';
import type { Finding, QuickFix, Rule, RuleContext } from './rule';
// An export in `default` and a Service without a namespace are the same namespace (workspaceIndex keys them alike).

export const mcs101: Rule = {
  id: 'MCS101',
  title: 'ServiceExport without a matching Service',
  severity: 'warning',
  kinds: ['ServiceExport'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const self = selfIn(ctx.index, ctx.uri, ctx.docIndex);
    // A name no Service can have is MCS105's finding; a skeleton with that name would be invalid too.
    if (!self?.name || !isDns1035Label(self.name) || servicesForExport(ctx.index, self).length > 0) return [];
    const unplaced = namespacelessService(ctx.index, self);
    if (unplaced) return [namespaceRisk(self, unplaced)];
    const where = `${self.namespace ? `namespace ${self.namespace}` : 'the same namespace (metadata.namespace unset)'}${self.cluster ? ` in cluster ${self.cluster}` : ''}`;
    const elsewhere = otherClusters(ctx.index, self);
    const similar = similarServices(ctx.index, self);
    let message = `No Service named ${self.name} in ${where}: ${consequence(ctx.settings.implementation)}`;
    if (elsewhere.length)
      message += ` Cluster ${elsewhere.join(', ')} has one, but an export only exports the Service of its own cluster.`;
    if (similar.length) message += ` Did you mean ${similar.map((s) => s.name).join(' or ')}?`;
    message += ` Create the Service or rename the export to match it.`;
    const fixes: QuickFix[] = [createServiceFix(self, ctx.doc.text)];
    for (const s of similar)
      fixes.push({
        title: `Rename export to ${s.name}`,
        edits: [{ op: 'replaceValue', path: ['metadata', 'name'], text: s.name ?? '' }],
      });
    return [
      {
        ruleId: 'MCS101',
        message,
        path: ['metadata', 'name'],
        related: similar.map((s) => ({
          uri: s.uri,
          docIndex: s.docIndex,
          path: ['metadata', 'name'],
          message: `Similarly named Service ${s.name}`,
        })),
        fixes,
      },
    ];
  },
};

function consequence(impl: Implementation): string {
  switch (impl) {
    case 'submariner':
      return 'Lighthouse will set Valid=False (ServiceUnavailable) and nothing is exported.';
    case 'aws':
      return 'the AWS Cloud Map controller deletes this ServiceExport.';
    default:
      return 'the MCS controller will set Valid=False (NoService) and nothing is exported.';
  }
}

/** A Service of the export's name and cluster with no metadata.namespace, when the export names one. */
function namespacelessService(index: WorkspaceIndex, self: IndexedObject): IndexedObject | undefined {
  if (!self.namespace || self.namespace === 'default') return undefined;
  return index
    .find('Service', undefined, self.name)
    .find((s) => s.namespace === undefined && clustersMatch(s.cluster, self.cluster));
}

/** The Service may well land in the export's namespace (kubectl -n, kustomize): a risk to state, not an error. */
function namespaceRisk(self: IndexedObject, svc: IndexedObject): Finding {
  return {
    ruleId: 'MCS101',
    severity: 'information',
    message: `ServiceExport ${self.namespace}/${self.name} names namespace ${self.namespace}, but Service ${self.name} (${displayPath(svc.uri)}) has no metadata.namespace: it is exported only if it is applied into ${self.namespace} (kubectl apply -n ${self.namespace}, a context whose namespace is ${self.namespace}, or a kustomization with namespace: ${self.namespace}); applied with the default context it lands in default and the export reports NoService. Set metadata.namespace: ${self.namespace} on the Service to make it certain.`,
    path: ['metadata', 'namespace'],
    related: [{ uri: svc.uri, docIndex: svc.docIndex, path: ['metadata', 'name'], message: 'The Service without a namespace' }],
  };
}

function otherClusters(index: WorkspaceIndex, self: IndexedObject): string[] {
  const names = index.find('Service', self.namespace, self.name).map((s) => s.cluster ?? '');
  return [...new Set(names.filter((c) => c !== ''))].sort();
}

/** Services in the export's namespace and cluster whose name is close, and that no other export already exports. */
function similarServices(index: WorkspaceIndex, self: IndexedObject): IndexedObject[] {
  const out: IndexedObject[] = [];
  for (const s of servicesIn(index, self.namespace, self.cluster)) {
    if (!s.name || !self.name) continue;
    if (isSimilarName(self.name, s.name) && exportsForService(index, s).length === 0) out.push(s);
  }
  return out.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')).slice(0, 3);
}

/**
 * The Services of exactly this namespace (unset is not `default` here) and cluster, in index order. Grouped once
 * per index revision: scanning every Service for every export without one is quadratic in a GitOps repository.
 */
function servicesIn(index: WorkspaceIndex, namespace: string | undefined, cluster: string | undefined): readonly IndexedObject[] {
  const groups = index.memo('servicesByNamespaceAndCluster', 'Service', undefined, undefined, () => {
    const byGroup = new Map<string, IndexedObject[]>();
    for (const s of index.ofKind('Service')) {
      const k = groupKey(s.namespace, s.cluster);
      const list = byGroup.get(k);
      if (list) list.push(s);
      else byGroup.set(k, [s]);
    }
    return byGroup;
  });
  return groups.get(groupKey(namespace, cluster)) ?? [];
}

const groupKey = (namespace: string | undefined, cluster: string | undefined): string =>
  `${namespace === undefined ? '\u0001' : `n${namespace}`}\u0000${cluster === undefined ? '\u0001' : `c${cluster}`}`;

/** Appends a Service skeleton after the export's document, so the pair stays together in one file. */
function createServiceFix(self: IndexedObject, docText: string): QuickFix {
  const name = self.name ?? 'service';
  const lines = ['---', 'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`];
  if (self.namespace) lines.push(`  namespace: ${self.namespace}`);
  lines.push(
    'spec:',
    '  selector:',
    `    app: ${name}`,
    '  ports:',
    '  - name: http',
    '    protocol: TCP',
    '    port: 80 # placeholder: the port clients call',
    '    targetPort: 80 # placeholder: the port your Pods listen on',
  );
  // Keep the file's line endings; start on a new line even when the document has no final newline.
  const eol = docText.includes('\r\n') ? '\r\n' : '\n';
  const prefix = docText.length === 0 || docText.endsWith('\n') ? '' : eol;
  return {
    title: `Create Service ${name} skeleton`,
    edits: [{ op: 'insertText', at: docText.length, text: `${prefix}${lines.join(eol)}${eol}` }],
    preferred: true,
  };
}
