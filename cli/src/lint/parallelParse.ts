// `clusterset lint` on more than one core: files are handed to parse workers (parseWorker.ts) as the walk reads
// them; workers claim units from the front, the main thread from the back once the walk is done, and in
// between the main thread puts every file whose units are all parsed into its service, in walk order. Parsed
// documents go into the service's per-file cache (addParsedDocuments), so `setFile` finds them instead of
// parsing: the service ends up exactly as if it had parsed every file itself (the identity test checks the
// output byte for byte against CLUSTERSET_LINT_PLAIN=1).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  createLanguageService,
  type LanguageService,
  type LanguageServiceOptions,
  type ParsedDocument,
} from '../../../server/src/service/public';
import type { ReadFile } from '../workspace';
import { CLAIM_MAIN, type ParsedUnit, type ToMain, type ToWorker, type WorkerSetup } from './protocol';
import { partStarts } from './units';

/** Units a worker can claim (4 bytes each); any beyond are parsed here. */
const CLAIM_CAPACITY = 1 << 20;
/** Units posted to the workers per message. */
const POST_CHARS = 128 * 1024;

export interface CrewOptions {
  /** Threads in all, this one included (1: no worker). */
  jobs: number;
  serviceOptions: Partial<LanguageServiceOptions>;
  workerScript?: string;
}

export interface CrewStats {
  workers: number;
  units: number;
  unitsOnWorkers: number;
  unitsHere: number;
}

interface Unit {
  file: number;
  start: number;
  end: number;
}

export class ParseCrew {
  private readonly files: ReadFile[] = [];
  /** Units of each file not parsed yet. */
  private readonly open: number[] = [];
  private readonly units: Unit[] = [];
  private readonly workers: Worker[] = [];
  private readonly control = new SharedArrayBuffer(4);
  private readonly claims = new SharedArrayBuffer(4 * CLAIM_CAPACITY);
  private readonly claimed = new Int32Array(this.claims);
  private outbox: Array<{ uri: string; text: string }> = [];
  private outboxChars = 0;
  private posted = 0;
  private scratch: LanguageService | undefined;
  private wake: (() => void) | undefined;
  private alive = 0;
  private readonly stats: CrewStats = { workers: 0, units: 0, unitsOnWorkers: 0, unitsHere: 0 };

  constructor(
    private readonly service: LanguageService,
    private readonly options: CrewOptions,
  ) {}

