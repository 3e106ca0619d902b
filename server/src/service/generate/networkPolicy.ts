// `generate networkpolicy`: admit the clusterset's consumers to the exported service's pods on its target
// ports, and nothing more. What the source address of a remote caller is depends on the implementation:
// - plain pod IPs (GKE VPC-native, AWS, Submariner without Globalnet, Istio on one network): the consumer
//   clusters' pod CIDRs in ipBlocks;
// - Submariner Globalnet: the consumers' global CIDRs (Globalnet SNATs to the cluster's global egress IPs);
// - Cilium ClusterMesh: remote pods keep their identities, and ipBlock does not select pods, so a
//   CiliumNetworkPolicy selects them by cluster (io.cilium.k8s.policy.cluster); since 1.19 selectors without a
//   cluster match only the local cluster (policy-default-local-cluster);
// - Istio on several networks: calls arrive through the east-west gateway (istio-system, istio: eastwestgateway).
import { Document } from 'yaml';
import { asSeq, nodeAt, stringAt } from '../parse/path';
import { selectorOf } from '../model/service';
import type { YNode } from '../parse/yamlTree';
import { clusterLabel, exportedServiceDocs, isExported } from './exportedService';
import { failure, parseServiceRef, type GenerateRequest, type GenerateResult, type GeneratorContext } from './types';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'default']);
const SAME_NETWORK = new Set(['flat', 'vpc-peering', 'transit-gateway']);

/** The pods' ports the Service sends to (NetworkPolicy ports match the pod side: targetPort, else port). */
function targetPorts(root: YNode | null): Array<{ protocol: string; port: number | string }> {
  const seq = asSeq(nodeAt(root, ['spec', 'ports']));
  const out: Array<{ protocol: string; port: number | string }> = [];
  for (const item of seq?.items ?? []) {
    const target = stringAt(item, ['targetPort']) ?? stringAt(item, ['port']);
    if (target === undefined) continue;
    const protocol = stringAt(item, ['protocol']) ?? 'TCP';
    const port = /^\d+$/.test(target) ? Number(target) : target;
    if (!out.some((p) => p.protocol === protocol && p.port === port)) out.push({ protocol, port });
  }
  return out;
}

