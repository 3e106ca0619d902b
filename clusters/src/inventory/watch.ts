// The live inventory: per member, discovery and one list of every collection (members `concurrency` at a
// time), then a watch per collection that keeps the store current (reflector.ts: resume, relist on 410,
// back off). Every change is coalesced into one new snapshot a few milliseconds later. A member that cannot
// be reached is retried with backoff; one whose watch broke keeps its last data and says "stale since".
// pause() ends every watch (the view is hidden) and resume() picks them up from where they were.
import type { KubeConfig } from '@kubernetes/client-node';
import { DEFAULT_TIMEOUT_MS } from '../access';
import { firstLine } from '../redact';
import type { ClusterMember } from '../scope';
import { judgeCluster, listInto, openMember, probeCluster, unanswered } from './cluster';
import { DEFAULT_CONCURRENCY, failedStore, resolveKubeConfig, type InventoryOptions, type KubeConfigSource } from './read';
import { DEFAULT_TIMING, Reflector, type ReflectorTiming } from './reflector';
import type { ClustersetSnapshot } from './snapshot';
import { ClusterStore, resourcesFor, snapshotOf, type ResourceId } from './store';

export interface InventoryWatch {
  /** Re-reads every member now (discovery, detection, every collection) and resolves when all have answered. */
  refresh(): Promise<void>;
  /** Ends every watch; the last data stays (each cluster says `paused`). */
  pause(): void;
  /** Watches again from the last resourceVersion (relisting where it is gone). */
  resume(): void;
  /** Ends everything; no snapshot follows. */
  stop(): void;
}

export interface LiveOptions extends InventoryOptions {
  /** Watch and backoff timing (tests shorten it). */
  timing?: Partial<ReflectorTiming>;
  /** Coalescing delay between a change and its snapshot. Default 15 ms. */
  coalesceMs?: number;
}

/** At most `limit` tasks at a time, in the order they ask. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: Array<() => void> = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((res) => queue.push(res));
    running++;
    try {
      return await task();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}

class MemberWatcher {
  readonly store: ClusterStore;
  private reflectors: Reflector[] = [];
  private retryTimer?: NodeJS.Timeout;
  private retryMs: number;
  private generation = 0;

  constructor(
    private readonly kc: KubeConfig,
    member: ClusterMember,
    private readonly options: LiveOptions,
    private readonly timing: ReflectorTiming,
    private readonly stopSignal: AbortSignal,
    private readonly changed: () => void,
  ) {
    this.store = new ClusterStore(member);
    this.retryMs = timing.backoffStartMs * 2;
  }

  private updateStale(): void {
    const broken = this.reflectors.filter((r) => r.brokenSince).sort((a, b) => a.brokenSince!.localeCompare(b.brokenSince!));
    this.store.staleSince = broken[0]?.brokenSince;
    this.store.staleReason = broken[0]?.lastFault;
  }

  private onChange = () => {
    this.updateStale();
    this.changed();
  };

  /** Opens, probes and lists the member, then starts its watches. Resolves when the first read is done. */
  async begin(): Promise<void> {
    const gen = ++this.generation;
    clearTimeout(this.retryTimer);
    const opened = openMember(this.kc, this.store.member, {
      allowExecAuth: this.options.allowExec ?? false,
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      deadline: 'perRequest',
      signal: this.stopSignal,
    });
    if (!opened.ok) return this.failed(opened.fault, gen, opened.fault.kind !== 'config');
    const a = opened.value;
    const probe = new ClusterStore(this.store.member);
    // Discovery into a scratch store: a failed re-probe must not wipe what the member's store shows.
    if (!(await probeCluster(probe, a))) return this.failed(probe.fault!, gen, true, probe.reachable);
    if (gen !== this.generation || this.stopSignal.aborted) return;
    const s = this.store;
    Object.assign(s, {
      served: probe.served,
      server: probe.server,
      reachable: true,
      implementation: probe.implementation,
      controllerReady: probe.controllerReady,
      controller: probe.controller,
      endpointSliceSync: probe.endpointSliceSync,
      detectionFaults: probe.detectionFaults,
    });
    const specs = resourcesFor(s.served);
    for (const id of [...s.read]) if (!specs.some((x) => x.id === id)) this.forget(id);
    const outcomes = await Promise.all(specs.map((spec) => listInto(s, a, spec)));
    if (gen !== this.generation || this.stopSignal.aborted) return;
    const wide = outcomes.find((o) => !o.ok && o.clusterWide);
    if (wide && !wide.ok) return this.failed(wide.fault, gen, true, true);
    s.fault = undefined;
    judgeCluster(s, specs);
    s.readAt = new Date().toISOString();
    this.retryMs = this.timing.backoffStartMs * 2;
    this.reflectors = specs.map((spec, i) => {
      const r = new Reflector(s, a, spec, { changed: this.onChange }, this.timing);
      const o = outcomes[i];
      // A collection this context may not read gets no watch until the next refresh.
      if (o?.ok) r.resourceVersion = o.resourceVersion ?? '';
      return r;
    });
    this.updateStale();
    if (!s.paused) for (const r of this.reflectors) if (r.resourceVersion !== undefined) r.start();
    this.changed();
  }

  private forget(id: ResourceId): void {
    this.store.clear(id);
    this.store.read.delete(id);
    this.store.resourceFaults.delete(id);
  }

  /** The member failed as a whole: keep its last data (stale) if it had any, else show the fault; retry later. */
  private failed(f: NonNullable<ClusterStore['fault']>, gen: number, retry: boolean, reachable = !unanswered(f)): void {
    if (gen !== this.generation || this.stopSignal.aborted) return;
    const s = this.store;
    if (s.read.size > 0) {
      s.staleSince ??= new Date().toISOString();
      s.staleReason = f;
    } else {
      s.fault = f;
      s.reachable = reachable;
    }
    s.readAt = new Date().toISOString();
    this.changed();
    if (!retry || s.paused) return;
    const ms = this.retryMs * (0.8 + Math.random() * 0.4);
    this.retryMs = Math.min(this.retryMs * 2, this.timing.backoffMaxMs * 2);
    this.retryTimer = setTimeout(() => void this.begin(), ms);
    this.retryTimer.unref?.();
  }

  async refresh(): Promise<void> {
    await this.halt();
    for (const r of this.reflectors) r.forgetVersion();
    await this.begin();
  }

  private async halt(): Promise<void> {
    clearTimeout(this.retryTimer);
    await Promise.all(this.reflectors.map((r) => r.stop()));
  }

  pause(): void {
    this.store.paused = true;
    void this.halt();
  }

  resume(): void {
    this.store.paused = false;
    const ready = this.reflectors.length > 0 && !this.store.fault;
    if (!ready) {
      void this.begin();
      return;
    }
    for (const r of this.reflectors) if (r.resourceVersion !== undefined) r.start();
    this.changed();
  }

  stop(): void {
    this.generation++;
    void this.halt();
  }
}

