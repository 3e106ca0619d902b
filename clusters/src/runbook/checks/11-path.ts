// Check 11: the path. Encryption as the ClusterSet file's `connectivity.encryption` asks (Cilium
// WireGuard/IPsec from cilium-config, Submariner's cable driver — vxlan is clear text —, Istio mTLS
// STRICT); NetworkPolicies in the exporting namespace that select the Service's pods but admit no
// consumer pod CIDR (Cilium ≥ 1.19's policy-default-local-cluster makes selectors local-only); exports
// from system namespaces. Heuristic by nature: it names what it read, and never guesses silently.
import type { ClusterCidrReport } from '../../cidrs';
import type { Result } from '../../faults';
import { contains, formatCidr, parseCidr, type Cidr } from '../../../../server/src/service/public';
import type { CauseId } from '../causes';
import { defineCheck, type Evidence, type Outcome } from '../check';
import { readCiliumConfig } from './03-controller';
import { kubectl, ref, warn } from './util';

type Selector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
};
type Peer = { ipBlock?: { cidr: string; except?: string[] }; podSelector?: Selector; namespaceSelector?: Selector };
export interface NetworkPolicy {
  metadata?: { name?: string };
  spec?: { podSelector?: Selector; policyTypes?: string[]; ingress?: Array<{ from?: Peer[] }> };
}

interface Path {
  cilium: Record<string, string> | null | undefined;
  cableDriver?: string;
  istioStrict?: boolean;
  policies?: NetworkPolicy[];
  /** Why the NetworkPolicies could not be read (said in the detail, never guessed). */
  policiesFault?: string;
  selector?: Record<string, string> | null;
  cidrs?: ClusterCidrReport;
}

export const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

