// Issue 10 goal "10,000 exports/imports/slices across 3 clusters: tree first paint from the last snapshot
// < 300 ms". In memory, no cluster: a snapshot of that size in the shape the inventory produces
// (clusters/src/inventory/snapshot.ts), then what the client does with a new snapshot before VS Code asks
// for the first rows — `summarizeServices` (health) and the pure row mapping `treeRows`. The
// TreeDataProvider adapting rows to TreeItems and VS Code's rendering are not in it. CPU-bound; no assertion.
// Run: npx tsx bench/treePaint.bench.ts   (bench/run.ts runs it too; BENCH_SKIP_TREE=1 skips it there).
import { resolve } from 'node:path';
import { summarizeServices } from '../clusters/src/inventory/health';
import type {
  ClusterState,
  ClustersetSnapshot,
  EndpointSliceState,
  ExportState,
  ImportState,
} from '../clusters/src/inventory/snapshot';
import { treeRows, type TreeInput } from '../client/src/views/rows/treeRows';
import type { Row } from '../client/src/views/rows/row';

const OBJECTS = Number(process.env.BENCH_TREE_OBJECTS ?? 10_000);
const RUNS = Number(process.env.BENCH_TREE_RUNS ?? 15);
const CLUSTERS = ['east', 'west', 'central'];
const MCS = 'multicluster.x-k8s.io/v1beta1';
const T0 = '2026-11-01T10:00:00Z';

export interface TreePaintResult {
  objects: number;
  services: number;
  rows: number;
  /** The first run in this process (cold JIT): what a first paint after activation pays. */
  coldMs: number;
  /** Median of the runs after it. */
  medianMs: number;
  summarizeMedianMs: number;
  rowsMedianMs: number;
  runs: number;
}

/**
 * Per service (five or six objects), until `objects` are made: one export from one cluster (round robin) with its Service, an import in each of
 * the three clusters, and in each other cluster an MCS EndpointSlice from the exporter. Every 10th service
 * misses a slice and every 25th export has Conflict=True, so health has degraded services to explain too.
 */
export function buildSnapshot(objects = OBJECTS): ClustersetSnapshot {
  const exports: ExportState[] = [];
  const imports: ImportState[] = [];
  const endpointSlices: EndpointSliceState[] = [];
  for (let i = 0; exports.length + imports.length + endpointSlices.length < objects; i++) {
    const namespace = `team-${i % 40}`;
    const name = `svc-${i}`;
    const from = CLUSTERS[i % 3]!;
    const port = { name: 'http', port: 80, protocol: 'TCP' };
    exports.push({
      ref: { cluster: from, apiVersion: MCS, kind: 'ServiceExport', namespace, name },
      creationTimestamp: T0,
      conditions: [
        { type: 'Valid', status: 'True', reason: 'Exported', lastTransitionTime: T0 },
        { type: 'Ready', status: 'True', reason: 'Exported', lastTransitionTime: T0 },
        { type: 'Conflict', status: i % 25 === 0 ? 'True' : 'False', reason: i % 25 === 0 ? 'PortConflict' : 'NoConflicts' },
      ],
      service: {
        ref: { cluster: from, apiVersion: 'v1', kind: 'Service', namespace, name },
        type: 'ClusterIP',
        clusterIP: `10.96.${(i >> 8) & 255}.${i & 255}`,
        ports: [port],
        ipFamilies: ['IPv4'],
      },
    });
    for (const c of CLUSTERS) {
      imports.push({
        ref: { cluster: c, apiVersion: MCS, kind: 'ServiceImport', namespace, name },
        type: 'ClusterSetIP',
        ips: [`10.99.${(i >> 8) & 255}.${i & 255}`],
        ports: [port],
        statusClusters: [from],
        creationTimestamp: T0,
      });
      if (c === from || (i % 10 === 0 && c === CLUSTERS[(i + 1) % 3])) continue;
      endpointSlices.push({
        ref: { cluster: c, apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', namespace, name: `${name}-${from}` },
        sourceCluster: `${from}-id`,
        serviceName: name,
        addressType: 'IPv4',
        ready: 2,
        total: 3,
        managedBy: 'lighthouse-agent.submariner.io',
      });
    }
  }
  const namespaces = Array.from({ length: 40 }, (_, i) => `team-${i}`);
  const clusters: ClusterState[] = CLUSTERS.map((name) => ({
    name,
    context: `kind-${name}`,
    reachable: true,
    implementation: 'submariner',
    controllerReady: true,
    controller: 'Deployment submariner-operator/submariner-lighthouse-agent 1/1 ready',
    crdVersions: ['multicluster.x-k8s.io/v1alpha1', MCS],
    readVersion: MCS,
    clusterId: `${name}-id`,
    clustersetId: 'bench',
    readAt: T0,
    server: `https://${name}.example:6443`,
    namespaces,
  }));
  return { clusters, exports, imports, endpointSlices, takenAt: T0 };
}

const countRows = (rows: Row[]): number => rows.reduce((n, r) => n + 1 + countRows(r.children ?? []), 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** One first paint: health of every service, then every row (the tree maps eagerly, children included). */
function paint(snapshot: ClustersetSnapshot): { summarizeMs: number; rowsMs: number; rows: number; services: number } {
  const t0 = performance.now();
  const summaries = summarizeServices(snapshot);
  const t1 = performance.now();
  const input: TreeInput = {
    kind: 'live',
    scopeSource: 'clusterset.yaml',
    members: snapshot.clusters.map((c) => ({ name: c.name, context: c.context })),
    snapshot,
    summaries,
  };
  const rows = treeRows(input);
  const t2 = performance.now();
  return { summarizeMs: t1 - t0, rowsMs: t2 - t1, rows: countRows(rows), services: summaries.length };
}

export function runTreePaintBench(): TreePaintResult {
  const snapshot = buildSnapshot();
  const objects = snapshot.exports.length + snapshot.imports.length + snapshot.endpointSlices.length;
  const cold = paint(snapshot);
  const warm = Array.from({ length: RUNS }, () => paint(snapshot));
  return {
    objects,
    services: cold.services,
    rows: cold.rows,
    coldMs: cold.summarizeMs + cold.rowsMs,
    medianMs: median(warm.map((w) => w.summarizeMs + w.rowsMs)),
    summarizeMedianMs: median(warm.map((w) => w.summarizeMs)),
    rowsMedianMs: median(warm.map((w) => w.rowsMs)),
    runs: RUNS,
  };
}

export function formatTreePaintBench(r: TreePaintResult): string {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  return [
    `${r.objects} exports/imports/slices in 3 clusters → ${r.services} services, ${r.rows} rows`,
    `first paint (summarizeServices + treeRows), first run in the process (cold): ${ms(r.coldMs)}`,
    `median of ${r.runs} warm runs: ${ms(r.medianMs)} (summarizeServices ${ms(r.summarizeMedianMs)}, treeRows ${ms(r.rowsMedianMs)})`,
    `goal < 300 ms: ${Math.max(r.coldMs, r.medianMs) < 300 ? 'met' : 'NOT met'} (cold and warm)`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) console.log(formatTreePaintBench(runTreePaintBench()));
