// The main thread's end of the reader thread (readWorker.ts). The dispatcher (main.ts) starts it before it
// loads the lint bundle, so the walk runs while that bundle compiles; lintPaths then takes the batches in walk
// order. Kept free of the language service: the dispatcher imports this file.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { LINT_ARG_OPTIONS } from './args';
import type { FromReader, ReadEntry, ReaderSetup } from './readProtocol';

/** Set to 0 to read on the main thread (what a run from sources does anyway). */
export const READER_ENV = 'CLUSTERSET_LINT_READER';

export class ReadAhead {
  private readonly queue: ReadEntry[][] = [];
  private received = 0;
  private done = false;
  /** Set when the reader died before its last entry: the rest is read here. */
  private failed = false;
  private wake: (() => void) | undefined;

  private constructor(
    readonly setup: ReaderSetup,
    private readonly worker: Worker,
  ) {
    worker.on('message', (msg: FromReader) => {
      if (msg.kind === 'entries') this.queue.push(msg.entries);
      else this.done = true;
      this.notify();
    });
    worker.on('error', () => this.fail());
    worker.on('exit', () => {
      if (!this.done) this.fail();
    });
  }

  /** A reader thread for `setup`, or undefined where there is none (no bundle beside this one, or turned off). */
  static start(setup: ReaderSetup, script = join(__dirname, 'lintReader.js')): ReadAhead | undefined {
    if (process.env[READER_ENV] === '0' || !existsSync(script)) return undefined;
    try {
      return new ReadAhead(setup, new Worker(script, { workerData: setup }));
    } catch {
      return undefined;
    }
  }

  /** Whether this reader walks what a lint of `setup` would walk. */
  matches(setup: ReaderSetup): boolean {
    const same = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);
    return (
      resolve(this.setup.cwd) === resolve(setup.cwd) &&
      same(this.setup.paths, setup.paths) &&
      same(this.setup.ignore, setup.ignore)
    );
  }

  stop(): void {
    this.done = true;
    void this.worker.terminate();
  }

  /**
   * The walk's entries in batches, in walk order. If the reader dies first, `fallback(n)` reads on from the
   * n-th walk entry on this thread, so the lint sees every file exactly once either way.
   */
  async *batches(fallback: (skip: number) => Iterable<ReadEntry>): AsyncGenerator<ReadEntry[]> {
    for (;;) {
      const next = this.queue.shift();
      if (next) {
        this.received += next.length;
        yield next;
        continue;
      }
      if (this.failed) {
        yield [...fallback(this.received)];
        return;
      }
      if (this.done) return;
      await new Promise<void>((r) => (this.wake = r));
    }
  }

  private fail(): void {
    if (this.done) return;
    this.failed = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * A reader for the arguments of `clusterset lint`, started before the lint bundle is loaded: only the paths are
 * read here (lint.ts checks the options, and lintPaths drops the reader if its own reading differs). None for
 * arguments parseArgs refuses (lint prints the usage error), --help, or the plain path.
 */
export function readAheadForArgs(args: string[], cwd: string): ReadAhead | undefined {
  if (process.env.CLUSTERSET_LINT_PLAIN === '1') return undefined;
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: LINT_ARG_OPTIONS });
    if (values.help) return undefined;
    return ReadAhead.start({ paths: positionals.length ? positionals : ['.'], cwd });
  } catch {
    return undefined;
  }
}
