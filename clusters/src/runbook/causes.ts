// The causes the runbook can name: stable ids (the `clusterset doctor --format json` contract and the
// docs/causes/<id>.md pages), each with a one-line summary and a short fix per implementation. Ids are
// only ever added, never renamed; the page test keeps docs/causes/ in step with this list.
import type { McsImplementation } from '../inventory/snapshot';

export const CAUSE_IDS = [
  'cidr-overlap',
  'crds-missing',
  'controller-missing',
  'controller-not-ready',
  'cluster-id-invalid',
  'cluster-id-duplicate',
  'service-missing',
  'export-invalid',
  'export-conflict',
  'export-not-ready',
  'namespace-missing',
  'namespace-not-global',
  'import-missing',
  'no-clusterset-ip',
  'no-endpoints',
  'dns-not-configured',
  'path-unencrypted',
  'networkpolicy-blocks',
  'cluster-unreachable',
  'access-denied',
] as const;

export type CauseId = (typeof CAUSE_IDS)[number];

/** Where the cause pages live for readers outside the repository (the editor's report links there). */
export const CAUSE_DOCS_BASE = 'https://github.com/clusterset/clusterset/blob/main/docs/causes/';

export interface CauseInfo {
  id: CauseId;
  title: string;
  /** What the user sees, in one sentence. */
  symptom: string;
  /** The fix, per implementation; `default` for the others. */
  fix: Partial<Record<McsImplementation, string>> & { default: string };
}

const c = (id: CauseId, title: string, symptom: string, fix: CauseInfo['fix']): CauseInfo => ({ id, title, symptom, fix });

