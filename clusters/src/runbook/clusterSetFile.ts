// The ClusterSet file as the runbook needs it, read through the language service's own reader
// (service/public readClusterSet), so the editor, the CIDR rules and the doctor read the file one way.
import { readClusterSetText, type CidrField, type ClusterSetModel } from '../../../server/src/service/public';
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

/** The runbook's view of a ClusterSet model (read by service/public readClusterSetText). */
export function toRunbookClusterSet(m: ClusterSetModel): RunbookClusterSet {
  const texts = (fields: CidrField[], role: CidrField['role']) => fields.filter((f) => f.role === role).map((f) => f.text);
  const impl = m.implementation?.value;
  return {
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
  };
}

/** The first `kind: ClusterSet` document of the text, as the model and the runbook's view. */
export function readRunbookClusterSet(
  text: string,
): { ok: true; model: ClusterSetModel; value: RunbookClusterSet } | { ok: false; error: string } {
  const model = readClusterSetText(text);
  if (!model) return { ok: false, error: 'no readable document with kind: ClusterSet' };
  return { ok: true, model, value: toRunbookClusterSet(model) };
}
