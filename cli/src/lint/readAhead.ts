// The main thread's end of the reader thread (readWorker.ts). The dispatcher (main.ts) starts it before it
// loads the lint bundle, so the walk runs while that bundle compiles; lintPaths then takes the batches in walk
// order. Kept free of the language service: the dispatcher imports this file.
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { LINT_ARG_OPTIONS } from './args';
import { entriesOf, type FromReader, type ReadEntry, type ReaderData, type ReaderSetup } from './readProtocol';

/** Set to 0 to read on the main thread (what a run from sources does anyway), 1 for a reader even for a few files. */
export const READER_ENV = 'CLUSTERSET_LINT_READER';

export class ReadAhead {
  private readonly queue: ReadEntry[][] = [];
  private done = false;
  /** Set when the reader died before its last entry: the rest is read here. */
  private failed = false;
  private listening = false;
  private wake: (() => void) | undefined;

  private constructor(
    readonly setup: ReaderSetup,
    private readonly worker: Worker,
    /** The thread's batches come through here: `receiveMessageOnPort` can look for one without waiting. */
    private readonly port: MessagePort,
  ) {
    worker.on('error', () => this.fail());
    // Its last batch and `done` may still be in the port: batches() looks there before it reads on here.
    worker.on('exit', () => this.fail());
  }

  /** A reader thread for `setup`, or undefined where there is none (no bundle beside this one, or turned off). */
  static start(setup: ReaderSetup, script = join(__dirname, 'lintReader.js')): ReadAhead | undefined {
    if (process.env[READER_ENV] === '0' || !existsSync(script)) return undefined;
    try {
      const { port1, port2 } = new MessageChannel();
      const data: ReaderData = { ...setup, port: port2 };
      return new ReadAhead(setup, new Worker(script, { workerData: data, transferList: [port2] }), port1);
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
    this.port.close();
    void this.worker.terminate();
  }

  /**
   * The walk's entries in batches, in walk order, `read(n)` reading them on this thread from the n-th walk entry
   * on. Until the thread's first batch is in (starting it takes tens of milliseconds) this thread reads them
   * itself, so a small input is read before the thread has started; then the thread's entries take over after
   * the ones read here (the same walk: checked path by path). If the thread dies first, or its walk differs,
   * the rest is read here, so the lint sees every file exactly once either way.
   */
  async *batches(read: (skip: number) => Iterable<ReadEntry>): AsyncGenerator<ReadEntry[]> {
    const here = read(0)[Symbol.iterator]();
    const readHere: string[] = [];
    let first: FromReader | undefined;
    while (!(first = receiveMessageOnPort(this.port)?.message as FromReader | undefined)) {
      const next = here.next();
      if (next.done) {
        this.stop();
        return;
      }
      readHere.push(next.value.path);
      yield [next.value];
    }
    this.take(first);
    let received = 0;
    for (;;) {
      let next = this.queue.shift();
      if (next) {
        const from = received;
        received += next.length;
        if (from < readHere.length) {
          // The thread's copies of what was read here: the same entries, or the walks differ.
          const overlap = next.slice(0, readHere.length - from);
          if (overlap.some((e, i) => e.path !== readHere[from + i])) {
            this.stop();
            for (let e = here.next(); !e.done; e = here.next()) yield [e.value];
            return;
          }
          next = next.slice(overlap.length);
          if (!next.length) continue;
        }
        yield next;
        continue;
      }
      // What the thread sent before it ended comes first (its exit may be seen before its last batches).
      const pending = receiveMessageOnPort(this.port)?.message as FromReader | undefined;
      if (pending) {
        this.take(pending);
        continue;
      }
      if (this.done) {
        this.stop();
        return;
      }
      if (this.failed) {
        this.stop();
        yield [...read(Math.max(received, readHere.length))];
        return;
      }
      this.listen();
      await new Promise<void>((r) => (this.wake = r));
    }
  }

  private take(msg: FromReader): void {
    if (msg.kind === 'entries') this.queue.push(entriesOf(msg));
    else this.done = true;
  }

  /** From now on the thread's batches arrive as events (until now they were taken with receiveMessageOnPort). */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.port.on('message', (msg: FromReader) => {
      this.take(msg);
      this.notify();
    });
  }

  private fail(): void {
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
    const paths = positionals.length ? positionals : ['.'];
    if (fewFiles(paths, cwd)) return undefined;
    return ReadAhead.start({ paths, cwd });
  } catch {
    return undefined;
  }
}

/** At most this many files: the main thread reads them before a reader thread could have started. */
export const FEW_FILES = 32;
/** The folders `fewFiles` lists before it gives up and says "not few". */
const FEW_FILES_FOLDERS = 16;

/**
 * Whether `paths` hold at most `max` files, judged by a bounded look (at most FEW_FILES_FOLDERS folders listed; an
 * error, a symlink or anything else unsure says no). A thread that starts, loads its bundle and competes for the
 * second core with V8's compiles cost the bench folder's two large files ~30 ms and gained nothing
 * (docs/lint-performance.md, session 7). Only the choice of thread depends on it: the walk itself is the same.
 */
export function fewFiles(paths: readonly string[], cwd: string, max = FEW_FILES): boolean {
  if (process.env[READER_ENV] === '1') return false;
  let files = 0;
  let listed = 0;
  const folders: string[] = [];
  try {
    for (const p of paths) {
      const full = resolve(cwd, p);
      const st = lstatSync(full);
      if (st.isDirectory()) folders.push(full);
      else if (st.isFile()) files++;
      else return false;
    }
    while (folders.length) {
      if (files > max || ++listed > FEW_FILES_FOLDERS) return false;
      const dir = folders.pop() as string;
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) folders.push(join(dir, e.name));
        else if (e.isFile()) files++;
        else return false;
      }
    }
    return files <= max;
  } catch {
    return false;
  }
}
