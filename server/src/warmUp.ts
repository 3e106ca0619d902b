// JIT warm-up: the first parse of a large file runs in V8's slow tiers (a 50,000-line file opens ~2× slower
// in a fresh process). Parsing and validating a small synthetic workspace while the client waits for
// `initialize` costs ~150 ms once per session (measured; reported as warmUpMs in the status notification) and makes the first real file meet compiled code. Running it
// in idle time instead was tried: LSP message handling shares the same event-loop queue, so the rounds delayed
// the first file more than they saved.
import type { LanguageService } from './service/public';

const SAMPLE_URI = 'clusterset-warmup:///clusters/warmup/sample.yaml';

function sampleDocuments(n: number, round: number): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc${i}r${round}\n  namespace: warmup\n  labels: {app: svc${i}r${round}}\nspec:\n  selector:\n    app: svc${i}r${round}\n  ports:\n  - name: http\n    protocol: TCP\n    port: 80\n    targetPort: 8080\n`,
      `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: svc${i}r${round}\n  namespace: warmup\n`,
      `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata:\n  name: svc${i}r${round}\n  namespace: warmup\nspec:\n  type: ClusterSetIP\n  ips: ["10.0.0.${i % 250}"]\n  ports:\n  - {name: http, protocol: TCP, port: 80}\n`,
    );
  }
  // One of every other kind the rules read, so each rule's code is compiled before the first real file.
  docs.push(
    `apiVersion: about.k8s.io/v1beta1\nkind: ClusterProperty\nmetadata:\n  name: cluster.clusterset.k8s.io\nspec:\n  value: warmup\n`,
    `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: svc0-warmup\n  namespace: warmup\n  labels:\n    multicluster.kubernetes.io/service-name: svc0\n    multicluster.kubernetes.io/source-cluster: warmup\n    endpointslice.kubernetes.io/managed-by: warmup-controller\naddressType: IPv4\nendpoints:\n- addresses: [10.1.0.1]\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\ndata:\n  Corefile: |\n    .:53 {\n        kubernetes cluster.local clusterset.local {\n            multicluster clusterset.local\n        }\n        forward . /etc/resolv.conf\n    }\n`,
    `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: svc0\n  namespace: warmup\nspec:\n  serviceName: svc0\n  selector: {matchLabels: {app: svc0}}\n  template:\n    metadata: {labels: {app: svc0}}\n    spec:\n      containers:\n      - name: app\n        image: example\n        env: [{name: PEER, value: svc1.warmup.svc.clusterset.local}]\n`,
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: warmup\n`,
    `apiVersion: clusterset.dev/v1alpha1\nkind: ClusterSet\nmetadata:\n  name: warmup\nspec:\n  implementation: generic\n  clusters:\n  - {name: warmup, podCIDRs: [10.1.0.0/16], serviceCIDRs: [10.96.0.0/16]}\n  - {name: other, podCIDRs: [10.2.0.0/16], serviceCIDRs: [10.97.0.0/16]}\n`,
  );
  return docs.join('---\n');
}

export const WARM_UP_ROUNDS = 2;

/** One round (~20–60 ms); `warmUpRound(service, WARM_UP_ROUNDS - 1)` also removes the sample. */
export function warmUpRound(service: LanguageService, round: number): void {
  // Different names each round, so no document is found in the parse cache and every round parses.
  service.setFile(SAMPLE_URI, sampleDocuments(60, round), round);
  service.validate(SAMPLE_URI);
  service.hover(SAMPLE_URI, { line: 1, character: 2 });
  service.completion(SAMPLE_URI, { line: 2, character: 2 });
  if (round === WARM_UP_ROUNDS - 1) service.removeFile(SAMPLE_URI);
}

/** All rounds at once (for tests and the CLI-free callers that want it synchronous). */
export function warmUp(service: LanguageService, rounds = WARM_UP_ROUNDS): void {
  for (let r = 0; r < rounds; r++) warmUpRound(service, r);
  service.removeFile(SAMPLE_URI);
}
