// `generate traffic-policy`: keep calls in the caller's cluster (and zone) while it has healthy endpoints,
// fall back to the other clusters when not. Per implementation and Kubernetes version:
// - Service.spec.trafficDistribution (KEP-4444 PreferClose: beta 1.31, GA 1.33; KEP-3015 PreferSameZone: beta
//   and on by default 1.34, GA 1.35; PreferClose is a deprecated alias), copied to the ServiceImport from the
//   oldest export (KEP-1645), so every exporting cluster must set the same value;
// - before 1.31: the topology-mode annotation (1.27+) or topology-aware-hints (older);
// - Cilium: service.cilium.io/affinity: local on a global service (Cilium docs "Service Affinity");
// - Istio: DestinationRule localityLbSetting, which only fails over with outlierDetection set (istio.io
//   "Locality failover").
import { Document, parseDocument } from 'yaml';
import { kubernetesMinor } from '../model/kubeVersion';
import { clusterLabel, exportedServiceDocs, isExported } from './exportedService';
import { failure, parseServiceRef, type GenerateRequest, type GenerateResult, type GeneratorContext } from './types';

interface Choice {
  field?: { trafficDistribution: string };
  annotations?: Record<string, string>;
  why: string;
}

function kubernetesChoice(minor: number): Choice {
  if (minor >= 34)
    return {
      field: { trafficDistribution: 'PreferSameZone' },
      why: `Kubernetes 1.${minor}: PreferSameZone (KEP-3015, on by default since 1.34).`,
    };
  if (minor >= 31)
    return {
      field: { trafficDistribution: 'PreferClose' },
      why: `Kubernetes 1.${minor}: PreferClose (KEP-4444, beta and on by default since 1.31).`,
    };
  if (minor >= 27)
    return {
      annotations: { 'service.kubernetes.io/topology-mode': 'Auto' },
      why: `Kubernetes 1.${minor} has no trafficDistribution by default: topology-aware routing (topology-mode: Auto).`,
    };
  return {
    annotations: { 'service.kubernetes.io/topology-aware-hints': 'auto' },
    why: `Kubernetes 1.${minor}: topology-aware hints (the annotation before 1.27).`,
  };
}

const TRADE_OFF = [
  ' Trade-off: local-first keeps latency low and avoids cross-zone and cross-region transfer charges, but a',
  ' cluster (or zone) with few endpoints takes all of its own clients\u2019 load until those endpoints are gone;',
  ' only then does traffic fail over to the other clusters. Size each cluster for its own clients.',
];

export function generateTrafficPolicy(req: GenerateRequest, ctx: GeneratorContext): GenerateResult {
  const ref = parseServiceRef(req.service);
  if (typeof ref === 'string') return failure(ref);
  const exporting = exportedServiceDocs(ctx.index, ref);
  if (!isExported(ctx.index, ref))
    return failure(`${ref.namespace}/${ref.name} is not exported: no ServiceExport of that namespace and name in the workspace.`);
  const implementation = ctx.clusterSet?.model.implementation?.value ?? ctx.settings.implementation;
  const minor = kubernetesMinor(ctx.settings.kubernetesVersion) ?? 35;
  const host = `${ref.name}.${ref.namespace}.svc.clusterset.local`;
  const docs: Document[] = [];
  const warnings: string[] = [];

  if (implementation === 'istio') {
    const dr = new Document({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: `${ref.name}-local-first`, namespace: ref.namespace },
      spec: {
        host,
        trafficPolicy: {
          loadBalancer: { localityLbSetting: { enabled: true } },
          outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 100 },
        },
      },
    });
    dr.commentBefore = [
      ` Local-first for ${host} with Istio locality load balancing: the proxy prefers endpoints in its own`,
      ' region/zone/subzone (node labels topology.kubernetes.io/region and zone) and fails over only when they are',
      ' ejected, which needs outlierDetection: without it Istio never fails over (istio.io "Locality failover").',
      ...TRADE_OFF,
    ].join('\n');
    docs.push(dr);
  } else {
    const choice = kubernetesChoice(minor);
    const withService = exporting;
    if (!withService.length) {
      return failure(
        `The workspace has no Service for ${ref.namespace}/${ref.name}: the local-first policy is set on the exported Service itself.`,
      );
    }
    const seen = new Set<string>();
    for (const c of withService) {
      const text = c.service.doc.text;
      if (seen.has(text)) continue;
      seen.add(text);
      const svc = parseDocument(text, { version: '1.1' });
      if (choice.field) svc.setIn(['spec', 'trafficDistribution'], choice.field.trafficDistribution);
      const annotations: Record<string, string> = { ...choice.annotations };
      if (implementation === 'cilium') {
        annotations['service.cilium.io/global'] = 'true';
        annotations['service.cilium.io/affinity'] = 'local';
      }
      if (Object.keys(annotations).length) {
        // A fresh mapping node when the Service has no annotations yet (setIn would invent a YAML 1.1 !!omap).
        if (!svc.hasIn(['metadata', 'annotations'])) svc.setIn(['metadata', 'annotations'], svc.createNode({}));
        for (const [k, v] of Object.entries(annotations)) svc.setIn(['metadata', 'annotations', k], v);
      }
      const lines = [
        ` Local-first for ${host}: the Service of ${clusterLabel(c.cluster)}${
          withService.length > 1
            ? ` (apply the same change in ${withService
                .filter((o) => o !== c)
                .map((o) => clusterLabel(o.cluster))
                .join(', ')})`
            : ''
        }.`,
        ' Every exporting cluster must set the same value, or the exports get a TrafficDistributionConflict and the',
        ' oldest export wins (KEP-1645). ' + choice.why,
      ];
      if (implementation === 'cilium') {
        lines.push(' Cilium: affinity "local" prefers healthy backends of the local cluster and falls back to remote ones');
        lines.push(' (Cilium docs "Service Affinity"; it applies to global services, hence service.cilium.io/global).');
      }
      if (implementation === 'submariner') {
        lines.push(' Submariner: Lighthouse DNS already answers with the local cluster first when it has ready endpoints;');
        lines.push(' trafficDistribution then keeps calls in the caller\u2019s zone inside that cluster.');
      }
      svc.commentBefore = [...lines, ...TRADE_OFF, ...(svc.commentBefore ? [svc.commentBefore] : [])].join('\n');
      docs.push(svc);
    }
    if (minor < 31)
      warnings.push(`Kubernetes 1.${minor} has no trafficDistribution on by default; the policy uses an annotation.`);
  }
  return {
    ok: true,
    title: `${ref.name}.${ref.namespace} local-first policy.yaml`,
    language: 'yaml',
    text: docs.map((d) => d.toString({ lineWidth: 0 })).join('---\n'),
    warnings,
  };
}
