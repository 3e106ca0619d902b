// ObjectMeta: the metadata fields a manifest may carry (standard Kubernetes API). Server-set fields are
// listed too, because manifests exported with `kubectl get -o yaml` carry them.
import { arr, bool, int, map, obj, str, type FieldSchema } from './types';

const SERVER_SET = { serverSet: true } as const;

const ownerReference = obj(
  'A reference to the owning object; the garbage collector deletes this object when the owner goes away.',
  {
    apiVersion: str('API version of the owner.', { required: true }),
    kind: str('Kind of the owner.', { required: true }),
    name: str('Name of the owner.', { required: true }),
    uid: str('UID of the owner.', { required: true }),
    controller: bool('True when the owner is the managing controller.'),
    blockOwnerDeletion: bool('With foreground deletion, the owner is not deleted before this object.'),
  },
);

export function objectMeta(scope: 'Namespaced' | 'Cluster'): FieldSchema {
  const namespaceDoc =
    scope === 'Namespaced'
      ? 'Namespace of the object. For MCS the namespace is part of the identity: a ServiceExport exports the Service **with the same name in the same namespace**, and namespaces with the same name are the same namespace across the clusterset (namespace sameness). Without it, the object lands in the kubectl context namespace.'
      : 'This kind is **cluster-scoped**: it has no namespace, and the API server ignores one given here.';
  return obj('Standard object metadata (name, namespace, labels, annotations, …).', {
    name: str('Name of the object. For ServiceExport/ServiceImport it must equal the Service name (mapping is by name only).', {
      required: true,
    }),
    generateName: str('Prefix for a server-generated name (create only; not usable with `kubectl apply`).'),
    namespace: str(namespaceDoc),
    labels: map(
      'Labels of this object. On a ServiceExport they are **not** exported: only `spec.exportedLabels` end up on the ServiceImport.',
    ),
    annotations: map(
      'Annotations. Implementation switches live here (e.g. `lighthouse.submariner.io/use-clusterset-ip` on a ServiceExport for Submariner; `clusterset.dev/disable` to silence Clusterset rules).',
    ),
    uid: str('Server-set unique id.', SERVER_SET),
    resourceVersion: str('Server-set version for optimistic concurrency; remove it from hand-written manifests.', SERVER_SET),
    generation: int('Server-set generation of the spec.', SERVER_SET),
    creationTimestamp: str(
      'Server-set creation time. The MCS conflict policy ranks ServiceExports by this timestamp: the oldest export wins a conflict.',
      SERVER_SET,
    ),
    deletionTimestamp: str('Server-set time of a pending deletion.', SERVER_SET),
    deletionGracePeriodSeconds: int('Server-set grace period of a pending deletion.', SERVER_SET),
    ownerReferences: arr('Objects this object depends on.', ownerReference),
    finalizers: arr('Finalizers that must be removed before the object is deleted.', str('Finalizer name.')),
    managedFields: arr(
      'Server-side apply field ownership (server-managed).',
      obj('Field manager entry.', {}, { open: true }),
      SERVER_SET,
    ),
    selfLink: str('Deprecated; no longer set by the API server.', SERVER_SET),
  });
}