export const CAUSES: Record<CauseId, CauseInfo> = {
  'cidr-overlap': c(
    'cidr-overlap',
    'Pod or Service CIDRs overlap between clusters',
    'Everything looks exported, but traffic to remote pods goes nowhere or to a local pod with the same IP.',
    {
      default:
        'Give each cluster its own Pod and Service ranges (re-plan the CIDRs; the ClusterSet file quick fixes offer free ranges).',
      submariner:
        'Deploy the broker with Globalnet (`subctl deploy-broker --globalnet`) so every cluster gets a global slice, or re-plan the CIDRs.',
      cilium: 'ClusterMesh cannot NAT overlapping PodCIDRs: give each cluster a distinct `cluster-pool-ipv4-cidr`.',
    },
  ),
  'crds-missing': c(
    'crds-missing',
    'The MCS CRDs are not installed (or not in a version the controller needs)',
    'kubectl get serviceexports says "the server doesn\'t have a resource type"; nothing can be exported or imported.',
    {
      default:
        'Install the CRDs from kubernetes-sigs/mcs-api (`kubectl apply -k "github.com/kubernetes-sigs/mcs-api/config/crd?ref=v0.5.0"`), serving v1alpha1 and v1beta1.',
      cilium: 'Set `clustermesh.mcsapi.installCRDs=true` (Cilium ≥ 1.19 default) or apply the mcs-api CRDs.',
      gke: 'Enable the fleet feature: `gcloud container fleet multi-cluster-services enable --project <P>` installs `net.gke.io` CRDs.',
    },
  ),
  'controller-missing': c(
    'controller-missing',
    'No MCS controller runs in the cluster',
    'The ServiceExport exists but has no status, and no ServiceImport appears anywhere: CRDs alone do nothing.',
    {
      default: 'Install an MCS implementation (Cilium ClusterMesh, Submariner Lighthouse, GKE MCS, AWS Cloud Map controller).',
      cilium:
        'Enable MCS in Cilium: `helm upgrade cilium cilium/cilium -n kube-system --reuse-values --set clustermesh.mcsapi.enabled=true` (1.17–1.18: `clustermesh.enableMCSAPISupport=true`).',
      submariner:
        'Join the cluster with service discovery: `subctl join broker-info.subm --clusterid <id>` (components include service-discovery).',
      gke: 'Enable MCS for the fleet and grant `roles/compute.networkViewer` to `<P>.svc.id.goog[gke-mcs/gke-mcs-importer]`.',
      aws: 'Install the controller: `kubectl apply -k "github.com/aws/aws-cloud-map-mcs-controller-for-k8s/config/controller_install_release"`.',
      istio: 'Istio consumes MCS objects but does not create ServiceImports: run an MCS controller beside it.',
    },
  ),
  'controller-not-ready': c(
    'controller-not-ready',
    'The MCS controller is installed but not ready',
    'Exports stay Pending or without status; imports are stale or missing.',
    {
      default:
        'Look at the controller Deployment: `kubectl -n <ns> describe deployment <name>` and its pod logs; fix what keeps it from ready.',
      cilium: 'Check `kubectl -n kube-system rollout status deployment/cilium-operator` and `cilium status`.',
      submariner:
        'Check `kubectl -n submariner-operator rollout status deployment/submariner-lighthouse-agent` and `subctl diagnose all`.',
    },
  ),
  'cluster-id-invalid': c(
    'cluster-id-invalid',
    'A cluster id is missing or not valid',
    'EndpointSlices from this cluster are dropped or mislabelled; per-cluster DNS names do not resolve.',
    {
      default:
        'Create ClusterProperty `cluster.clusterset.k8s.io` with a DNS label (≤ 63 chars) and `clusterset.k8s.io` with the clusterset name, the same in every member.',
      cilium: 'Install with `--set cluster.name=<name> --set cluster.id=<1..255>` (name ≤ 32 chars, lowercase, `-`).',
      submariner: 'Re-join with `subctl join --clusterid <dns-label>`.',
      aws: 'Create both ClusterProperty objects (`cluster.clusterset.k8s.io`, `clusterset.k8s.io`); the controller refuses to work without them.',
    },
  ),
  'cluster-id-duplicate': c(
    'cluster-id-duplicate',
    'Two clusters have the same cluster id',
    "One cluster's endpoints overwrite the other's; traffic goes to only one of them.",
    {
      default: 'Give every member its own `cluster.clusterset.k8s.io` value (it is immutable while a member: leave and re-join).',
      cilium: 'Every cluster needs its own `cluster.name` and `cluster.id` (reinstall the duplicate).',
    },
  ),
  'service-missing': c(
    'service-missing',
    'The exported Service does not exist (or nothing exports it)',
    'The ServiceExport says Valid=False NoService, or no cluster has a ServiceExport for the name.',
    {
      default:
        'Create the Service with the same name and namespace as the ServiceExport in each exporting cluster, and export it (`kind: ServiceExport`, same name).',
      submariner: 'Create the Service, then `subctl export service --namespace <ns> <name>`.',
    },
  ),
  'export-invalid': c(
    'export-invalid',
    'The export is not valid (service type cannot be exported)',
    'ServiceExport Valid=False: ExternalName services (and for Submariner NodePort/LoadBalancer) are never exported.',
    {
      default: 'Export a ClusterIP or headless Service; ExternalName cannot be exported.',
      submariner: 'Lighthouse exports only ClusterIP Services: change the type or export a ClusterIP Service in front of it.',
    },
  ),
  'export-conflict': c(
    'export-conflict',
    'The exports of the service conflict between clusters',
    'ServiceExport Conflict=True: ports, type or session affinity differ; the oldest export wins and some traffic is not routed.',
    {
      default: 'Make the Services identical in every exporting cluster (ports, headlessness, session affinity, traffic policy).',
    },
  ),
  'export-not-ready': c(
    'export-not-ready',
    'The export is not ready (never reconciled, pending or failed)',
    'ServiceExport Ready is False/Unknown, or the export has no status although a controller runs.',
    {
      default:
        "Read the Ready condition's message and the controller's logs; an export without status was never seen by a controller.",
      submariner:
        'Check `subctl diagnose service-discovery` and the lighthouse-agent logs (Ready=False ExportFailed names the reason).',
    },
  ),
  'namespace-missing': c(
    'namespace-missing',
    'The namespace does not exist in a consumer cluster',
    'No ServiceImport in that cluster: MCS creates imports only where the namespace exists.',
    { default: 'Create the namespace in the consumer cluster: `kubectl create namespace <ns>`.' },
  ),
  'namespace-not-global': c(
    'namespace-not-global',
    'The namespace is not global for Cilium ClusterMesh',
    'ServiceExport Valid=False NamespaceNotGlobal, or the consumer gets no import.',
    {
      default:
        'Annotate the namespace global: `kubectl annotate namespace <ns> clustermesh.cilium.io/global=true --overwrite` in every cluster.',
    },
  ),
  'import-missing': c(
    'import-missing',
    'No ServiceImport in a consumer cluster',
    '`kubectl get serviceimport` in the consumer is empty although the service is exported.',
    {
      default: 'The controller did not create it: check its logs and its connection to the other clusters.',
      cilium: 'Check `cilium clustermesh status --wait`: the consumer must be connected to the exporting cluster.',
      submariner: 'Check `subctl show connections` and the lighthouse-agent logs of both clusters.',
      gke: 'First propagation can take up to 5 minutes; the namespace must exist in the consumer.',
    },
  ),
  'no-clusterset-ip': c(
    'no-clusterset-ip',
    'The ClusterSetIP import has no IP',
    '`kubectl get serviceimport` shows `IP []`: clients using the clusterset name get no address.',
    {
      default: 'The controller allocates the VIP through a derived Service: check that it runs and created the derived Service.',
      submariner:
        'Submariner gives no VIP unless asked: annotate the ServiceExport `lighthouse.submariner.io/use-clusterset-ip=true` or join with `--enable-clusterset-ip`, or rely on DNS.',
    },
  ),
  'no-endpoints': c(
    'no-endpoints',
    'No ready endpoints behind the service',
    'DNS resolves, but connections are refused or time out: the exporting pods are not ready or the slices never reached the consumer.',
    {
      default:
        "Make the exporter's pods ready (selector, readiness probe); check the MCS EndpointSlices (`multicluster.kubernetes.io/service-name`) in the consumer.",
      cilium:
        'Headless imports need `clustermesh.enableEndpointSliceSynchronization=true` (or the service annotation) for remote slices.',
    },
  ),
  'dns-not-configured': c(
    'dns-not-configured',
    'DNS does not serve clusterset.local in the consumer',
    '`nslookup <svc>.<ns>.svc.clusterset.local` gives NXDOMAIN/SERVFAIL although the import exists.',
    {
      default:
        'Add `clusterset.local` to the kubernetes plugin zones and `multicluster clusterset.local` (CoreDNS ≥ 1.12.2), and list/watch on serviceimports to the CoreDNS ClusterRole.',
      cilium: 'Set `clustermesh.mcsapi.corednsAutoConfigure.enabled=true` (CoreDNS ≥ 1.12.2) or configure CoreDNS by hand.',
      submariner:
        'The Corefile needs the Lighthouse stanza `clusterset.local:53 { forward . <lighthouse-coredns ClusterIP> }`; with NodeLocal DNS join with `--coredns-custom-configmap`.',
      gke: 'GKE answers through Cloud DNS; check the MCS zone in Cloud DNS (and kube-dns stubDomains).',
    },
  ),
  'path-unencrypted': c(
    'path-unencrypted',
    'Cross-cluster traffic is not encrypted as the ClusterSet file requires',
    'The ClusterSet file asks for encryption, but the dataplane sends traffic in clear (e.g. Submariner vxlan).',
    {
      default: 'Enable the encryption the file names, or change `spec.connectivity.encryption` to what runs.',
      cilium: 'Helm: `encryption.enabled=true`, `encryption.type=wireguard` (or ipsec with the `cilium-ipsec-keys` secret).',
      submariner: 'Join with `--cable-driver libreswan` or `wireguard`; vxlan is unencrypted.',
      istio: 'Apply a PeerAuthentication with `mtls.mode: STRICT` in istio-system.',
    },
  ),
  'networkpolicy-blocks': c(
    'networkpolicy-blocks',
    'A NetworkPolicy in the exporting namespace does not admit remote callers',
    'Only callers from other clusters fail (timeouts), often right after a Cilium upgrade.',
    {
      default:
        "Add an ingress rule admitting the consumer clusters' pod CIDRs (ipBlock) to the policy selecting the service's pods.",
      cilium:
        'Since Cilium 1.19 `policy-default-local-cluster` is true: selectors match only local pods; add `io.cilium.k8s.policy.cluster` to the rule or set `clustermesh.policyDefaultLocalCluster=false`.',
      gke: 'GKE MCS does not support NetworkPolicy for multi-cluster traffic.',
    },
  ),
  'cluster-unreachable': c(
    'cluster-unreachable',
    'A cluster could not be reached',
    'The runbook could not read this cluster (connection refused, timeout, TLS, bad kubeconfig entry); its checks were not run.',
    { default: 'Check the context (`kubectl --context <ctx> get --raw /version`), the VPN/network and the kubeconfig entry.' },
  ),
  'access-denied': c(
    'access-denied',
    'Access to a cluster was denied',
    'The credentials were rejected (401) or lack permission (403) to read MCS objects; those checks were not run.',
    {
      default:
        'Log in again, or grant get/list on serviceexports, serviceimports, endpointslices, services, namespaces, configmaps, deployments, networkpolicies (a read-only ClusterRole).',
    },
  ),
};

/** The fix for this cause in this implementation. */
export function fixFor(id: CauseId, impl: McsImplementation): string {
  const info = CAUSES[id];
  return info.fix[impl] ?? info.fix.default;
}

export function isCauseId(v: string): v is CauseId {
  return (CAUSE_IDS as readonly string[]).includes(v);
}
