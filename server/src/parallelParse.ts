// Parses the documents of a large file on two cores: half on a worker thread, half here, then hands the
// results to the language service's cache, so the following setFile finds every document parsed.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseRequest, ParseResponse } from './parseWorker';
import type { LanguageService } from './service/public';
import { parseDocumentText, type ParsedDocument } from './service/public';

/** Below this many unparsed documents the hand-off costs more than it saves. */
const MIN_DOCUMENTS = 200;

export class ParallelParser {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, (docs: ParsedDocument[]) => void>();
  private broken = false;

  constructor(private readonly workerScript = join(__dirname, 'parseWorker.js')) {}

  get available(): boolean {
    return this.worker !== undefined;
  }

  /** Starts the worker (it warms up while the client finishes initializing). */
  start(): void {
    if (this.worker || this.broken) return;
    try {
      const w = new Worker(this.workerScript);
      w.unref();
      w.on('message', (res: ParseResponse) => {
        this.waiting.get(res.id)?.(res.docs);
        this.waiting.delete(res.id);
      });
      w.on('error', () => this.fail());
      w.on('exit', () => this.fail());
      this.worker = w;
    } catch {
      this.fail();
    }
  }

  private fail(): void {
    // Without a worker everything is parsed on this thread, as before: slower, never wrong.
    this.broken = true;
    this.worker = undefined;
    for (const resolve of this.waiting.values()) resolve([]);
    this.waiting.clear();
  }

  /** Parses what the service has not parsed of `text` yet, on both cores, when that is worth it. */
  async prefetch(service: LanguageService, uri: string, text: string): Promise<void> {
    const texts = service.unparsedDocuments(uri, text);
    if (texts.length < MIN_DOCUMENTS || !this.worker) return;
    // The worker takes the larger share: this thread still has to merge, index and validate afterwards.
    const half = Math.floor(texts.length * 0.4);
    const id = this.nextId++;
    const remote = new Promise<ParsedDocument[]>((resolve) => this.waiting.set(id, resolve));
    this.worker.postMessage({ id, texts: texts.slice(half) } satisfies ParseRequest);
    const local = texts.slice(0, half).map((t) => parseDocumentText(t));
    service.addParsedDocuments(uri, local);
    service.addParsedDocuments(uri, await remote);
  }

  stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