export function generateNetworkPolicy(req: GenerateRequest, ctx: GeneratorContext): GenerateResult {
  const ref = parseServiceRef(req.service);
  if (typeof ref === 'string') return failure(ref);
  if (!isExported(ctx.index, ref))
    return failure(`${ref.namespace}/${ref.name} is not exported: no ServiceExport of that namespace and name in the workspace.`);
  const cs = ctx.clusterSet?.model;
  if (!cs) return failure('The NetworkPolicy admits the consumer clusters named in the ClusterSet file; the workspace has none.');
  const entry = cs.services.find((s) => s.name === ref.name && s.namespace === ref.namespace);
  const consumers = entry?.clusterRefs.filter((r) => r.field === 'consumers').map((r) => r.value) ?? [];
  const warnings: string[] = [];
  if (!consumers.length) {
    return failure(
      `The ClusterSet file lists no consumers for ${ref.namespace}/${ref.name} (spec.services[].consumers): without them the export opens the service to every cluster of the clusterset, and there is nothing narrower to admit.`,
    );
  }
  if (SYSTEM_NAMESPACES.has(ref.namespace)) {
    warnings.push(
      `${ref.namespace} is a system namespace: exporting from it shares the service with every cluster of the clusterset.`,
    );
  }
  const implementation = cs.implementation?.value ?? ctx.settings.implementation;
  const globalnet = cs.overlapMode?.value === 'globalnet';
  const substrate = ctx.clusterSet ? stringAt(ctx.clusterSet.doc.root, ['spec', 'connectivity', 'substrate']) : undefined;
  const consumerClusters = cs.clusters.filter((c) => c.name && consumers.includes(c.name.value));
  const missing = consumers.filter((n) => !consumerClusters.some((c) => c.name?.value === n));
  if (missing.length) return failure(`Consumers ${missing.join(', ')} are not clusters of spec.clusters.`);

  const services = exportedServiceDocs(ctx.index, ref);
  if (!services.length)
    return failure(`The workspace has no Service for ${ref.namespace}/${ref.name}: the policy selects the Service's pods.`);
  // Clusters whose Services yield the same policy share one document.
  const bodies = new Map<string, { doc: Document; how: string; ports: string; clusters: Array<string | undefined> }>();
  for (const { cluster, service } of services) {
    const selector = selectorOf(service.doc.root);
    if (!selector || selector.size === 0) {
      return failure(
        `The Service ${ref.namespace}/${ref.name} of ${clusterLabel(cluster)} has no selector: its endpoints are managed by hand, so no pod selector can be derived.`,
      );
    }
    const ports = targetPorts(service.doc.root);
    const podSelector = { matchLabels: Object.fromEntries(selector) };
    const name = `${ref.name}-from-clusterset`;
    let doc: Document;
    let how: string;
    if (implementation === 'cilium') {
      doc = new Document({
        apiVersion: 'cilium.io/v2',
        kind: 'CiliumNetworkPolicy',
        metadata: { name, namespace: ref.namespace },
        spec: {
          endpointSelector: podSelector,
          ingress: [
            {
              fromEndpoints: consumerClusters.map((c) => ({
                matchLabels: { 'io.cilium.k8s.policy.cluster': c.name?.value },
                matchExpressions: [{ key: 'io.kubernetes.pod.namespace', operator: 'Exists' }],
              })),
              toPorts: [{ ports: ports.map((p) => ({ port: String(p.port), protocol: p.protocol })) }],
            },
          ],
        },
      });
      how = 'Cilium keeps remote pods\u2019 identities, so callers are selected by their cluster (any namespace).';
    } else if (implementation === 'istio' && !SAME_NETWORK.has(substrate ?? '')) {
      doc = policy(name, ref.namespace, podSelector, ports, [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } },
          podSelector: { matchLabels: { istio: 'eastwestgateway' } },
        },
      ]);
      how =
        'On several networks Istio delivers remote calls through the east-west gateway, so the gateway is admitted; restrict callers further with an AuthorizationPolicy.';
    } else {
      const ranges = consumerClusters.flatMap((c) => {
        if (globalnet) return c.globalCIDR ? [c.globalCIDR.text] : [];
        return c.cidrs.filter((f) => f.role === 'podCIDRs').map((f) => f.text);
      });
      const lacking = consumerClusters.filter((c) => (globalnet ? !c.globalCIDR : !c.cidrs.some((f) => f.role === 'podCIDRs')));
      if (lacking.length) {
        return failure(
          `The ClusterSet file has no ${globalnet ? 'globalCIDR' : 'podCIDRs'} for ${lacking.map((c) => c.name?.value).join(', ')}: the policy cannot name their callers' addresses.`,
        );
      }
      doc = policy(
        name,
        ref.namespace,
        podSelector,
        ports,
        ranges.map((cidr) => ({ ipBlock: { cidr } })),
      );
      how = globalnet
        ? 'With Globalnet, remote callers arrive from their cluster\u2019s global CIDR (Submariner SNATs to global egress IPs).'
        : 'Remote callers keep their pod IPs, so their clusters\u2019 pod CIDRs are admitted.';
    }
    const body = doc.toString({ lineWidth: 0 });
    const same = bodies.get(body);
    if (same) same.clusters.push(cluster);
    else bodies.set(body, { doc, how, ports: ports.map((p) => `${p.port}/${p.protocol}`).join(', '), clusters: [cluster] });
  }
  const docs: Document[] = [];
  for (const { doc, how, ports, clusters } of bodies.values()) {
    const where = clusters.map(clusterLabel).join(', ');
    doc.commentBefore = [
      ` Apply in ${where}: admits ${consumers.join(', ')} to ${ref.namespace}/${ref.name} on ${ports}, and nothing more.`,
      ` ${how}`,
      ' Policies add up: in-cluster callers need their own rule once the pods are selected by any ingress policy.',
    ].join('\n');
    docs.push(doc);
  }
  return {
    ok: true,
    title: `${ref.name}.${ref.namespace} clusterset ingress policy.yaml`,
    language: 'yaml',
    text: docs.map((d) => d.toString({ lineWidth: 0 })).join('---\n'),
    warnings,
  };
}

function policy(
  name: string,
  namespace: string,
  podSelector: unknown,
  ports: Array<{ protocol: string; port: number | string }>,
  from: unknown[],
): Document {
  return new Document({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec: { podSelector, policyTypes: ['Ingress'], ingress: [{ from, ports }] },
  });
}
