// The validation worker of `clusterset lint`: walks, reads and parses the whole workspace exactly as the main
// thread does (load.ts; the fast parser makes that cheap), so its cross-file index is complete, then validates
// only its share of the documents (shares.ts) and sends back their diagnostics, with a digest of what it read so
// the main thread can tell that both saw the same files.
import { parentPort, workerData } from 'node:worker_threads';
import { loadLint } from './load';
import type { ToMain, WorkerSetup } from './protocol';
import { crashText, splitShares, validatePieces } from './shares';

export async function runLintWorker(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const setup = workerData as WorkerSetup;
  let msg: ToMain;
  const started = Date.now();
  try {
    const loaded = await loadLint(setup.paths, setup.load, false);
    const loadedAt = Date.now();
    const uris = [...loaded.fileOf.keys()];
    const split = splitShares(loaded.service, uris, setup.shares, setup.firstShare);
    msg =
      split.documentsOfInterest < setup.minDocuments
        ? { kind: 'declined', digest: loaded.digest }
        : {
            kind: 'result',
            digest: loaded.digest,
            results: validatePieces(loaded.service, loaded.crashes, uris, split.shares[setup.share]),
            times: { started, loaded: loadedAt, validated: Date.now() },
          };
  } catch (err) {
    msg = { kind: 'failed', error: crashText(err) };
  }
  port.postMessage(msg);
  port.close();
}
