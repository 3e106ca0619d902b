// The worker thread of `clusterset lint --jobs N`: parses units of files (parallelParse.ts) with a language
// service made with the same parse options as the main thread's, and sends back the parsed documents.
// Which thread parses which unit is settled through a shared claim array, so whatever this thread
// has not claimed the main thread parses itself, and no unit is ever parsed twice or left out.
import { parentPort, workerData } from 'node:worker_threads';
import { createLanguageService } from '../../../server/src/service/public';
import { CLAIM_WORKER, type ParsedUnit, type ToMain, type ToWorker, type WorkerSetup } from './protocol';

/** Results are sent in batches of about this many characters of input, so the main thread can take them in as they come. */
const BATCH_CHARS = 256 * 1024;

if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const control = new Int32Array(setup.control);
  const claims = new Int32Array(setup.claims);
  const units: Array<{ uri: string; text: string }> = [];
  let ended = false;
  let stopped = false;
  let scheduled = false;

  /** The next unit for this thread, 'wait' when none has arrived yet, 'stop' when the main thread has the rest. */
  const claim = (): number | 'wait' | 'stop' => {
    for (;;) {
      const next = Atomics.load(control, 0);
      if (next >= units.length) return next >= claims.length ? 'stop' : 'wait';
      if (Atomics.compareExchange(control, 0, next, next + 1) !== next) continue;
      // The main thread claims from the end: once one of its claims is met, every later unit is its own.
      return Atomics.compareExchange(claims, next, 0, CLAIM_WORKER) === 0 ? next : 'stop';
    }
  };

  // One service for every unit: each is set, read and removed, so the index never holds more than one file.
  const service = createLanguageService({ syntaxErrors: 'all', ...setup.serviceOptions });
  const parseUnit = (id: number): ParsedUnit => {
    const { uri, text } = units[id];
    service.setFile(uri, text);
    const documents = service.getFile(uri)?.documents ?? [];
    const docs: ParsedUnit['docs'] = [];
    const offsets: number[] = [];
    for (const p of documents) {
      // List items travel inside their list (same text), not as documents of their own.
      if (p.doc.itemIndex !== undefined) continue;
      docs.push(p.doc);
      offsets.push(p.offset);
    }
    service.removeFile(uri);
    return { id, docs, offsets };
  };

  const work = (): void => {
    scheduled = false;
    const batch: ParsedUnit[] = [];
    let chars = 0;
    for (;;) {
      const id = stopped ? 'stop' : claim();
      if (id === 'stop') stopped = true;
      if (typeof id !== 'number') break;
      batch.push(parseUnit(id));
      chars += units[id].text.length;
      if (chars >= BATCH_CHARS) break;
    }
    if (batch.length) port.postMessage({ kind: 'parsed', units: stripTexts(batch) } satisfies ToMain);
    if (stopped || (ended && Atomics.load(control, 0) >= units.length)) {
      if (!stopped) stopped = true;
      port.postMessage({ kind: 'done' } satisfies ToMain);
      port.close();
      return;
    }
    // More may be claimable now, or after the next message: either way, let messages in first.
    if (batch.length) schedule();
  };
  const schedule = (): void => {
    if (!scheduled && !stopped) {
      scheduled = true;
      setImmediate(work);
    }
  };

  port.on('message', (msg: ToWorker) => {
    if (msg.kind === 'units') for (const u of msg.units) units.push(u);
    else ended = true;
    schedule();
  });
}

/** The texts stay behind: the main thread has them and puts them back (halves what crosses the boundary). */
function stripTexts(batch: ParsedUnit[]): ParsedUnit[] {
  for (const u of batch) {
    u.docs = u.docs.map((d) => ({ ...d, text: '', ...(d.items ? { items: d.items.map((i) => ({ ...i, text: '' })) } : {}) }));
  }
  return batch;
}
