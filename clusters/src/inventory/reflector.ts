// List + watch of one collection of one cluster, the behaviour of client-go's reflector (and client-node's
// ListWatch) on our access layer: list, then watch from the list's resourceVersion; resume from the last
// resourceVersion seen when the server ends a watch; relist on 410 Gone; back off (1 s doubling to 30 s,
// with jitter) after errors; never poll. A watch that broke marks the collection stale until it is live again.
import type { ClusterAccess, WatchEvent } from '../access';
import type { ClusterFault } from '../faults';
import { metaOf } from './objects';
import type { ClusterStore, ResourceSpec } from './store';
import { listInto } from './cluster';

export interface ReflectorHooks {
  /** Something in the store changed (an event, a relist) or the collection's live/stale state did. */
  changed(): void;
}

export interface ReflectorTiming {
  /** Server-side watch timeout range; the server ends a watch after it and we resume. */
  minWatchSeconds: number;
  maxWatchSeconds: number;
  backoffStartMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_TIMING: ReflectorTiming = {
  minWatchSeconds: 300,
  maxWatchSeconds: 600,
  backoffStartMs: 1000,
  backoffMaxMs: 30_000,
};

export class Reflector {
  /** resourceVersion to resume from; undefined means "relist first". */
  resourceVersion?: string;
  /** When this collection stopped being live (its watch or relist failed). */
  brokenSince?: string;
  lastFault?: ClusterFault;
  private running?: AbortController;
  private backoffMs: number;
  private loop?: Promise<void>;

  constructor(
    private readonly store: ClusterStore,
    private readonly access: ClusterAccess,
    readonly spec: ResourceSpec,
    private readonly hooks: ReflectorHooks,
    private readonly timing: ReflectorTiming = DEFAULT_TIMING,
  ) {
    this.backoffMs = timing.backoffStartMs;
  }

  get active(): boolean {
    return !!this.running && !this.running.signal.aborted;
  }

  /** Starts (or restarts) the loop; a known resourceVersion resumes the watch without a relist. */
  start(): void {
    if (this.active) return;
    const ctl = new AbortController();
    this.running = ctl;
    this.loop = this.run(ctl.signal);
  }

  /** Ends the loop (the watch request is aborted); what was read stays in the store. */
  async stop(): Promise<void> {
    this.running?.abort();
    await this.loop;
  }

  /** The next cycle relists instead of resuming (Refresh). */
  forgetVersion(): void {
    this.resourceVersion = undefined;
  }

  private broke(f: ClusterFault): void {
    this.lastFault = f;
    if (!this.brokenSince) this.brokenSince = new Date().toISOString();
    this.hooks.changed();
  }

  private live(): void {
    this.backoffMs = this.timing.backoffStartMs;
    if (this.brokenSince || this.lastFault) {
      this.brokenSince = undefined;
      this.lastFault = undefined;
      this.hooks.changed();
    }
  }

  private async pause(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    await new Promise<void>((res) => {
      const done = () => {
        clearTimeout(t);
        signal.removeEventListener('abort', done);
        res();
      };
      const t = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private async backoff(signal: AbortSignal): Promise<void> {
    const ms = this.backoffMs * (0.8 + Math.random() * 0.4);
    this.backoffMs = Math.min(this.backoffMs * 2, this.timing.backoffMaxMs);
    await this.pause(ms, signal);
  }

  private onEvent(e: WatchEvent): void {
    const rv = metaOf(e.object)?.resourceVersion;
    if (e.type === 'BOOKMARK') {
      if (rv) this.resourceVersion = rv;
      return;
    }
    if (e.type === 'ADDED' || e.type === 'MODIFIED') this.store.upsert(this.spec.id, e.object);
    else if (e.type === 'DELETED') this.store.remove(this.spec.id, e.object);
    else return;
    if (rv) this.resourceVersion = rv;
    this.hooks.changed();
  }

  private watchPath(): string {
    const span = this.timing.maxWatchSeconds - this.timing.minWatchSeconds;
    const seconds = this.timing.minWatchSeconds + Math.floor(Math.random() * (span + 1));
    const sep = this.spec.path.includes('?') ? '&' : '?';
    return `${this.spec.path}${sep}watch=1&allowWatchBookmarks=true&timeoutSeconds=${seconds}&resourceVersion=${encodeURIComponent(this.resourceVersion ?? '')}`;
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      if (this.resourceVersion === undefined) {
        const listed = await listInto(this.store, this.access, this.spec);
        if (signal.aborted) return;
        if (!listed.ok) {
          if (listed.clusterWide) {
            this.broke(listed.fault);
            await this.backoff(signal);
          } else {
            // A refusal (403) or an API that is not served is a partial read, not staleness; it does not
            // heal in seconds, so ask again rarely.
            this.hooks.changed();
            await this.pause(this.timing.backoffMaxMs * 10, signal);
          }
          continue;
        }
        this.resourceVersion = listed.resourceVersion ?? '';
        this.hooks.changed();
      }
      const idle = this.timing.maxWatchSeconds * 1000 + 30_000;
      const guard = new AbortController();
      const stopBoth = AbortSignal.any([signal, guard.signal]);
      // A half-open connection delivers nothing, not even the server's own end: give up after the longest watch.
      let timer = setTimeout(() => guard.abort(), idle);
      const end = await this.access.watch(
        this.watchPath(),
        this.spec.what,
        (e) => {
          clearTimeout(timer);
          timer = setTimeout(() => guard.abort(), idle);
          this.onEvent(e);
        },
        { signal: stopBoth, onOpen: () => this.live() },
      );
      clearTimeout(timer);
      if (signal.aborted) return;
      if (end.ok) continue; // the server ended the watch (timeoutSeconds) or our idle guard did: resume
      if (end.gone) {
        // Our resourceVersion was compacted away: relist now (no backoff, as client-go does).
        this.resourceVersion = undefined;
        continue;
      }
      this.broke(end.fault);
      await this.backoff(signal);
    }
  }
}
