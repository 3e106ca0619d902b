// AWS Cloud Map MCS controller (alpha). Install from the project's README
// (aws/aws-cloud-map-mcs-controller-for-k8s: `kubectl apply -k .../config/controller_install_release`), the two
// ClusterProperty objects it needs (cluster.clusterset.k8s.io and clusterset.k8s.io, about.k8s.io/v1alpha1) and
// the CoreDNS `multicluster clusterset.local` setup from its samples. The clusters' networks must already reach
// each other (VPC peering or Transit Gateway) and the nodes need Cloud Map IAM permissions.
import { shellWord } from '../markdown';
import { exportSection, runbookHeader, verifySection } from './common';
import type { WiringInput } from './input';
import type { Wiring } from './wiring';

export const awsWiring: Wiring = {
  implementation: 'aws',
  title: 'the AWS Cloud Map MCS controller',
  build(input: WiringInput) {
    if (input.overlaps.length) {
      return `The AWS Cloud Map controller routes to pod IPs across VPCs, so Pod CIDRs must not overlap, and these do: ${input.overlaps.join('; ')}.`;
    }
    const warnings = ['The AWS Cloud Map MCS controller is alpha and "not for production" (its README).'];
    if (!input.substrate || !['vpc-peering', 'transit-gateway', 'flat'].includes(input.substrate)) {
      warnings.push(
        'The clusters must reach each other over VPC peering or a Transit Gateway; spec.connectivity.substrate says neither.',
      );
    }
    const md = runbookHeader(input, this.title);
    md.heading(2, '1. Identify each cluster (ClusterProperty)');
    for (const c of input.clusters) {
      md.code('sh', [
        `kubectl --context ${shellWord(c.context)} apply -f - <<'EOF'`,
        'apiVersion: about.k8s.io/v1alpha1',
        'kind: ClusterProperty',
        'metadata:',
        '  name: cluster.clusterset.k8s.io',
        'spec:',
        `  value: ${c.name}`,
        '---',
        'apiVersion: about.k8s.io/v1alpha1',
        'kind: ClusterProperty',
        'metadata:',
        '  name: clusterset.k8s.io',
        'spec:',
        `  value: ${input.clusterset}`,
        'EOF',
      ]);
    }
    md.heading(2, '2. Install the controller');
    md.para(
      'The nodes (or the controller\u2019s IRSA role) need AWS Cloud Map permissions; set the region the namespaces live in.',
    );
    const region = input.clusters.find((c) => c.region)?.region;
    md.code('sh', [
      region ? `export AWS_REGION=${region}` : ': "${AWS_REGION:?set AWS_REGION to the region of the clusters}"',
      ...input.clusters.map(
        (c) =>
          `kubectl --context ${shellWord(c.context)} apply -k "github.com/aws/aws-cloud-map-mcs-controller-for-k8s/config/controller_install_release"`,
      ),
    ]);
    md.heading(2, '3. Resolve clusterset.local in CoreDNS');
    md.para(
      'Add `clusterset.local` to the Corefile\u2019s kubernetes zones with a `multicluster clusterset.local` line (CoreDNS 1.12.2+),',
      'and let CoreDNS list serviceimports (the controller\u2019s samples carry the ClusterRole). `clusterset lint` checks the Corefile (MCS8xx).',
    );
    exportSection(md, input, 'multicluster.x-k8s.io/v1alpha1');
    verifySection(
      md,
      input,
      input.clusters.map(
        (c) =>
          `kubectl --context ${shellWord(c.context)} -n cloud-map-mcs-system get deployment cloud-map-mcs-controller-manager`,
      ),
    );
    return { text: md.toString(), warnings };
  },
};