export function selects(sel: Selector | undefined, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel?.matchExpressions ?? []) {
    const has = e.key in labels;
    const val = labels[e.key];
    const vals = e.values ?? [];
    if (e.operator === 'In' && !(has && vals.includes(val ?? ''))) return false;
    if (e.operator === 'NotIn' && has && vals.includes(val ?? '')) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Whether the policies that select the pods admit traffic from `remote` pod ranges (NetworkPolicies add up). */
export function policyVerdict(
  policies: NetworkPolicy[],
  podLabels: Record<string, string>,
  remote: Cidr[],
  selectorsMatchRemote: boolean,
): { selecting: string[]; admits: boolean; unknown: boolean } {
  const selecting = policies.filter((p) => {
    const types = p.spec?.policyTypes ?? ['Ingress'];
    return types.includes('Ingress') && selects(p.spec?.podSelector, podLabels);
  });
  if (selecting.length === 0) return { selecting: [], admits: true, unknown: false };
  let unknown = false;
  const admits = selecting.some((p) =>
    (p.spec?.ingress ?? []).some((rule) => {
      if (!rule.from || rule.from.length === 0) return true;
      return rule.from.some((peer) => {
        if (peer.ipBlock) {
          const block = parseCidr(peer.ipBlock.cidr);
          if (!block.ok) return false;
          if (remote.length === 0) {
            unknown = true;
            return false;
          }
          return remote.every((r) => contains(block.cidr, r));
        }
        return selectorsMatchRemote;
      });
    }),
  );
  return { selecting: selecting.map((p) => p.metadata?.name ?? '?'), admits, unknown: unknown && !admits };
}

function encryptionOf(impl: string, v: Path | undefined): { kind: string; from: string } | undefined {
  if (!v) return undefined;
  if (impl === 'cilium' && v.cilium) {
    if (v.cilium['enable-wireguard'] === 'true') return { kind: 'wireguard', from: 'cilium-config enable-wireguard' };
    if (v.cilium['enable-ipsec'] === 'true') return { kind: 'ipsec', from: 'cilium-config enable-ipsec' };
    return { kind: 'none', from: 'cilium-config (enable-wireguard and enable-ipsec not "true")' };
  }
  if (impl === 'submariner' && v.cableDriver) {
    const d = v.cableDriver;
    return { kind: d === 'vxlan' ? 'none' : d === 'libreswan' ? 'ipsec' : d, from: `Submariner spec.cableDriver ${d}` };
  }
  if (impl === 'istio' && v.istioStrict !== undefined)
    return { kind: v.istioStrict ? 'mtls' : 'none', from: 'PeerAuthentication in istio-system' };
  return undefined;
}

export const path = defineCheck<Path>({
  id: 'path',
  title: 'The path between clusters: encryption and NetworkPolicies',
  scope: 'each',
  needs: [],
  async read(a, svc): Promise<Result<Path>> {
    const ns = encodeURIComponent(svc.namespace);
    const [cc, sub, pa, np, s, cidrs] = await Promise.all([
      readCiliumConfig(a),
      a.listAll<{ spec?: { cableDriver?: string } }>('/apis/submariner.io/v1alpha1/submariners', 'Submariner'),
      a.listAll<{ spec?: { mtls?: { mode?: string } } }>(
        '/apis/security.istio.io/v1/namespaces/istio-system/peerauthentications',
        'PeerAuthentications',
      ),
      a.listAll<NetworkPolicy>(
        `/apis/networking.k8s.io/v1/namespaces/${ns}/networkpolicies`,
        `NetworkPolicies in ${svc.namespace}`,
      ),
      a.getJson<{ spec?: { selector?: Record<string, string> } }>(
        `/api/v1/namespaces/${ns}/services/${encodeURIComponent(svc.name)}`,
        `Service ${svc.namespace}/${svc.name}`,
      ),
      a.discoverCidrs(),
    ]);
    const driver = sub.ok ? sub.value.items[0]?.spec?.cableDriver : undefined;
    return {
      ok: true,
      value: {
        cilium: cc.ok ? cc.value : undefined,
        ...(driver ? { cableDriver: driver } : {}),
        ...(pa.ok && pa.value.items.length ? { istioStrict: pa.value.items.some((p) => p.spec?.mtls?.mode === 'STRICT') } : {}),
        ...(np.ok ? { policies: np.value.items } : { policiesFault: `${np.fault.kind}: ${np.fault.message}` }),
        ...(s.ok ? { selector: s.value.spec?.selector ?? null } : {}),
        cidrs,
      },
    };
  },
  run(ctx, reads) {
    const { namespace } = ctx.service;
    const wanted = ctx.clusterSet?.encryption;
    const out: Outcome[] = [];
    if (SYSTEM_NAMESPACES.includes(namespace))
      out.push(
        warn(
          null,
          `${ctx.serviceRef} is exported from the system namespace ${namespace}: every member's ${namespace} shares it, and some implementations refuse system namespaces`,
        ),
      );
    const remotePods = (exporter: string): Cidr[] =>
      ctx.consumers
        .filter((c) => c !== exporter)
        .flatMap((c) => {
          const live = reads(c);
          const fromLive = live?.ok && live.value.cidrs?.ok ? live.value.cidrs.podCIDRs : [];
          const fromFile = ctx.clusterSet?.clusters.find((x) => x.name === c)?.podCIDRs ?? [];
          return [...fromFile, ...fromLive].flatMap((t) => {
            const p = parseCidr(t);
            return p.ok ? [p.cidr] : [];
          });
        });
    for (const m of ctx.members) {
      const c = m.name;
      const impl = ctx.implementationOf(c);
      const r = reads(c);
      const v = r?.ok ? r.value : undefined;
      const causes: CauseId[] = [];
      const details: string[] = [];
      const evidence: Evidence[] = [];
      const commands: string[] = [];
      const enc = encryptionOf(impl, v);
      if (enc) {
        evidence.push({ cluster: c, object: enc.from, excerpt: enc.kind });
        if (wanted && wanted !== 'none' && enc.kind !== wanted && !(wanted !== 'mtls' && enc.kind !== 'none')) {
          causes.push('path-unencrypted');
          details.push(
            `the ClusterSet file asks for ${wanted}, but ${c} sends cross-cluster traffic ${enc.kind === 'none' ? 'unencrypted' : `with ${enc.kind}`} (${enc.from})`,
          );
        } else if (!wanted && enc.kind === 'none')
          details.push(
            `cross-cluster traffic from ${c} is not encrypted (${enc.from}); the ClusterSet file states no requirement`,
          );
        else details.push(`encryption: ${enc.kind}`);
      } else if (wanted && wanted !== 'none')
        details.push(`encryption (${wanted} wanted) is not visible through the API for ${impl}`);
      if (ctx.exporters.includes(c) && v?.policiesFault) details.push(`NetworkPolicies not checked: ${v.policiesFault}`);
      if (ctx.exporters.includes(c) && v?.policies && v.selector) {
        const local = impl === 'cilium' && v.cilium?.['policy-default-local-cluster'] === 'true';
        const selectorsMatchRemote = impl === 'cilium' && !local;
        const remote = remotePods(c);
        const verdict = policyVerdict(v.policies, v.selector, remote, selectorsMatchRemote);
        if (verdict.selecting.length) {
          for (const p of verdict.selecting)
            evidence.push({ cluster: c, object: ref('NetworkPolicy', namespace, p), field: 'spec.ingress' });
          commands.push(kubectl(ctx, c, `-n ${namespace} get networkpolicies -o yaml`));
          if (impl === 'gke')
            details.push(
              `NetworkPolicies ${verdict.selecting.join(', ')} select the pods, and GKE MCS does not support NetworkPolicy for multi-cluster traffic`,
            );
          else if (verdict.unknown)
            details.push(
              `NetworkPolicies ${verdict.selecting.join(', ')} admit only ipBlocks, and the consumers' pod CIDRs are unknown: check by hand`,
            );
          else if (!verdict.admits) {
            causes.push('networkpolicy-blocks');
            const why = local
              ? 'cilium-config policy-default-local-cluster is "true", so their selectors match only local pods'
              : `no ingress rule admits the consumers' pod CIDRs${remote.length ? ` (${remote.map(formatCidr).join(', ')})` : ''}`;
            details.push(
              `NetworkPolicies ${verdict.selecting.join(', ')} select the pods of ${ctx.serviceRef} in ${c}, and ${why}`,
            );
            if (local)
              evidence.push({
                cluster: c,
                object: 'ConfigMap kube-system/cilium-config',
                field: 'data.policy-default-local-cluster',
                excerpt: 'true',
              });
          } else details.push(`NetworkPolicies ${verdict.selecting.join(', ')} admit the consumers`);
        }
      }
      const status = causes.length
        ? 'fail'
        : details.some((d) => /not encrypted|check by hand|not support|not visible|not checked/.test(d))
          ? 'warn'
          : 'pass';
      out.push({
        cluster: c,
        status,
        detail: details.join('; ') || `nothing on the path of ${c} to check (no NetworkPolicy selects the pods)`,
        ...(causes.length ? { causes } : {}),
        ...(evidence.length ? { evidence } : {}),
        ...(commands.length ? { commands } : {}),
      });
    }
    return out;
  },
});
