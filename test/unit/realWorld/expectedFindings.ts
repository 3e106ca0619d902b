// What `clusterset lint` reports on each folder of test/fixtures/real-world/ (run from that folder, no flags),
// pinned finding by finding: [code, severity, file, 1-based line, verdict]. The verdict starts with `true:` for a
// finding that is right about the file and `false:` for a false positive; realWorld.test.ts fails on any
// change and on any false error or warning. Re-check every verdict by reading the file when this list changes.
export type Pinned = readonly [code: string, severity: string, file: string, line: number, verdict: string];

export interface RepoExpectation {
  /** Exit status of `clusterset lint` in the folder: 0 unless a true error is found. */
  readonly exit: number;
  readonly findings: readonly Pinned[];
}

export const EXPECTED: Readonly<Record<string, RepoExpectation>> = {
  antrea: {
    exit: 0,
    findings: [
      [
        'MCS104',
        'hint',
        'multicluster/test/yamls/test-east-serviceexport.yml',
        6,
        'true: KEP-1645 advises restricting exports from default (admin policy, so a hint)',
      ],
    ],
  },
  'aws-application-networking-k8s': { exit: 0, findings: [] },
  'aws-cloud-map-mcs-controller-for-k8s': {
    exit: 0,
    findings: [
      ['MCS301', 'hint', 'samples/demo-service.yaml', 11, 'true: an unnamed port gets no SRV record under clusterset.local'],
      [
        'MCS602',
        'warning',
        'samples/example-clusterproperty.yaml',
        6,
        'true: the AWS controller reads cluster.clusterset.k8s.io, not id.k8s.io',
      ],
      ['MCS301', 'hint', 'samples/example-headless.yaml', 12, 'true: an unnamed port gets no SRV record under clusterset.local'],
      ['MCS301', 'hint', 'samples/example-service.yaml', 11, 'true: an unnamed port gets no SRV record under clusterset.local'],
    ],
  },
  'azure-fleet': { exit: 0, findings: [] },
  cilium: {
    exit: 0,
    findings: [
      [
        'MCS301',
        'hint',
        'examples/kubernetes/clustermesh/mcsapi/cluster1.yaml',
        9,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      [
        'MCS104',
        'hint',
        'examples/kubernetes/clustermesh/mcsapi/cluster1.yaml',
        17,
        'true: KEP-1645 advises restricting exports from default (admin policy, so a hint)',
      ],
      [
        'MCS301',
        'hint',
        'examples/kubernetes/clustermesh/mcsapi/cluster2.yaml',
        9,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      [
        'MCS104',
        'hint',
        'examples/kubernetes/clustermesh/mcsapi/cluster2.yaml',
        17,
        'true: KEP-1645 advises restricting exports from default (admin policy, so a hint)',
      ],
    ],
  },
  'cilium-helm-templates': { exit: 0, findings: [] },
  clusternet: {
    exit: 0,
    findings: [
      [
        'MCS301',
        'hint',
        'examples/scheduling-with-mcs-api/scheduling/nginx-svc.yaml',
        17,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      [
        'MCS401',
        'hint',
        'examples/scheduling-with-mcs-api/service-import.yaml',
        4,
        'true: a hand-written import, fine with a controller that expects them (the hint says so)',
      ],
    ],
  },
  'flux2-multi-cluster': {
    exit: 0,
    findings: [
      [
        'MCS101',
        'information',
        'apps/overlays/production/export.yaml',
        6,
        'true: the export names a namespace the Service leaves to kubectl -n / kustomize',
      ],
      [
        'MCS101',
        'information',
        'apps/overlays/staging/export.yaml',
        6,
        'true: the export names a namespace the Service leaves to kubectl -n / kustomize',
      ],
      [
        'MCS307',
        'hint',
        'clusters/production/apps/podinfo-export.yaml',
        5,
        'true: exported from production and staging with no trafficDistribution, so calls spread across clusters',
      ],
      [
        'MCS202',
        'warning',
        'clusters/production/apps/podinfo-export.yaml',
        12,
        'true: seeded, the two clusters expose port http as 9898 and 9899',
      ],
      [
        'MCS307',
        'hint',
        'clusters/staging/apps/podinfo-export.yaml',
        5,
        'true: exported from production and staging with no trafficDistribution, so calls spread across clusters',
      ],
      [
        'MCS202',
        'warning',
        'clusters/staging/apps/podinfo-export.yaml',
        12,
        'true: seeded, the two clusters expose port http as 9898 and 9899',
      ],
    ],
  },
  'gke-networking-recipes': {
    exit: 1,
    findings: [
      [
        'MCS301',
        'hint',
        'gateway/docs/store-west-1-service.yaml',
        17,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      ['MCS108', 'error', 'gateway/docs/store-west-1-service.yaml', 23, 'true: the same export twice in one file'],
      ['YAML', 'error', 'gateway/docs/store-west-1-service.yaml', 42, 'true: two versions of the file pasted together'],
      ['YAML', 'error', 'gateway/docs/store-west-1-service.yaml', 43, 'true: two versions of the file pasted together'],
      ['YAML', 'error', 'gateway/docs/store-west-1-service.yaml', 44, 'true: two versions of the file pasted together'],
      ['MCS108', 'error', 'gateway/docs/store-west-1-service.yaml', 57, 'true: the same export twice in one file'],
      [
        'MCS301',
        'hint',
        'gateway/docs/store-west-2-service.yaml',
        11,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      [
        'MCS301',
        'hint',
        'gateway/docs/store-west-2-service.yaml',
        29,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      [
        'MCS301',
        'hint',
        'gateway/multi-cluster/mcg-internal-basic/gke-1/app-v1.yaml',
        41,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      [
        'MCS301',
        'hint',
        'gateway/multi-cluster/mcg-internal-basic/gke-2/app-v2.yaml',
        41,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      [
        'MCS301',
        'hint',
        'gateway/multi-cluster/mcg-internal-blue-green/cluster-blue-app.yaml',
        46,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      [
        'MCS301',
        'hint',
        'gateway/multi-cluster/mcg-internal-blue-green/cluster-blue-app.yaml',
        66,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      [
        'MCS301',
        'hint',
        'gateway/multi-cluster/mcg-internal-blue-green/cluster-green-app.yaml',
        46,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      [
        'MCS301',
        'hint',
        'gateway/multi-cluster/mcg-internal-blue-green/cluster-green-app.yaml',
        66,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
    ],
  },
  istio: {
    exit: 0,
    findings: [
      [
        'MCS101',
        'information',
        'mcs/serviceexport.yaml',
        6,
        'true: the export names a namespace the Service leaves to kubectl -n / kustomize',
      ],
    ],
  },
  karmada: {
    exit: 0,
    findings: [
      [
        'MCS401',
        'hint',
        'samples/service_discovery/import.yaml',
        4,
        'true: a hand-written import, fine with a controller that expects them (the hint says so)',
      ],
      [
        'MCS409',
        'hint',
        'samples/service_discovery/import.yaml',
        9,
        'true: a ClusterSetIP import without ips has no VIP until a controller sets one',
      ],
      [
        'MCS301',
        'hint',
        'samples/service_discovery/service.yaml',
        30,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
    ],
  },
  'kubernetes-enhancements': {
    exit: 1,
    findings: [
      [
        'MCS602',
        'warning',
        'keps/sig-multicluster/1645-multi-cluster-services-api/clusterproperty.yaml',
        5,
        'true: the AWS controller reads cluster.clusterset.k8s.io, not id.k8s.io',
      ],
      [
        'MCS501',
        'error',
        'keps/sig-multicluster/1645-multi-cluster-services-api/endpointslice.yaml',
        9,
        'true: an MCS EndpointSlice needs endpointslice.kubernetes.io/managed-by',
      ],
      [
        'MCS001',
        'error',
        'keps/sig-multicluster/1645-multi-cluster-services-api/serviceexport.yaml',
        4,
        'true: multicluster.k8s.io (the KEP example group) is served by no CRD',
      ],
      [
        'MCS101',
        'warning',
        'keps/sig-multicluster/1645-multi-cluster-services-api/serviceexport.yaml',
        7,
        'true: the KEP example export has no Service',
      ],
      [
        'MCS008',
        'hint',
        'keps/sig-multicluster/1645-multi-cluster-services-api/serviceexport.yaml',
        9,
        'true: status in a manifest is dropped',
      ],
      [
        'MCS420',
        'warning',
        'keps/sig-multicluster/1645-multi-cluster-services-api/serviceexport.yaml',
        11,
        'true: metav1.Condition requires reason and message',
      ],
      [
        'MCS420',
        'warning',
        'keps/sig-multicluster/1645-multi-cluster-services-api/serviceexport.yaml',
        14,
        'true: metav1.Condition requires reason and message',
      ],
      [
        'MCS420',
        'warning',
        'keps/sig-multicluster/1645-multi-cluster-services-api/serviceexport.yaml',
        17,
        'true: metav1.Condition requires reason and message',
      ],
      [
        'MCS001',
        'error',
        'keps/sig-multicluster/1645-multi-cluster-services-api/serviceimport.yaml',
        2,
        'true: multicluster.k8s.io (the KEP example group) is served by no CRD',
      ],
      [
        'MCS401',
        'hint',
        'keps/sig-multicluster/1645-multi-cluster-services-api/serviceimport.yaml',
        3,
        'true: a hand-written import, fine with a controller that expects them (the hint says so)',
      ],
      [
        'MCS008',
        'hint',
        'keps/sig-multicluster/1645-multi-cluster-services-api/serviceimport.yaml',
        16,
        'true: status in a manifest is dropped',
      ],
    ],
  },
  'mcs-api': {
    exit: 0,
    findings: [
      [
        'MCS101',
        'information',
        'demo/yaml/serviceexport.yaml',
        6,
        'true: the export names a namespace the Service leaves to kubectl -n / kustomize',
      ],
      [
        'MCS401',
        'hint',
        'demo/yaml/serviceimport-with-vip.yaml',
        3,
        'true: a hand-written import, fine with a controller that expects them (the hint says so)',
      ],
      [
        'MCS006',
        'hint',
        'demo/yaml/serviceimport-with-vip.yaml',
        5,
        'true: a namespace-less import lands in the context namespace',
      ],
      [
        'MCS401',
        'hint',
        'demo/yaml/serviceimport.yaml',
        4,
        'true: a hand-written import, fine with a controller that expects them (the hint says so)',
      ],
      ['MCS006', 'hint', 'demo/yaml/serviceimport.yaml', 6, 'true: a namespace-less import lands in the context namespace'],
      [
        'MCS409',
        'hint',
        'demo/yaml/serviceimport.yaml',
        8,
        'true: a ClusterSetIP import without ips has no VIP until a controller sets one',
      ],
    ],
  },
  submariner: {
    exit: 0,
    findings: [
      [
        'MCS301',
        'hint',
        'quickstart/nginx-test/nginx-service.yaml',
        12,
        'true: an unnamed port gets no SRV record under clusterset.local',
      ],
      [
        'MCS104',
        'hint',
        'statefulset/web.yaml',
        48,
        'true: KEP-1645 advises restricting exports from default (admin policy, so a hint)',
      ],
    ],
  },
  // JSON documents with quoted keys (jsonnet -y output, a kubectl get -o json dump): read like any YAML.
  'walnuts1018-infra': { exit: 0, findings: [] },
};
