// ServiceImport (multicluster.x-k8s.io, v1alpha1 = v1beta1; facts §1, §3).
import { conditionList } from './conditions';
import { objectMeta } from './objectMeta';
import { arr, int, obj, str, type KindSchema } from './types';

const port = obj(
  "A port of the imported service (the union of the exported Services' ports).",
  {
    name: str(
      'DNS label, unique within the import; optional only when there is one port. Unnamed ports get no SRV record in `clusterset.local`.',
    ),
    protocol: str('`TCP` (default), `UDP` or `SCTP`. The CRD has no enum, so the API server accepts any string.', {
      enum: ['TCP', 'UDP', 'SCTP'],
    }),
    appProtocol: str(
      'Application protocol: an IANA service name, `kubernetes.io/h2c`, or `domain/name`. Cilium treats a differing appProtocol for the same port as a port conflict.',
    ),
    port: int('Port number. Required; the CRD sets no range, so check it is 1–65535.', { required: true }),
  },
  {
    knownMistakes: {
      targetPort: {
        hint: "a ServiceImport has no targetPort: target ports stay on each exporting cluster's Service (cilium/cilium#36735)",
      },
      nodePort: { hint: 'a ServiceImport has no nodePort: node ports are local to each cluster and are not part of the import' },
    },
  },
);

const oneOf = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(', ');
const TRAFFIC_DISTRIBUTION = ['PreferClose', 'PreferSameZone', 'PreferSameNode'] as const;

export const SERVICE_IMPORT: KindSchema = {
  kind: 'ServiceImport',
  group: 'multicluster.x-k8s.io',
  versions: ['v1alpha1', 'v1beta1'],
  scope: 'Namespaced',
  doc: 'The clusterset-wide view of an exported service, **owned by the MCS controller**: created in every cluster where the namespace exists, deleted when the last ServiceExport goes. Consumers reach it as `<name>.<namespace>.svc.clusterset.local`. Short names `svcim`, `svcimport`.',
  root: obj('A ServiceImport.', {
    apiVersion: str(
      '`multicluster.x-k8s.io/v1alpha1` (every release) or `multicluster.x-k8s.io/v1beta1` (mcs-api ≥ v0.5.0). GKE uses `net.gke.io/v1`.',
      { required: true },
    ),
    kind: str('`ServiceImport`.', { required: true }),
    metadata: objectMeta('Namespaced'),
    spec: obj(
      'Required fields: `type` and `ports`.',
      {
        type: str(
          '`ClusterSetIP` (a virtual IP, from ClusterIP/NodePort/LoadBalancer exports) or `Headless` (no VIP; DNS returns endpoint IPs). The only enum the CRD checks.',
          { required: true, enum: ['ClusterSetIP', 'Headless'] },
        ),
        ports: arr('Ports of the import. Items require `port`; names must be unique.', port, { required: true }),
        ips: arr(
          'Clusterset VIP(s), one per IP family in `ipFamilies` order; empty for Headless. maxItems 2 (1 in mcs-api v0.1.0). Submariner leaves it empty unless the clusterset IP is enabled.',
          str('An IPv4 or IPv6 address (no prefix length).'),
        ),
        ipFamilies: arr(
          'IP families of `ips`, no duplicates, maxItems 2.',
          str('`IPv4` or `IPv6`.', { enum: ['IPv4', 'IPv6'] }),
          { since: 'v0.4.0' },
        ),
        sessionAffinity: str(
          '`None` (default) or `ClientIP`; ignored for Headless. Must agree across exports (`SessionAffinityConflict`).',
          { enum: ['None', 'ClientIP'] },
        ),
        sessionAffinityConfig: obj('Session affinity settings.', {
          clientIP: obj('ClientIP affinity settings.', {
            timeoutSeconds: int(
              'Seconds of stickiness: 1–86400, default 10800. Must agree across exports (`SessionAffinityConfigConflict`).',
            ),
          }),
        }),
        internalTrafficPolicy: str(
          "`Cluster` (default) or `Local`, copied from the oldest export. `Local` keeps traffic on the caller's node, which callers in other clusters never are.",
          { since: 'v0.4.0', enum: ['Cluster', 'Local'] },
        ),
        trafficDistribution: str(
          `${oneOf(TRAFFIC_DISTRIBUTION)}, copied from the oldest export. \`PreferSameZone\`/\`PreferSameNode\` need Kubernetes ≥ 1.33; \`PreferClose\` is a deprecated alias of \`PreferSameZone\`.`,
          { since: 'v0.4.0', enum: TRAFFIC_DISTRIBUTION },
        ),
      },
      {
        knownMistakes: {
          ip: { hint: "the KEP's alpha field spec.ip became the list spec.ips", wrapInListAs: 'ips' },
          clusterIP: { hint: 'a ServiceImport carries its VIPs in the list spec.ips' },
          clusterIPs: { hint: 'a ServiceImport carries its VIPs in spec.ips', renameTo: 'ips' },
          selector: { hint: 'a ServiceImport has no selector: its endpoints come from the exporting clusters' },
        },
      },
    ),
    status: obj('Written by the MCS controller; a manifest should not carry it.', {
      clusters: arr(
        'Clusters that export the service.',
        obj('One exporting cluster.', { cluster: str('Cluster id (an RFC-1123 DNS label).', { required: true }) }),
      ),
      conditions: conditionList(
        '`Ready` condition (False: `Pending`, `IPFamilyNotSupported`; Cilium adds `NamespaceNotGlobal`).',
        { since: 'v0.4.0' },
      ),
      endpointSliceObjects: str(
        'Whether MCS EndpointSlices exist for this import (`Present` | `Absent`), for consumers such as Gateway API implementations.',
        {
          // In config/crd of the sigs.k8s.io/mcs-api module from v0.5.1 (checked with go mod download).
          since: 'v0.5.1',
          enum: ['Present', 'Absent'],
        },
      ),
    }),
  }),
};
