// Live inventory (first cut): a snapshot on start and on every refresh(); the list+watch reflectors follow.
import type { ClusterMember } from '../scope';
import { readInventory, type InventoryOptions, type KubeConfigSource } from './read';
import type { ClustersetSnapshot } from './snapshot';

export interface InventoryWatch {
  refresh(): Promise<void>;
  pause(): void;
  resume(): void;
  stop(): void;
}

export function watchInventory(
  kubeconfig: KubeConfigSource,
  members: ClusterMember[],
  options: InventoryOptions,
  onSnapshot: (s: ClustersetSnapshot) => void,
): InventoryWatch {
  const stop = new AbortController();
  let paused = false;
  const refresh = async () => {
    const s = await readInventory(kubeconfig, members, {
      ...options,
      signal: AbortSignal.any([stop.signal, ...(options.signal ? [options.signal] : [])]),
    });
    if (!stop.signal.aborted && !paused) onSnapshot(s);
  };
  void refresh();
  return {
    refresh,
    pause: () => (paused = true),
    resume: () => {
      paused = false;
      void refresh();
    },
    stop: () => stop.abort(),
  };
}
