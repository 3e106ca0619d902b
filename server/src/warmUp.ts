// JIT warm-up: the first parse of a large file runs in V8's slow tiers. Parsing and validating a small
// synthetic workspace while the client waits for `initialize` moves that cost out of the first file's latency.
import type { LanguageService } from './service/languageService';

const SAMPLE_URI = 'clusterset-warmup:///clusters/warmup/sample.yaml';

function sampleDocuments(n: number): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc${i}\n  namespace: warmup\n  labels: {app: svc${i}}\nspec:\n  selector:\n    app: svc${i}\n  ports:\n  - name: http\n    protocol: TCP\n    port: 80\n    targetPort: 8080\n`,
      `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: svc${i}\n  namespace: warmup\n`,
      `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata:\n  name: svc${i}\n  namespace: warmup\nspec:\n  type: ClusterSetIP\n  ips: ["10.0.0.${i % 250}"]\n  ports:\n  - {name: http, protocol: TCP, port: 80}\n`,
    );
  }
  return docs.join('---\n');
}

export function warmUp(service: LanguageService, rounds = 3): void {
  for (let r = 0; r < rounds; r++) {
    // A different text each round, so the parse cache does not skip the work.
    service.setFile(SAMPLE_URI, sampleDocuments(60 + r), r);
    service.validate(SAMPLE_URI);
  }
  service.removeFile(SAMPLE_URI);
}
