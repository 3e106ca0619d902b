// A worker thread that parses YAML documents for the server, so opening a large file uses the second core.
// It speaks one message type: {id, texts} → {id, docs}. ParsedDocument is plain data and crosses the
// thread boundary by structured clone.
import { parentPort } from 'node:worker_threads';
import { parseDocumentText, type ParsedDocument } from './service/public';

export interface ParseRequest {
  id: number;
  texts: string[];
}

export interface ParseResponse {
  id: number;
  docs: ParsedDocument[];
}

function warmUp(): void {
  // Same reason as the main thread's warm-up: the first real parse should not run in V8's slow tiers.
  for (let i = 0; i < 200; i++) {
    parseDocumentText(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: w${i}\n  namespace: warmup\nspec:\n  selector: {app: w}\n  ports:\n  - {name: http, protocol: TCP, port: ${i + 1}}\n`,
    );
    parseDocumentText(
      `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata:\n  name: w${i}\n  namespace: warmup\nspec:\n  type: ClusterSetIP\n  ports:\n  - name: http\n    protocol: TCP\n    port: ${i + 1}\n`,
    );
  }
}

if (parentPort) {
  const port = parentPort;
  warmUp();
  port.on('message', (req: ParseRequest) => {
    const docs = req.texts.map((t) => parseDocumentText(t));
    port.postMessage({ id: req.id, docs } satisfies ParseResponse);
  });
}
