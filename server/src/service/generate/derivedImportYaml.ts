// Renders a derived ServiceImport as the read-only YAML preview: the object a controller would create, with
// comments that say which cluster contributed what and which Conflict conditions the exports would carry.
import { Document, isMap, isSeq, type Node } from 'yaml';
import type { DerivedImport } from './derivedImport';

const MCS_API_VERSION = 'multicluster.x-k8s.io/v1alpha1';

function importObject(d: DerivedImport, apiVersion: string): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    type: d.type,
    ports: d.ports.map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      protocol: p.protocol,
      port: p.port,
      ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
    })),
  };
  if (d.type === 'ClusterSetIP') spec.sessionAffinity = d.sessionAffinity;
  if (d.sessionTimeout && d.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: Number(d.sessionTimeout) } };
  }
  if (d.ipFamilies?.length) spec.ipFamilies = d.ipFamilies;
  if (d.internalTrafficPolicy !== 'Cluster') spec.internalTrafficPolicy = d.internalTrafficPolicy;
  if (d.trafficDistribution) spec.trafficDistribution = d.trafficDistribution;
  const metadata: Record<string, unknown> = { name: d.name, namespace: d.namespace };
  if (Object.keys(d.labels).length) metadata.labels = d.labels;
  if (Object.keys(d.annotations).length) metadata.annotations = d.annotations;
  return { apiVersion, kind: 'ServiceImport', metadata, spec };
}

function header(d: DerivedImport): string {
  const lines = [
    ` Derived ServiceImport ${d.namespace}/${d.name} — a preview of what the MCS controller creates in every`,
    ` cluster that has the namespace. Do not apply it: only the controller should manage ServiceImports.`,
    ` Exported from ${d.contributions.length} cluster(s), oldest first ${
      d.orderedBy === 'creationTimestamp'
        ? '(by the exports\u2019 metadata.creationTimestamp)'
        : '(assumed: the files carry no creationTimestamp, so ties go by cluster name as Cilium breaks them)'
    }:`,
    ...d.contributions.map(
      (c) =>
        `   ${c.cluster}: ${c.serviceType}${c.type === 'Headless' ? ' (headless)' : ''}, ports ${
          c.ports.map((p) => `${p.port}/${p.protocol}`).join(' ') || 'none'
        }`,
    ),
    ...d.excluded.map((e) => `   ${e.cluster}: not part of the import — ${e.why}`),
    d.conflicts.length
      ? ` Conflict=True on every export (reasons ${d.conflicts.map((c) => c.reason).join(',')}); the oldest export wins:`
      : ' Conflict=False (NoConflicts): the exports agree on every global property.',
    ...d.conflicts.map((c) => `   ${c.reason}: ${c.detail}`),
    ` Clients use ${d.name}.${d.namespace}.svc.clusterset.local.`,
    // The preview is the controller's object, so the "hand-written ServiceImport" warning does not apply to it.
    ' clusterset-disable MCS401',
  ];
  return lines.join('\n');
}

/** The preview text. `apiVersion` follows the CRD version the workspace targets (v1alpha1 by default). */
export function renderDerivedImport(d: DerivedImport, apiVersion = MCS_API_VERSION): string {
  const doc = new Document(importObject(d, apiVersion));
  doc.commentBefore = header(d);
  const spec = doc.get('spec', true) as Node | undefined;
  const ports = isMap(spec) ? spec.get('ports', true) : undefined;
  if (isSeq(ports)) {
    ports.items.forEach((item, i) => {
      const p = d.ports[i];
      (item as Node).commentBefore = ` from ${p.clusters.join(', ')}`;
    });
  }
  return doc.toString({ lineWidth: 0 });
}
