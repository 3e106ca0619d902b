// The schemas of the kinds Clusterset knows, and lookups by path, shared by hover, completion and rules.
import { CLUSTERSET_FILE_API_VERSION, splitApiVersion } from '../apiVersions';
import { CLUSTER_PROPERTY } from './clusterProperty';
import { CLUSTER_SET } from './clusterSet';
import { SERVICE_EXPORT } from './serviceExport';
import { SERVICE_IMPORT } from './serviceImport';
import type { FieldSchema, KindSchema } from './types';
import type { NodePath } from '../../parse/path';

export type { FieldSchema, FieldType, KindSchema, KnownMistake } from './types';

export const KIND_SCHEMAS: readonly KindSchema[] = [SERVICE_EXPORT, SERVICE_IMPORT, CLUSTER_PROPERTY, CLUSTER_SET];

const BY_KIND = new Map(KIND_SCHEMAS.map((s) => [s.kind, s]));

/**
 * The schema for a document. MCS kinds and ClusterProperty are matched by kind whatever the group (a wrong
 * group is MCS001/MCS003's finding, and the author still means this kind). `ClusterSet` is matched only in
 * our group, because other projects (e.g. Antrea) have a ClusterSet kind of their own.
 */
export function schemaFor(apiVersion: string | undefined, kind: string | undefined): KindSchema | undefined {
  if (!kind) return undefined;
  const schema = BY_KIND.get(kind);
  if (
    schema === CLUSTER_SET &&
    apiVersion !== undefined &&
    splitApiVersion(apiVersion).group !== splitApiVersion(CLUSTERSET_FILE_API_VERSION).group
  )
    return undefined;
  return schema;
}

/** The schema of the field at `path` (numbers step into arrays; map keys are free), or undefined. */
export function fieldAt(schema: KindSchema, path: NodePath): FieldSchema | undefined {
  let cur: FieldSchema | undefined = schema.root;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') cur = cur.type === 'array' ? cur.items : undefined;
    else if (cur.type === 'object') cur = cur.open ? undefined : cur.fields?.[seg];
    else if (cur.type === 'map') cur = cur.values;
    else return undefined;
  }
  return cur;
}

/** apiVersion values valid for a kind (the GKE group only in the gke profile). */
export function apiVersionsFor(kind: string | undefined, implementation: string): string[] {
  const out: string[] = [];
  for (const s of KIND_SCHEMAS) {
    if (kind && s.kind !== kind) continue;
    for (const v of s.versions) out.push(`${s.group}/${v}`);
    if (implementation === 'gke' && (s.kind === 'ServiceExport' || s.kind === 'ServiceImport')) out.push('net.gke.io/v1');
  }
  return [...new Set(out)];
}

/** Markdown describing an apiVersion value, or undefined when it says nothing we know. */
export function apiVersionDoc(apiVersion: string, kind: string | undefined): string | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  if (group === 'multicluster.x-k8s.io') {
    if (version === 'v1alpha1')
      return '**multicluster.x-k8s.io/v1alpha1**: served by every mcs-api release and read by CoreDNS, Submariner, Istio (default), AWS and Cilium ≤ 1.19. Schema identical to v1beta1.';
    if (version === 'v1beta1')
      return '**multicluster.x-k8s.io/v1beta1**: served from mcs-api v0.5.0 (storage version there), schema identical to v1alpha1. Cilium 1.20 needs it; CoreDNS, Istio and older implementations read v1alpha1, so keep both served.';
  }
  if (group === 'multicluster.k8s.io')
    return "**multicluster.k8s.io** appears only in the KEP's examples: no CRD serves it. Use `multicluster.x-k8s.io`.";
  if (group === 'net.gke.io')
    return "**net.gke.io/v1**: GKE's own MCS group (ServiceExport/ServiceImport), handled by GKE fleet MCS; other implementations do not read it.";
  if (group === 'about.k8s.io') {
    if (version === 'v1alpha1' || version === 'v1beta1')
      return `**about.k8s.io/${version}**: ClusterProperty (KEP-2149), cluster-scoped. v1alpha1 and v1beta1 are both served (v1beta1 is storage since 2025-05); the AWS controller reads v1alpha1.`;
    return `**about.k8s.io/${version}** does not exist: ClusterProperty is served as v1alpha1 and v1beta1.`;
  }
  if (apiVersion === CLUSTERSET_FILE_API_VERSION && (kind === undefined || kind === 'ClusterSet'))
    return `**${CLUSTERSET_FILE_API_VERSION}**: Clusterset's own file format, read by the editor and the CLI; never applied to a cluster.`;
  return undefined;
}