export function watchInventory(
  kubeconfig: KubeConfigSource,
  members: ClusterMember[],
  options: LiveOptions,
  onSnapshot: (s: ClustersetSnapshot) => void,
): InventoryWatch {
  const stopAll = new AbortController();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopAll.abort();
    clearTimeout(pending);
    for (const w of watchers) w.stop();
  };
  options.signal?.addEventListener('abort', stop, { once: true });

  const kc = resolveKubeConfig(kubeconfig);
  let pending: NodeJS.Timeout | undefined;
  const emitNow = () => {
    clearTimeout(pending);
    pending = undefined;
    if (stopped) return;
    try {
      onSnapshot(snapshotOf(watchers.length ? watchers.map((w) => w.store) : fallback));
    } catch {
      // The consumer's bug must not stop the watches.
    }
  };
  const changed = () => {
    if (!stopped && !pending) pending = setTimeout(emitNow, options.coalesceMs ?? 15);
  };
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const fallback = kc.ok ? [] : members.map((m) => failedStore(m, kc.error));
  const watchers = kc.ok ? members.map((m) => new MemberWatcher(kc.kc, m, options, timing, stopAll.signal, changed)) : [];
  const limit = limiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  const beginAll = (run: (w: MemberWatcher) => Promise<void>) =>
    Promise.all(
      watchers.map((w) =>
        limit(() =>
          run(w).catch((e: unknown) => {
            w.store.fault = {
              kind: 'config',
              message: `internal error: ${firstLine(e instanceof Error ? e.message : String(e))}`,
            };
            changed();
          }),
        ),
      ),
    );
  if (kc.ok) void beginAll((w) => w.begin());
  else changed();

  return {
    refresh: async () => {
      if (stopped) return;
      await beginAll((w) => w.refresh());
      emitNow();
    },
    pause: () => {
      for (const w of watchers) w.pause();
      changed();
    },
    resume: () => {
      for (const w of watchers) w.resume();
      changed();
    },
    stop,
  };
}
