// Istio multi-primary with the MCS feature flags. From istio.io "Install Multi-Primary on different networks"
// (network label on istio-system, meshID/clusterName/network values, east-west gateway, remote secrets) and
// the MCS flags in istio/istio pilot/pkg/features (ENABLE_MCS_SERVICE_DISCOVERY, ENABLE_MCS_HOST,
// ENABLE_MCS_CLUSTER_LOCAL, MCS_API_GROUP, MCS_API_VERSION). Istio consumes ServiceExport/ServiceImport but does
// not create ServiceImports: an MCS controller must run beside it.
import { shellWord } from '../markdown';
import { exportSection, runbookHeader, verifySection } from './common';
import type { WiringInput } from './input';
import type { Wiring } from './wiring';

const SAME_NETWORK = new Set(['flat', 'vpc-peering', 'transit-gateway']);

export const istioWiring: Wiring = {
  implementation: 'istio',
  title: 'Istio multi-primary with MCS',
  build(input: WiringInput) {
    const warnings = [
      'Istio reads ServiceExports and ServiceImports but does not derive ServiceImports: run an MCS controller beside it.',
    ];
    const multiNetwork = !SAME_NETWORK.has(input.substrate ?? '');
    const mesh = input.clusterset;
    const md = runbookHeader(input, this.title);
    md.para(
      multiNetwork
        ? 'One network per cluster (spec.connectivity.substrate is not flat/vpc-peering/transit-gateway): traffic crosses through east-west gateways.'
        : 'All clusters share one pod network (spec.connectivity.substrate), so no east-west gateways are needed.',
    );
    md.heading(2, '1. Install istiod in every cluster with the MCS flags');
    for (const c of input.clusters) {
      const network = multiNetwork ? `network-${c.name}` : 'network1';
      md.code('sh', [
        ...(multiNetwork
          ? [
              `kubectl --context ${shellWord(c.context)} label namespace istio-system topology.istio.io/network=${network} --overwrite`,
            ]
          : []),
        `cat > ${c.name}.istio.yaml <<'EOF'`,
        'apiVersion: install.istio.io/v1alpha1',
        'kind: IstioOperator',
        'spec:',
        '  meshConfig:',
        '    defaultConfig:',
        '      proxyMetadata:',
        '        ISTIO_META_DNS_CAPTURE: "true"',
        '        ISTIO_META_DNS_AUTO_ALLOCATE: "true"',
        '  values:',
        '    global:',
        `      meshID: ${mesh}`,
        '      multiCluster:',
        `        clusterName: ${c.name}`,
        `      network: ${network}`,
        '    pilot:',
        '      env:',
        '        ENABLE_MCS_SERVICE_DISCOVERY: "true"',
        '        ENABLE_MCS_HOST: "true"',
        '        ENABLE_MCS_CLUSTER_LOCAL: "true"',
        '        MCS_API_GROUP: multicluster.x-k8s.io',
        '        MCS_API_VERSION: v1alpha1',
        'EOF',
        `istioctl install --context=${shellWord(c.context)} -y -f ${c.name}.istio.yaml`,
      ]);
    }
    if (multiNetwork) {
      md.heading(2, '2. East-west gateways');
      md.code(
        'sh',
        input.clusters.flatMap((c) => [
          `samples/multicluster/gen-eastwest-gateway.sh --network network-${c.name} | istioctl --context=${shellWord(c.context)} install -y -f -`,
          `kubectl --context ${shellWord(c.context)} apply -n istio-system -f samples/multicluster/expose-services.yaml`,
        ]),
      );
    }
    md.heading(2, `${multiNetwork ? '3' : '2'}. Let every istiod read every other cluster`);
    md.code(
      'sh',
      input.clusters.flatMap((a) =>
        input.clusters
          .filter((b) => b !== a)
          .map(
            (b) =>
              `istioctl create-remote-secret --context=${shellWord(a.context)} --name=${a.name} | kubectl apply -f - --context=${shellWord(b.context)}`,
          ),
      ),
    );
    exportSection(md, input, 'multicluster.x-k8s.io/v1alpha1');
    verifySection(
      md,
      input,
      input.clusters.map((c) => `istioctl remote-clusters --context=${shellWord(c.context)}`),
    );
    return { text: md.toString(), warnings };
  },
};
