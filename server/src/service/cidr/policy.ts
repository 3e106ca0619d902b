// How a ClusterSet file handles overlap, and which implementation it targets: the file wins over the
// settings (catalogue header). Shared by the CIDR rules so they agree on the mode and the messages.
import { IMPLEMENTATIONS, type ClustersetSettings, type Implementation } from '../../protocol';
import type { ClusterSetModel } from '../model/clusterSet';
import { parseCidr, type Cidr } from './cidr';
import { GLOBALNET_DEFAULT_POOL } from './analysis';

/**
 * `spec.overlap.mode`: `none` (default), `globalnet` (Submariner Globalnet: each cluster is reached
 * through its `globalCIDR`) or `multi-network` (Istio multi-network: cross-network traffic goes through
 * east-west gateways, so pod ranges may overlap). Decision recorded in docs/rules/MCS714.md.
 */
export type OverlapMode = 'none' | 'globalnet' | 'multi-network';
export const OVERLAP_MODES: readonly OverlapMode[] = ['none', 'globalnet', 'multi-network'];

export function implementationOf(model: ClusterSetModel, settings: ClustersetSettings): Implementation {
  const v = model.implementation?.value;
  return v !== undefined && (IMPLEMENTATIONS as readonly string[]).includes(v) ? (v as Implementation) : settings.implementation;
}

export function overlapModeOf(model: ClusterSetModel): OverlapMode {
  const v = model.overlapMode?.value;
  return v !== undefined && (OVERLAP_MODES as readonly string[]).includes(v) ? (v as OverlapMode) : 'none';
}

/** The Globalnet pool: `spec.overlap.globalnetCIDR`, else Submariner's default 242.0.0.0/8. */
export function globalnetPoolOf(model: ClusterSetModel): Cidr {
  const text = model.globalnetCIDR?.value;
  const r = text === undefined ? undefined : parseCidr(text);
  return r?.ok ? r.cidr : GLOBALNET_DEFAULT_POOL;
}

/** The user's `clusterset.cidrPool` ranges that parse. */
export function userPoolsOf(settings: ClustersetSettings): Cidr[] {
  const out: Cidr[] = [];
  for (const t of settings.cidrPool ?? []) {
    const r = parseCidr(t);
    if (r.ok) out.push(r.cidr);
  }
  return out;
}

/** What overlapping pod ranges break, in the words of the implementation (mcs-facts §8). */
export function podOverlapConsequence(impl: Implementation): string {
  switch (impl) {
    case 'cilium':
      return 'Cilium ClusterMesh requires unique PodCIDRs across clusters and has no NAT for overlap: pods in the shared addresses are unreachable or answer from the wrong cluster.';
    case 'submariner':
      return 'Submariner routes pod traffic by destination CIDR and refuses overlapping ranges without Globalnet: cross-cluster traffic to these pods fails.';
    case 'gke':
      return 'GKE MCS needs all clusters in one VPC (or peered VPCs) where ranges cannot overlap: the cluster cannot be added to the fleet network as written.';
    case 'aws':
      return 'the AWS Cloud Map MCS controller does not handle overlap: endpoints it publishes from one cluster resolve to pods of another.';
    default:
      return 'cross-cluster traffic to these addresses is ambiguous: packets reach the wrong cluster or are dropped.';
  }
}
