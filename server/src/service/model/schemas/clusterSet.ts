// Our ClusterSet file (clusterset.dev/v1alpha1): the clusters of a clusterset, their CIDRs and the
// services they share. Format fixed in the rule catalogue's header.
import { arr, obj, str, type KindSchema } from './types';

const cidrList = (what: string): ReturnType<typeof arr> =>
  arr(
    `${what} of this cluster, one per IP family (e.g. \`[10.10.0.0/16, fd00:10::/56]\`). Checked for overlaps across clusters (MCS7xx rules).`,
    str('A CIDR.'),
  );

const cluster = obj(
  'One member cluster.',
  {
    name: str(
      'Cluster id (value of ClusterProperty `cluster.clusterset.k8s.io`): a DNS label of ≤ 63 characters, unique in the clusterset. Cilium limits cluster names to 32 characters.',
      { required: true },
    ),
    context: str('kubeconfig context used to reach this cluster (live view, CIDR discovery).'),
    region: str('Region, e.g. `us-east-1`.'),
    cloud: str('Cloud or platform, e.g. `aws`, `gcp`, `azure`, `on-prem`.'),
    cni: str('CNI, e.g. `cilium`, `calico`, `ovn-kubernetes`.'),
    podCIDRs: cidrList('Pod CIDRs'),
    serviceCIDRs: cidrList('Service CIDRs (at most one per family)'),
    globalCIDR: str("This cluster's slice of the Globalnet CIDR (only with `overlap.mode: globalnet`)."),
    paths: arr(
      'Workspace files applied to this cluster, as globs relative to this file\'s folder (e.g. `[gke-1/**, cluster-blue-app.yaml]`). Rules that compare objects "in the same cluster" (duplicate exports, conflicts) use it; without it only `clusters/<name>/` folders and single files count.',
      str('A glob: `**` any folders, `*` within a name, `{a,b}` alternatives.'),
    ),
  },
  {
    knownMistakes: {
      clusterId: { hint: 'the cluster id is spec.clusters[].name', renameTo: 'name' },
      id: { hint: 'the cluster id is spec.clusters[].name', renameTo: 'name' },
    },
  },
);

const service = obj('A service shared in the clusterset.', {
  name: str('Service name (the ServiceExport has the same name).', { required: true }),
  namespace: str('Namespace of the Service (the same namespace in every cluster).', { required: true }),
  exportedFrom: arr('Clusters that export the service (cluster names from `spec.clusters`).', str('A cluster name.')),
  consumers: arr('Clusters that call the service through `<name>.<namespace>.svc.clusterset.local`.', str('A cluster name.')),
});

export const IMPLEMENTATION_VALUES = ['cilium', 'submariner', 'gke', 'istio', 'aws', 'generic'] as const;

export const CLUSTER_SET: KindSchema = {
  kind: 'ClusterSet',
  group: 'clusterset.dev',
  versions: ['v1alpha1'],
  scope: 'Cluster',
  doc: "Clusterset's own file format (never applied to a cluster): the member clusters with their CIDRs, the MCS implementation, and the shared services. Its `spec.implementation` wins over the `clusterset.implementation` setting.",
  root: obj('A ClusterSet file.', {
    apiVersion: str('`clusterset.dev/v1alpha1`.', { required: true }),
    kind: str('`ClusterSet`.', { required: true }),
    metadata: obj('Metadata of the clusterset.', {
      name: str('The clusterset id: the value of ClusterProperty `clusterset.k8s.io` in every member cluster.', {
        required: true,
      }),
    }),
    spec: obj(
      'The clusterset.',
      {
        implementation: str(
          'MCS implementation: selects the profile-specific rules (Cilium name limits, Submariner Globalnet, GKE `net.gke.io`, …).',
          { enum: IMPLEMENTATION_VALUES },
        ),
        overlap: obj('How overlapping CIDRs are handled.', {
          mode: str(
            '`none`: CIDRs must not overlap (Cilium ClusterMesh, AWS, GKE). `globalnet`: Submariner Globalnet gives every cluster a global CIDR slice.',
            { enum: ['none', 'globalnet'] },
          ),
          globalnetCIDR: str('Globalnet CIDR pool (Submariner default `242.0.0.0/8`); only with `mode: globalnet`.'),
        }),
        connectivity: obj('The network between clusters.', {
          substrate: str('How pod traffic crosses clusters.', {
            enum: ['vpc-peering', 'transit-gateway', 'vpn', 'tunnel', 'flat'],
          }),
          encryption: str(
            'Encryption of cross-cluster traffic: Cilium/Submariner `wireguard` or `ipsec`, mesh `mtls`, or `none`.',
            { enum: ['wireguard', 'ipsec', 'mtls', 'none'] },
          ),
        }),
        clusters: arr('Member clusters.', cluster),
        services: arr('Services shared in the clusterset and who consumes them.', service),
      },
      {
        knownMistakes: {
          globalnet: {
            hint: 'Globalnet is configured with spec.overlap {mode: globalnet, globalnetCIDR} and spec.clusters[].globalCIDR',
          },
        },
      },
    ),
  }),
};
