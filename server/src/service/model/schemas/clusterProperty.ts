// ClusterProperty (about.k8s.io, v1alpha1 and v1beta1, cluster-scoped; facts §7).
import { objectMeta } from './objectMeta';
import { obj, str, type KindSchema } from './types';

export const CLUSTER_PROPERTY: KindSchema = {
  kind: 'ClusterProperty',
  group: 'about.k8s.io',
  versions: ['v1alpha1', 'v1beta1'],
  scope: 'Cluster',
  doc: "A named property of this cluster (KEP-2149), **cluster-scoped**. Well-known names: `cluster.clusterset.k8s.io` (this cluster's id in the clusterset; used in the `multicluster.kubernetes.io/source-cluster` label and in per-endpoint DNS names) and `clusterset.k8s.io` (the clusterset's id). The AWS Cloud Map controller fails without both.",
  root: obj('A ClusterProperty.', {
    apiVersion: str('`about.k8s.io/v1alpha1` or `about.k8s.io/v1beta1` (`about.k8s.io/v1` in the KEP examples does not exist).', {
      required: true,
    }),
    kind: str('`ClusterProperty`.', { required: true }),
    metadata: objectMeta('Cluster'),
    spec: obj(
      'The property value.',
      {
        value: str(
          'The property value, at least 1 character. For `cluster.clusterset.k8s.io`: an RFC-1123 DNS subdomain, best a single DNS label ≤ 63 characters (it becomes a label value and a DNS label); the kube-system namespace UID is the recommended default.',
          { required: true },
        ),
      },
      { required: true },
    ),
  }),
};
