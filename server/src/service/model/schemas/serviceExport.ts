// ServiceExport (multicluster.x-k8s.io, v1alpha1 = v1beta1; facts §1, §2).
import { conditionList } from './conditions';
import { objectMeta } from './objectMeta';
import { map, obj, str, type KindSchema } from './types';

const BY_NAME_ONLY =
  'a ServiceExport has no reference field: it exports the Service with the same metadata.name in the same namespace, so name the ServiceExport after the Service';

export const SERVICE_EXPORT: KindSchema = {
  kind: 'ServiceExport',
  group: 'multicluster.x-k8s.io',
  versions: ['v1alpha1', 'v1beta1'],
  scope: 'Namespaced',
  doc: 'Marks the Service **with the same name in the same namespace** as exported to the clusterset. The MCS controller then creates a ServiceImport in every cluster where the namespace exists and reports `Valid`, `Ready` and `Conflict` conditions here. Short names `svcex`, `svcexport`.',
  root: obj('A ServiceExport.', {
    apiVersion: str(
      '`multicluster.x-k8s.io/v1alpha1` (every release) or `multicluster.x-k8s.io/v1beta1` (mcs-api ≥ v0.5.0). GKE uses `net.gke.io/v1`.',
      { required: true },
    ),
    kind: str('`ServiceExport`.', { required: true }),
    metadata: objectMeta('Namespaced'),
    spec: obj(
      'Optional. An empty ServiceExport exports the Service as it is.',
      {
        exportedLabels: map(
          'Labels the controller puts on the ServiceImport in every cluster. Support is **optional** for implementations; values must agree across exporting clusters or the controller reports `Conflict=True` (`LabelsConflict`, oldest export wins).',
          undefined,
          { since: 'v0.2.0' },
        ),
        exportedAnnotations: map(
          'Annotations the controller puts on the ServiceImport. Optional for implementations; disagreement → `AnnotationsConflict`.',
          undefined,
          { since: 'v0.2.0' },
        ),
      },
      {
        knownMistakes: {
          serviceName: { hint: BY_NAME_ONLY },
          service: { hint: BY_NAME_ONLY },
          serviceRef: { hint: BY_NAME_ONLY },
          name: { hint: `${BY_NAME_ONLY}; the name goes in metadata.name` },
          namespace: { hint: 'the namespace goes in metadata.namespace and must be the namespace of the Service' },
          ports: { hint: 'ports come from the exported Service; a ServiceExport does not list them' },
        },
      },
    ),
    status: obj('Written by the MCS controller (status subresource); a manifest should not carry it.', {
      conditions: conditionList(
        '`Valid` (False: `NoService`, `InvalidServiceType`), `Ready` (`Exported`/`Ready`, `Pending`, `Failed`) and `Conflict` (`PortConflict`, `TypeConflict`, …) conditions. Submariner uses its own reason names (e.g. `ServiceUnavailable`).',
      ),
    }),
  }),
};
