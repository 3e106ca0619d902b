// The ClusterSet file as the runbook needs it, read through the language service's own reader
// (service/public readClusterSet), so the editor, the CIDR rules and the doctor read the file one way.
import { parseDocumentText, readClusterSet, type CidrField } from '../../../server/src/service/public';
import type { McsImplementation } from '../inventory/snapshot';

export interface RunbookClusterSetCluster {
  name: string;
  context?: string;
  podCIDRs: string[];
  serviceCIDRs: string[];
  globalCIDR?: string;
}

export interface RunbookClusterSet {
  /** metadata.name: the clusterset id every member's ClusterProperty `clusterset.k8s.io` should hold. */
  name?: string;
  implementation?: McsImplementation;
  overlapMode?: string;
  globalnetCIDR?: string;
  /** spec.connectivity.encryption: wireguard | ipsec | mtls | none. */
  encryption?: string;
  clusters: RunbookClusterSetCluster[];
  services: Array<{ name?: string; namespace?: string; exportedFrom: string[]; consumers: string[] }>;
}

const IMPLEMENTATIONS: readonly McsImplementation[] = ['generic', 'cilium', 'submariner', 'gke', 'istio', 'aws'];

export function isImplementation(v: string | undefined): v is McsImplementation {
  return !!v && (IMPLEMENTATIONS as readonly string[]).includes(v);
}

/** The first `kind: ClusterSet` document of the text; an error sentence when there is none. */
export function readRunbookClusterSet(text: string): { ok: true; value: RunbookClusterSet } | { ok: false; error: string } {
  const docs = text.split(/^---[ \t]*$/m);
  const doc = docs.find((d) => /^kind:[ \t]*ClusterSet[ \t]*$/m.test(d));
  if (!doc) return { ok: false, error: 'no document with kind: ClusterSet' };
  const parsed = parseDocumentText(doc);
  if (!parsed.root) return { ok: false, error: 'the ClusterSet document could not be parsed as YAML' };
  const m = readClusterSet(parsed.root);
  const texts = (fields: CidrField[], role: CidrField['role']) => fields.filter((f) => f.role === role).map((f) => f.text);
  const impl = m.implementation?.value;
  return {
    ok: true,
    value: {
      ...(m.name ? { name: m.name } : {}),
      ...(isImplementation(impl) ? { implementation: impl } : {}),
      ...(m.overlapMode ? { overlapMode: m.overlapMode.value } : {}),
      ...(m.globalnetCIDR ? { globalnetCIDR: m.globalnetCIDR.value } : {}),
      ...(m.encryption ? { encryption: m.encryption.value } : {}),
      clusters: m.clusters
        .filter((c) => c.name)
        .map((c) => ({
          name: c.name?.value ?? '',
          ...(c.context ? { context: c.context.value } : {}),
          podCIDRs: texts(c.cidrs, 'podCIDRs'),
          serviceCIDRs: texts(c.cidrs, 'serviceCIDRs'),
          ...(c.globalCIDR ? { globalCIDR: c.globalCIDR.text } : {}),
        })),
      services: m.services.map((s) => ({
        ...(s.name ? { name: s.name } : {}),
        ...(s.namespace ? { namespace: s.namespace } : {}),
        exportedFrom: s.clusterRefs.filter((r) => r.field === 'exportedFrom').map((r) => r.value),
        consumers: s.clusterRefs.filter((r) => r.field === 'consumers').map((r) => r.value),
      })),
    },
  };
}
