// Cilium ClusterMesh with the MCS-API. Commands and Helm keys as documented upstream:
// cilium-cli `install`, `clustermesh enable|connect|status` (https://github.com/cilium/cilium-cli, --service-type
// accepts LoadBalancer|NodePort only); Helm values `clustermesh.mcsapi.*` from Cilium 1.19 and the deprecated
// `clustermesh.enableMCSAPISupport` for 1.17–1.18 (Documentation/operations/upgrade.rst, 1.19 notes;
// Documentation/network/clustermesh/mcsapi.rst); cluster name ≤ 32 chars and id 1..255 (or 511 with
// clustermesh.maxConnectedClusters=511) from the Helm README.
import { shellWord } from '../markdown';
import { exportSection, runbookHeader, verifySection } from './common';
import type { WiringInput } from './input';
import type { Wiring } from './wiring';

const NAME = /^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$/;
const LATEST = '1.19';

function minorOf(version: string): number | undefined {
  const m = /^v?1\.(\d+)/.exec(version);
  return m ? Number(m[1]) : undefined;
}

export const ciliumWiring: Wiring = {
  implementation: 'cilium',
  title: 'Cilium ClusterMesh (MCS-API)',
  build(input: WiringInput) {
    const version = input.version ?? LATEST;
    const minor = minorOf(version);
    if (minor === undefined) return `"${version}" is not a Cilium version (expected e.g. 1.19).`;
    if (minor < 17) return `Cilium ${version} has no MCS-API support: it arrived in Cilium 1.17. Upgrade Cilium first.`;
    if (input.overlaps.length) {
      return `Cilium ClusterMesh needs Pod and Service CIDRs that do not overlap across clusters, and these do: ${input.overlaps.join('; ')}. Re-address the clusters, or use Submariner with Globalnet (spec.implementation: submariner, spec.overlap.mode: globalnet).`;
    }
    const badNames = input.clusters.filter((c) => !NAME.test(c.name)).map((c) => c.name);
    if (badNames.length) {
      return `Cilium cluster names must be at most 32 lowercase letters, digits and '-' (strict since 1.17): ${badNames.join(', ')}.`;
    }
    if (input.clusters.length > 511)
      return `Cilium ClusterMesh connects at most 511 clusters; this clusterset has ${input.clusters.length}.`;
    const warnings: string[] = [];
    const keys: string[] = [];
    if (input.clusters.length > 255) keys.push('clustermesh.maxConnectedClusters=511');
    if (minor >= 19) keys.push('clustermesh.mcsapi.enabled=true', 'clustermesh.mcsapi.corednsAutoConfigure.enabled=true');
    else keys.push('clustermesh.enableMCSAPISupport=true');
    if (input.services.some((s) => s.headless)) keys.push('clustermesh.enableEndpointSliceSynchronization=true');
    if (input.encryption === 'wireguard') keys.push('encryption.enabled=true', 'encryption.type=wireguard');
    if (input.encryption === 'ipsec') keys.push('encryption.enabled=true', 'encryption.type=ipsec');
    if (!input.encryption || input.encryption === 'none') {
      warnings.push('Cross-cluster traffic is not encrypted (spec.connectivity.encryption is not wireguard or ipsec).');
    }
    if (input.encryption === 'mtls')
      warnings.push('Cilium does not provide mTLS; set spec.connectivity.encryption to wireguard or ipsec for Cilium.');

    const md = runbookHeader(input, this.title);
    md.heading(2, '1. Install Cilium with a unique cluster name and id');
    md.para(
      `Cluster ids 1..${input.clusters.length} in ClusterSet order; they must stay the same for the life of the cluster.`,
      minor >= 19
        ? 'The MCS-API CRDs are installed by Cilium (clustermesh.mcsapi.installCRDs defaults to true) and CoreDNS is configured by the chart; it needs CoreDNS 1.12.2 or newer.'
        : `Cilium ${version} uses the key clustermesh.enableMCSAPISupport (replaced by clustermesh.mcsapi.enabled in 1.19).`,
    );
    if (input.encryption === 'ipsec') {
      md.para('IPsec needs the same key in every cluster (Cilium docs "IPsec Transparent Encryption"):');
      md.code('sh', [
        'KEY="3+ rfc4106(gcm(aes)) $(dd if=/dev/urandom count=20 bs=1 2> /dev/null | xxd -p -c 64) 128"',
        ...input.clusters.map(
          (c) =>
            `kubectl --context ${shellWord(c.context)} -n kube-system create secret generic cilium-ipsec-keys --from-literal=keys="$KEY"`,
        ),
      ]);
    }
    md.code(
      'sh',
      input.clusters.map((c, i) =>
        [
          `cilium install --context ${shellWord(c.context)} --version ${version}`,
          `--set cluster.name=${c.name} --set cluster.id=${i + 1}`,
          ...keys.map((k) => `--set ${k}`),
        ].join(' \\\n  '),
      ),
    );
    md.para(
      `Already installed? Add the same keys with \`helm upgrade cilium cilium/cilium --namespace kube-system --reuse-values --set …\`.`,
    );
    if (minor < 19) {
      md.heading(3, `MCS-API CRDs and CoreDNS (Cilium ${version} does not manage them)`);
      md.code(
        'sh',
        input.clusters.flatMap((c) => [
          `kubectl --context ${shellWord(c.context)} apply -f https://raw.githubusercontent.com/kubernetes-sigs/mcs-api/v0.5.0/config/crd/multicluster.x-k8s.io_serviceexports.yaml`,
          `kubectl --context ${shellWord(c.context)} apply -f https://raw.githubusercontent.com/kubernetes-sigs/mcs-api/v0.5.0/config/crd/multicluster.x-k8s.io_serviceimports.yaml`,
        ]),
      );
      md.para(
        'Then, per Cilium\u2019s mcsapi.rst: give CoreDNS read access to serviceimports (ClusterRole + ClusterRoleBinding for kube-system:coredns),',
        'add `clusterset.local` to the kubernetes zones and a `multicluster clusterset.local` line in the Corefile, and roll CoreDNS out. `clusterset lint` checks the Corefile (MCS8xx).',
      );
    }
    md.heading(2, '2. Enable ClusterMesh in every cluster');
    md.code(
      'sh',
      input.clusters.map((c) => `cilium clustermesh enable --context ${shellWord(c.context)} --service-type LoadBalancer`),
    );
    md.para('Without a load balancer use `--service-type NodePort` (the CLI accepts only these two).');
    md.heading(2, '3. Connect the clusters');
    const [first, ...rest] = input.clusters;
    md.code('sh', [
      `cilium clustermesh connect --context ${shellWord(first.context)} --destination-context ${rest.map((c) => shellWord(c.context)).join(',')}${
        rest.length > 1 ? ' --connection-mode mesh' : ''
      }`,
    ]);
    md.para(
      'Every namespace is global by default (clustermesh.defaultGlobalNamespace=true); a namespace annotated',
      '`clustermesh.cilium.io/global: "false"` neither exports nor imports. Since 1.19 network policies select only the local cluster unless they name a cluster (policy-default-local-cluster).',
    );
    exportSection(md, input, 'multicluster.x-k8s.io/v1alpha1');
    verifySection(
      md,
      input,
      input.clusters.map((c) => `cilium clustermesh status --context ${shellWord(c.context)} --wait`),
    );
    return { text: md.toString(), warnings };
  },
};
