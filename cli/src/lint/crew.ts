// The main thread's side of the validation workers: starts them (as early as possible, so their start-up
// overlaps the main thread's walk and parse) and collects each one's share of the diagnostics. Whatever goes
// wrong with a worker — no bundle, a crash, a different view of the files — only means the main thread
// validates that share itself, so the output never depends on the workers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ToMain, WorkerSetup, WorkerTimes } from './protocol';
import type { PieceResult } from './shares';

export type WorkerOutcome = { kind: 'result'; digest: string; results: PieceResult[]; times: WorkerTimes } | { kind: 'none' };

export class ValidationCrew {
  private readonly pending: Array<{ worker: Worker; outcome: Promise<WorkerOutcome> }> = [];

  /** Starts `setup.shares - 1` workers; none when the worker bundle is missing (running from source). */
  constructor(setup: Omit<WorkerSetup, 'share'>, script = join(__dirname, 'lintWorker.js')) {
    if (!existsSync(script)) return;
    for (let share = 1; share < setup.shares; share++) {
      let worker: Worker;
      try {
        worker = new Worker(script, { workerData: { ...setup, share } satisfies WorkerSetup });
      } catch {
        break;
      }
      const outcome = new Promise<WorkerOutcome>((done) => {
        worker.once('message', (msg: ToMain) => done(msg.kind === 'result' ? msg : { kind: 'none' }));
        worker.once('error', () => done({ kind: 'none' }));
        worker.once('exit', () => done({ kind: 'none' }));
      });
      this.pending.push({ worker, outcome });
    }
  }

  get workers(): number {
    return this.pending.length;
  }

  /** The result of the worker of `share` (1…); 'none' if it has none or saw other files than `digest`. */
  async result(share: number, digest: string): Promise<{ results: PieceResult[]; times: WorkerTimes } | undefined> {
    const p = this.pending[share - 1];
    if (!p) return undefined;
    const outcome = await p.outcome;
    return outcome.kind === 'result' && outcome.digest === digest ? outcome : undefined;
  }

  /** Stops every worker (their shares are not wanted). */
  stop(): void {
    for (const p of this.pending) void p.worker.terminate();
  }
}
