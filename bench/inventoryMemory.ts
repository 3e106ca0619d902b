// Child process of inventory.bench.ts (run with --expose-gc): heap and RSS retained by one inventory snapshot,
// then by the live inventory (stores + its last snapshot), of the clusters in the kubeconfig given; prints JSON.
// A process of its own so nothing else of the benchmark is on the heap being measured.
import { readInventory } from '../clusters/src/inventory/read';
import { watchInventory } from '../clusters/src/inventory/watch';
import { summarizeServices } from '../clusters/src/inventory/health';
import type { ClustersetSnapshot } from '../clusters/src/inventory/snapshot';

const [kubeconfig, ...contexts] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
const members = contexts.map((c) => ({ name: c, context: c }));
const count = (s: ClustersetSnapshot) => s.exports.length + s.imports.length + s.endpointSlices.length;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  if (!gc || !kubeconfig) throw new Error('usage: node --expose-gc --import tsx bench/inventoryMemory.ts KUBECONFIG CONTEXT…');
  // Load the code paths (client-node, our modules) before the baseline.
  await readInventory({ path: kubeconfig }, members.slice(0, 1), { timeoutMs: 60_000 });
  gc();
  const base = process.memoryUsage();
  const snapshot = await readInventory({ path: kubeconfig }, members, { timeoutMs: 60_000 });
  gc();
  const afterRead = process.memoryUsage();
  const c0 = cpu();
  const w0 = performance.now();
  const services = summarizeServices(snapshot).length;
  const summarize = { cpuMs: cpu() - c0, wallMs: performance.now() - w0 };
  const objects = count(snapshot);

  let latest: ClustersetSnapshot | undefined;
  const live = watchInventory({ path: kubeconfig }, members, { timeoutMs: 60_000 }, (s) => (latest = s));
  const deadline = Date.now() + 120_000;
  while ((!latest || count(latest) < objects) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  gc();
  const afterLive = process.memoryUsage();
  live.stop();
  const mib = (b: number) => b / 1048576;
  console.log(
    JSON.stringify({
      objects,
      liveObjects: latest ? count(latest) : 0,
      services,
      snapshotHeapMiB: mib(afterRead.heapUsed - base.heapUsed),
      snapshotRssMiB: mib(afterRead.rss - base.rss),
      // The one-shot snapshot is still held here: the live figure is on top of it.
      liveHeapMiB: mib(afterLive.heapUsed - afterRead.heapUsed),
      liveRssMiB: mib(afterLive.rss - afterRead.rss),
      summarizeCpuMs: summarize.cpuMs,
      summarizeWallMs: summarize.wallMs,
    }),
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exit(1);
  },
);
