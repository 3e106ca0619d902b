// Labels the MCS API puts on EndpointSlices (KEP-1645 "Tracking Endpoints", mcs-api well_known_labels.go).
export const MCS_SERVICE_NAME_LABEL = 'multicluster.kubernetes.io/service-name';
export const MCS_SOURCE_CLUSTER_LABEL = 'multicluster.kubernetes.io/source-cluster';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** The built-in EndpointSlice controller's managed-by value; it owns (and garbage-collects) such slices. */
export const BUILTIN_SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';

/** Path of a label in an object's metadata. */
export function labelPath(key: string): string[] {
  return ['metadata', 'labels', key];
}
