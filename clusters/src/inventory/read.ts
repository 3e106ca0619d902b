// The one-shot inventory (`clusterset status`, a Refresh): every member in parallel, `concurrency` at a time,
// each under its own deadline; a slow or broken cluster delays nothing but its own row. Never rejects.
import type { KubeConfig } from '@kubernetes/client-node';
import { DEFAULT_TIMEOUT_MS, sameReadKey } from '../access';
import { loadKubeConfig } from '../kubeconfig';
import { firstLine } from '../redact';
import type { ClusterMember } from '../scope';
import { applyClusterRead, fetchClusterRead, openMember, type ClusterRead } from './cluster';
import type { ClustersetSnapshot } from './snapshot';
import { ClusterStore, snapshotOf } from './store';

/** A loaded kubeconfig, or where to load one from (default $KUBECONFIG or ~/.kube/config). */
export type KubeConfigSource = KubeConfig | { path?: string };

export interface InventoryOptions {
  signal?: AbortSignal;
  /** Per-cluster deadline. Default 15 s. */
  timeoutMs?: number;
  /** Clusters read at the same time. Default 64. */
  concurrency?: number;
  /** Run exec credential plugins (only in trusted workspaces). Default false. */
  allowExec?: boolean;
}

/**
 * Members read at once. A read is two round trips of at most 7 requests, mostly waiting: a lower bound
 * makes waves (16 read 50 contexts behind a 100 ms link in 3× one's time, 64 in 1.2×). The cap is for
 * kubeconfigs of hundreds of contexts (64 × 7 sockets at most, fewer where contexts share a server, whose
 * agent opens at most 24), not for the 50 the goal names.
 */
export const DEFAULT_CONCURRENCY = 64;

export function resolveKubeConfig(source: KubeConfigSource): { ok: true; kc: KubeConfig } | { ok: false; error: string } {
  if ('loadFromFile' in source) return { ok: true, kc: source };
  const loaded = loadKubeConfig(source.path);
  return loaded.ok ? { ok: true, kc: loaded.kc } : loaded;
}

/** Runs `work` for every index, `limit` at a time. */
export async function boundedEach(count: number, limit: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await work(i);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
}

/** A store that failed before it could be read (kubeconfig missing, our own bug) carries the fault. */
export function failedStore(member: ClusterMember, message: string, kind: 'config' = 'config'): ClusterStore {
  const s = new ClusterStore(member);
  s.fault = { kind, message };
  s.readAt = new Date().toISOString();
  return s;
}

export async function readInventory(
  kubeconfig: KubeConfigSource,
  members: ClusterMember[],
  options: InventoryOptions = {},
): Promise<ClustersetSnapshot> {
  const kc = resolveKubeConfig(kubeconfig);
  if (!kc.ok) return snapshotOf(members.map((m) => failedStore(m, kc.error)));
  const stores = members.map((m) => new ClusterStore(m));
  const accessOptions = {
    allowExecAuth: options.allowExec ?? false,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  // Contexts that would send the very same requests (one server, user and credentials: e.g. a context per
  // namespace) are read once; each member's store is filled from that answer. A member whose leader did not
  // get discovery's answer reads on its own, so a failure is reported in its own names.
  const leaders = new Map<string, Promise<ClusterRead | undefined>>();
  /** Reads the member on its own; the read if its access opened. */
  const readAlone = async (store: ClusterStore): Promise<ClusterRead | undefined> => {
    const a = openMember(kc.kc, store.member, accessOptions);
    if (!a.ok) {
      store.fault = a.fault;
      store.readAt = new Date().toISOString();
      return undefined;
    }
    const read = await fetchClusterRead(a.value);
    applyClusterRead(store, read);
    return read;
  };
  await boundedEach(members.length, options.concurrency ?? DEFAULT_CONCURRENCY, async (i) => {
    const store = stores[i];
    if (!store) return;
    try {
      const key = sameReadKey(kc.kc, store.member.context);
      const led = key !== undefined ? leaders.get(key) : undefined;
      if (led) {
        const read = await led.catch(() => undefined);
        if (read?.served.ok) return applyClusterRead(store, read);
        return void (await readAlone(store));
      }
      const own = readAlone(store);
      if (key !== undefined) leaders.set(key, own);
      await own;
    } catch (e) {
      // Our own bug, not the cluster's: say so rather than blame the network.
      stores[i] = failedStore(store.member, `internal error: ${firstLine(e instanceof Error ? e.message : String(e))}`);
    }
  });
  return snapshotOf(stores);
}