  /** A file the walk read, in walk order. */
  add(f: ReadFile): void {
    if (this.options.jobs <= 1) {
      // One thread: each file is parsed as it comes (while the reader thread reads the next ones), as the plain path does.
      this.service.setFile(f.uri, f.text);
      this.stats.unitsHere++;
      return;
    }
    const index = this.files.length;
    this.files.push(f);
    const starts = partStarts(f.text);
    this.open.push(starts.length);
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] : f.text.length;
      this.units.push({ file: index, start, end });
    });
    if (index === 0 && this.options.jobs > 1) this.start();
    if (this.workers.length) this.post(false);
  }

  private start(): void {
    const script = this.options.workerScript ?? join(__dirname, 'lintWorker.js');
    // Running from sources (tests through tsx) there is no bundle: everything is parsed here, as with --jobs 1.
    if (!existsSync(script)) return;
    const setup: WorkerSetup = { control: this.control, claims: this.claims, serviceOptions: this.options.serviceOptions };
    for (let i = 1; i < this.options.jobs; i++) {
      let w: Worker;
      try {
        w = new Worker(script, { workerData: setup });
      } catch {
        break;
      }
      this.alive++;
      w.on('message', (msg: ToMain) => {
        if (msg.kind === 'parsed') for (const u of msg.units) this.accept(u);
        this.notify();
      });
      // A worker that fails leaves its unfinished units unparsed: setFile parses them here, so nothing is lost.
      w.on('error', () => undefined);
      w.on('exit', () => {
        this.alive--;
        this.notify();
      });
      this.workers.push(w);
    }
    this.stats.workers = this.workers.length;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Sends the units not posted yet (all of them at the end of the walk, else in batches). */
  private post(final: boolean): void {
    while (this.posted < this.units.length && this.posted < CLAIM_CAPACITY) {
      const u = this.units[this.posted++];
      const text = this.files[u.file].text.slice(u.start, u.end);
      this.outbox.push({ uri: this.files[u.file].uri, text });
      this.outboxChars += text.length;
    }
    if (this.outbox.length && (final || this.outboxChars >= POST_CHARS)) {
      for (const w of this.workers) w.postMessage({ kind: 'units', units: this.outbox } satisfies ToWorker);
      this.outbox = [];
      this.outboxChars = 0;
    }
  }

  /** A unit a worker parsed: its texts put back, its documents into the service's cache for its file. */
  private accept(u: ParsedUnit): void {
    const unit = this.units[u.id];
    const f = this.files[unit.file];
    const docs = u.docs as Array<ParsedDocument & { text: string }>;
    // The documents tile the unit's text; anything else and the unit is left for setFile to parse.
    if (docs.length !== u.offsets.length || (docs.length && u.offsets[0] !== 0)) return;
    for (let i = 0; i < docs.length; i++) {
      const end = i + 1 < docs.length ? u.offsets[i + 1] : unit.end - unit.start;
      const text = f.text.slice(unit.start + u.offsets[i], unit.start + end);
      docs[i].text = text;
      for (const item of (docs[i].items ?? []) as Array<ParsedDocument & { text: string }>) item.text = text;
    }
    this.service.addParsedDocuments(f.uri, docs);
    this.stats.unitsOnWorkers++;
    this.open[unit.file]--;
  }

  /** Parses unit `id` on this thread with a service of the same options, into the real service's cache. */
  private parseHere(id: number): void {
    const unit = this.units[id];
    const f = this.files[unit.file];
    this.scratch ??= createLanguageService({ syntaxErrors: 'all', ...this.options.serviceOptions });
    const text = unit.start === 0 && unit.end === f.text.length ? f.text : f.text.slice(unit.start, unit.end);
    this.scratch.setFile(f.uri, text);
    const docs = (this.scratch.getFile(f.uri)?.documents ?? []).filter((p) => p.doc.itemIndex === undefined).map((p) => p.doc);
    this.scratch.removeFile(f.uri);
    this.service.addParsedDocuments(f.uri, docs);
    this.stats.unitsHere++;
    this.open[unit.file]--;
  }

  /**
   * After the walk: takes units from the back while the workers take them from the front, and sets every file
   * into the service in walk order as soon as all its units are parsed. Returns when every file is set.
   */
  async finish(): Promise<CrewStats> {
    this.stats.units = this.units.length;
    if (this.workers.length === 0) {
      // No worker started (or --jobs 1, where add() set every file already): whatever is left is parsed here.
      for (const f of this.files) this.service.setFile(f.uri, f.text);
      this.stats.unitsHere += this.units.length;
      return this.stats;
    }
    {
      this.post(true);
      for (const w of this.workers) w.postMessage({ kind: 'end' } satisfies ToWorker);
    }
    let back = this.units.length - 1;
    // CLUSTERSET_LINT_WORKERS_FIRST=1 (the identity test): this thread parses nothing while a worker lives, so
    // the test knows every document crossed from a worker, whatever the machine's timing.
    let stealing = process.env.CLUSTERSET_LINT_WORKERS_FIRST !== '1';
    let nextFile = 0;
    let lastYield = performance.now();
    while (nextFile < this.files.length) {
      if (this.open[nextFile] <= 0 || (!stealing && this.alive === 0)) {
        // Every unit in the cache (or a worker gone: setFile parses whatever is missing).
        const f = this.files[nextFile++];
        this.service.setFile(f.uri, f.text);
        continue;
      }
      if (stealing && back >= 0) {
        if (
          back >= CLAIM_CAPACITY ||
          this.workers.length === 0 ||
          Atomics.compareExchange(this.claimed, back, 0, CLAIM_MAIN) === 0
        ) {
          this.parseHere(back--);
          // Let the workers' results in now and then, so files can be set while this thread still parses.
          if (this.workers.length && performance.now() - lastYield > 20) {
            await new Promise((r) => setImmediate(r));
            lastYield = performance.now();
          }
          continue;
        }
        stealing = false; // met the workers: every unit before this one is theirs
      } else stealing = false;
      await new Promise<void>((r) => {
        this.wake = r;
        if (this.open[nextFile] <= 0 || this.alive === 0) this.notify();
      });
    }
    for (const w of this.workers) void w.terminate();
    return this.stats;
  }
}
