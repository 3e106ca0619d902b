// API groups and versions of the kinds the language service knows (mcs-facts §1, §7).

export const MCS_GROUP = 'multicluster.x-k8s.io';
export const MCS_VERSIONS = ['v1alpha1', 'v1beta1'] as const;
export const GKE_MCS_GROUP = 'net.gke.io';
export const GKE_MCS_VERSION = 'v1';
export const ABOUT_GROUP = 'about.k8s.io';
export const ABOUT_VERSIONS = ['v1alpha1', 'v1beta1'] as const;
export const CLUSTERSET_FILE_API_VERSION = 'clusterset.dev/v1alpha1';

export interface GroupVersion {
  group: string;
  version: string;
}

export function splitApiVersion(apiVersion: string): GroupVersion {
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/**
 * Kinds whose whole schema Clusterset owns: the MCS API's ServiceExport and ServiceImport, about-api's
 * ClusterProperty (KEP-2149) and our ClusterSet file. Red Hat YAML knows none of them, so their syntax
 * errors are ours to report.
 */
const OWN_SCHEMA_KINDS: ReadonlySet<string> = new Set(['ServiceExport', 'ServiceImport', 'ClusterProperty', 'ClusterSet']);

export function isOwnSchemaKind(kind: string | undefined): boolean {
  return kind !== undefined && OWN_SCHEMA_KINDS.has(kind);
}
