// Which API group owns a kind the rules check. Other projects ship kinds with the same names (Azure Fleet's
// `networking.fleet.azure.com` ServiceExport, the AWS Gateway API controller's `application-networking.k8s.aws`
// ServiceExport/ServiceImport, Antrea's `multicluster.crd.antrea.io` ClusterSet, Knative's Service): those are
// not MCS objects, and checking them against the MCS CRDs reports errors on correct files. A group that is a
// near miss of ours (`multicluster.k8s.io`, the KEP's example group; a typo) is still ours, so MCS001 reports it.
// Decision and evidence: docs/rules/MCS001.md.
import { ABOUT_GROUP, CLUSTERSET_FILE_API_VERSION, GKE_MCS_GROUP, MCS_GROUP, splitApiVersion } from './apiVersions';
import { editDistance } from './names';

const CLUSTERSET_FILE_GROUP = splitApiVersion(CLUSTERSET_FILE_API_VERSION).group;

/** Groups that own each kind; '' is the core group. Kinds not listed here are never foreign. */
const OWN_GROUPS: Readonly<Record<string, readonly string[]>> = {
  ServiceExport: [MCS_GROUP, GKE_MCS_GROUP],
  ServiceImport: [MCS_GROUP, GKE_MCS_GROUP],
  ClusterProperty: [ABOUT_GROUP],
  ClusterSet: [CLUSTERSET_FILE_GROUP],
  Service: [''],
  ConfigMap: [''],
  Namespace: [''],
  EndpointSlice: ['discovery.k8s.io'],
  StatefulSet: ['apps'],
  Deployment: ['apps'],
  ClusterRole: ['rbac.authorization.k8s.io'],
  DestinationRule: ['networking.istio.io'],
  CustomResourceDefinition: ['apiextensions.k8s.io'],
};

/** Groups under the Kubernetes project's own domains: no vendor ships a kind there, so a miss is a mistake. */
const KUBERNETES_DOMAIN = /(?:^|\.)(?:x-)?k8s\.io$|(?:^|\.)kubernetes\.io$/;

/** Up to this many edits from one of our groups counts as a typo of it (multicluster.x-k8s.io → multicluster.k8s.io is 2). */
const TYPO_EDITS = 3;

/**
 * True when the document's kind is owned by another API group than ours (and is no typo of ours): the rules of
 * that kind do not apply to it and the workspace index leaves it out. Without an apiVersion, or with a bare
 * version (`v1alpha1`), the object is ours: MCS001 says what is missing.
 */
export function isForeignObject(kind: string | undefined, apiVersion: string | undefined): boolean {
  if (kind === undefined || apiVersion === undefined) return false;
  const own = OWN_GROUPS[kind];
  if (!own) return false;
  // Asked for every document by the index, the rules and the syntax scope: a workspace has few distinct pairs.
  let byVersion = foreignCache.get(kind);
  if (!byVersion) foreignCache.set(kind, (byVersion = new Map()));
  let foreign = byVersion.get(apiVersion);
  if (foreign === undefined) {
    if (byVersion.size >= MAX_CACHED_VERSIONS) byVersion.clear();
    byVersion.set(apiVersion, (foreign = isForeignGroup(own, apiVersion)));
  }
  return foreign;
}

const foreignCache = new Map<string, Map<string, boolean>>();
/** Per kind; hostile input with endless distinct apiVersions only clears the cache. */
const MAX_CACHED_VERSIONS = 1024;

function isForeignGroup(own: readonly string[], apiVersion: string): boolean {
  const { group } = splitApiVersion(apiVersion);
  if (group === '' || own.includes(group)) return false;
  if (KUBERNETES_DOMAIN.test(group)) return false;
  // Core and apps kinds: old groups without a dot (`extensions`) are still Kubernetes'.
  if (!group.includes('.')) return false;
  return !own.some((g) => g !== '' && editDistance(group, g, TYPO_EDITS) <= TYPO_EDITS);
}
