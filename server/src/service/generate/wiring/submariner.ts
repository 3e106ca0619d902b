// Submariner with Lighthouse service discovery. Flags as defined in subctl (submariner-io/subctl
// cmd/subctl/deploybroker.go, join.go, export.go): deploy-broker --globalnet/--globalnet-cidr-range (default
// 242.0.0.0/8), join --clusterid/--clustercidr/--servicecidr/--cable-driver (libreswan default, wireguard,
// vxlan)/--globalnet-cidr, export service --namespace. Globalnet is what makes overlapping CIDRs work.
import { shellWord } from '../markdown';
import { exportSection, runbookHeader, verifySection } from './common';
import type { WiringInput } from './input';
import type { Wiring } from './wiring';

const CABLE_DRIVER: Record<string, string> = { wireguard: 'wireguard', ipsec: 'libreswan', none: 'vxlan' };

export const submarinerWiring: Wiring = {
  implementation: 'submariner',
  title: 'Submariner (Lighthouse)',
  build(input: WiringInput) {
    const warnings: string[] = [];
    const globalnet = input.overlapMode === 'globalnet' || input.overlaps.length > 0;
    if (input.overlaps.length && input.overlapMode !== 'globalnet') {
      warnings.push(
        `The clusters' CIDRs overlap (${input.overlaps.join('; ')}), so the runbook turns Globalnet on; say so in the ClusterSet file (spec.overlap.mode: globalnet).`,
      );
    }
    if (input.encryption === 'mtls')
      return 'Submariner encrypts with IPsec (libreswan) or WireGuard, not mTLS: set spec.connectivity.encryption to ipsec, wireguard or none.';
    const driver = CABLE_DRIVER[input.encryption ?? 'ipsec'];
    if (driver === 'vxlan') warnings.push('The vxlan cable driver does not encrypt cross-cluster traffic.');
    const [broker] = input.clusters;
    const md = runbookHeader(input, this.title);
    md.heading(2, '1. Deploy the broker');
    md.para(
      `The broker runs in \`${broker.name}\` (the first cluster of the ClusterSet file); any cluster the others can reach works.`,
    );
    const brokerFlags = [`subctl deploy-broker --context ${shellWord(broker.context)}`];
    if (globalnet) {
      brokerFlags.push('--globalnet');
      if (input.globalnetCIDR) brokerFlags.push(`--globalnet-cidr-range ${input.globalnetCIDR}`);
    }
    md.code('sh', [brokerFlags.join(' ')]);
    md.para(
      'This writes `broker-info.subm` in the current directory; keep it secret (it holds the broker token and the IPsec PSK).',
    );
    md.heading(2, '2. Join every cluster');
    md.code(
      'sh',
      input.clusters.map((c) => {
        const flags = [`subctl join broker-info.subm --context ${shellWord(c.context)} --clusterid ${c.name}`];
        if (c.podCIDRs.length) flags.push(`--clustercidr ${c.podCIDRs.join(',')}`);
        if (c.serviceCIDRs.length) flags.push(`--servicecidr ${c.serviceCIDRs.join(',')}`);
        flags.push(`--cable-driver ${driver}`);
        if (globalnet && c.globalCIDR) flags.push(`--globalnet-cidr ${c.globalCIDR}`);
        return flags.join(' \\\n  ');
      }),
    );
    md.para(
      'Lighthouse answers `clusterset.local` through a forward stanza it adds to CoreDNS; with NodeLocal DNSCache add',
      '`--coredns-custom-configmap kube-system/<nodelocal configmap>` to the join and check resolution afterwards.',
      'Without --enable-clusterset-ip a ServiceImport has no clusterset IP: DNS returns the exporting clusters\u2019 ClusterIPs.',
    );
    exportSection(
      md,
      input,
      'multicluster.x-k8s.io/v1alpha1',
      (ns, name, ctx) => `subctl export service --context ${shellWord(ctx)} --namespace ${ns} ${name}`,
    );
    verifySection(md, input, [
      `subctl show all --context ${shellWord(broker.context)}`,
      ...input.clusters.map((c) => `subctl diagnose all --context ${shellWord(c.context)}`),
    ]);
    return { text: md.toString(), warnings };
  },
};
