// Issue 10 goal "10,000 exports/imports/slices across 3 clusters: tree first paint from the last snapshot
// < 300 ms". In memory, no cluster: a snapshot of that size in the shape the inventory produces
// (clusters/src/inventory/snapshot.ts), then what the client does with it until VS Code has the rows of the
// first paint — `summarizeServices` (health), the pure row mapping `treeRows`, and what the provider's
// getChildren answers for the roots and the two expanded groups (views/rows/shownRows.ts). Beside it, the
// eager mapping of before (every row with its children and tooltip, `renderAll`). The extension host meets
// the first paint once, cold, so each figure is measured in fresh processes (the median of them), and warm
// (later snapshots) in each. VS Code's own rendering is not in it. CPU-bound; no assertion.
// Run: npx tsx bench/treePaint.bench.ts   (bench/run.ts runs it too; BENCH_SKIP_TREE=1 skips it there).
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { summarizeServices } from '../clusters/src/inventory/health';
import type {
  ClusterState,
  ClustersetSnapshot,
  EndpointSliceState,
  ExportState,
  ImportState,
} from '../clusters/src/inventory/snapshot';
import { renderAll, ShownRows, type RenderedRow } from '../client/src/views/rows/shownRows';
import { treeRows, type TreeInput } from '../client/src/views/rows/treeRows';

const OBJECTS = Number(process.env.BENCH_TREE_OBJECTS ?? 10_000);
const RUNS = Number(process.env.BENCH_TREE_RUNS ?? 15);
/** Fresh processes per approach (each pays the cold first paint once). */
const PROCESSES = Number(process.env.BENCH_TREE_PROCESSES ?? 5);
const CLUSTERS = ['east', 'west', 'central'];
const MCS = 'multicluster.x-k8s.io/v1beta1';
const T0 = '2026-11-01T10:00:00Z';

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

const countRows = (rows: RenderedRow[]): number => rows.reduce((n, r) => n + 1 + countRows(r.children ?? []), 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

type Approach = 'lazy' | 'eager';

interface Paint {
  summarizeMs: number;
  rowsMs: number;
  /** Rows built (lazy: the roots, the services and the clusters; eager: every row). */
  rows: number;
  services: number;
  /** Eager only: every row, for the provider's change key of before (JSON of every row). */
  rendered?: RenderedRow[];
}

function inputOf(snapshot: ClustersetSnapshot): TreeInput {
  return {
    kind: 'live',
    scopeSource: 'clusterset.yaml',
    members: snapshot.clusters.map((c) => ({ name: c.name, context: c.context })),
    snapshot,
    summaries: summarizeServices(snapshot),
  };
}

/**
 * One paint: health of every service, then the rows VS Code asks for (lazy) or every row (eager). `shown` is
 * what the provider keeps: new for the first paint; for a later snapshot the one that painted the last, so
 * its check of what VS Code showed (the services list it fetched) is in the figure.
 */
function paint(snapshot: ClustersetSnapshot, approach: Approach, shown = new ShownRows()): Paint {
  const t0 = performance.now();
  const input = inputOf(snapshot);
  const t1 = performance.now();
  const services = input.kind === 'live' ? (input.summaries?.length ?? 0) : 0;
  if (approach === 'lazy') {
    // A later snapshot with nothing new: no redraw, so VS Code asks for nothing; the first paint asks.
    if (!shown.set(treeRows(input))) return { summarizeMs: t1 - t0, rowsMs: performance.now() - t1, rows: 0, services };
    const roots = shown.children();
    const rows = roots.length + roots.reduce((n, r) => n + shown.children(r).length, 0);
    return { summarizeMs: t1 - t0, rowsMs: performance.now() - t1, rows, services };
  }
  const all = renderAll(treeRows(input));
  return { summarizeMs: t1 - t0, rowsMs: performance.now() - t1, rows: countRows(all), services, rendered: all };
}

/** After a lazy first paint: expanding one service (builds the snapshot's index) and hovering it. */
function expandAndHover(snapshot: ClustersetSnapshot): { expandMs: number; hoverMs: number } {
  const shown = new ShownRows();
  shown.set(treeRows(inputOf(snapshot)));
  const [services] = shown.children();
  const svc = services ? shown.children(services)[0] : undefined;
  const t0 = performance.now();
  if (svc) shown.children(svc);
  const t1 = performance.now();
  if (svc) shown.tooltip(svc);
  return { expandMs: t1 - t0, hoverMs: performance.now() - t1 };
}

interface ProcessResult {
  approach: Approach;
  objects: number;
  cold: Paint;
  /** CPU time of the process (every thread: JIT and GC included) during the cold paint. */
  coldCpuMs: number;
  /** Eager only, cold: the provider's change key of before, JSON of every row (not in the published figures). */
  keyMs?: number;
  warm: Paint[];
  /** Lazy only, cold in the process: the first expand and hover after the first paint. */
  expandMs?: number;
  hoverMs?: number;
}

/** What one fresh process measures: its first paint (cold), then RUNS more (warm). */
function measureInThisProcess(approach: Approach): ProcessResult {
  const snapshot = buildSnapshot();
  const objects = snapshot.exports.length + snapshot.imports.length + snapshot.endpointSlices.length;
  const shown = new ShownRows();
  const cpu = process.cpuUsage();
  const { rendered, ...cold } = paint(snapshot, approach, shown);
  const used = process.cpuUsage(cpu);
  const k0 = performance.now();
  if (rendered) JSON.stringify(rendered);
  const key = rendered ? { keyMs: performance.now() - k0 } : {};
  const after = approach === 'lazy' ? expandAndHover(snapshot) : {};
  const warm = Array.from({ length: RUNS }, () => {
    const { rendered: _, ...w } = paint(snapshot, approach, shown);
    return w;
  });
  return { approach, objects, cold, coldCpuMs: (used.user + used.system) / 1000, ...key, warm, ...after };
}

function inFreshProcess(approach: Approach): Promise<ProcessResult> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', __filename, '--child', approach],
      { env: process.env, maxBuffer: 1 << 20 },
      (err, stdout) => {
        if (err) return fail(err);
        try {
          done(JSON.parse(stdout.trim().split('\n').pop() ?? '') as ProcessResult);
        } catch (e) {
          fail(new Error(`tree paint child printed no result: ${String(e)}\n${stdout}`));
        }
      },
    );
  });
}

export interface ApproachFigures {
  /** Median over the fresh processes of their first paint. */
  coldMs: number;
  coldMinMs: number;
  coldMaxMs: number;
  coldSummarizeMs: number;
  coldRowsMs: number;
  /** Median over the processes of their CPU time (all threads) during the cold paint: less load-bound than wall time. */
  coldCpuMs: number;
  /** Median of every warm run of every process. */
  warmMs: number;
  warmSummarizeMs: number;
  warmRowsMs: number;
  rows: number;
  keyColdMs?: number;
  expandColdMs?: number;
  hoverColdMs?: number;
}

export interface TreePaintResult {
  objects: number;
  services: number;
  processes: number;
  runs: number;
  lazy: ApproachFigures;
  eager: ApproachFigures;
}

function figures(results: ProcessResult[]): ApproachFigures {
  const cold = results.map((r) => r.cold.summarizeMs + r.cold.rowsMs);
  const warm = results.flatMap((r) => r.warm);
  const keys = results.flatMap((r) => (r.keyMs !== undefined ? [r.keyMs] : []));
  const expands = results.flatMap((r) => (r.expandMs !== undefined ? [r.expandMs] : []));
  const hovers = results.flatMap((r) => (r.hoverMs !== undefined ? [r.hoverMs] : []));
  return {
    coldMs: median(cold),
    coldMinMs: Math.min(...cold),
    coldMaxMs: Math.max(...cold),
    coldSummarizeMs: median(results.map((r) => r.cold.summarizeMs)),
    coldRowsMs: median(results.map((r) => r.cold.rowsMs)),
    coldCpuMs: median(results.map((r) => r.coldCpuMs)),
    warmMs: median(warm.map((w) => w.summarizeMs + w.rowsMs)),
    warmSummarizeMs: median(warm.map((w) => w.summarizeMs)),
    warmRowsMs: median(warm.map((w) => w.rowsMs)),
    rows: results[0]?.cold.rows ?? 0,
    ...(keys.length ? { keyColdMs: median(keys) } : {}),
    ...(expands.length ? { expandColdMs: median(expands) } : {}),
    ...(hovers.length ? { hoverColdMs: median(hovers) } : {}),
  };
}

export async function runTreePaintBench(): Promise<TreePaintResult> {
  const by: Record<Approach, ProcessResult[]> = { lazy: [], eager: [] };
  // One after the other, alternating, so both approaches meet the same load.
  for (let i = 0; i < PROCESSES; i++)
    for (const approach of ['lazy', 'eager'] as const) by[approach].push(await inFreshProcess(approach));
  return {
    objects: by.lazy[0]?.objects ?? 0,
    services: by.lazy[0]?.cold.services ?? 0,
    processes: PROCESSES,
    runs: RUNS,
    lazy: figures(by.lazy),
    eager: figures(by.eager),
  };
}

export function formatTreePaintBench(r: TreePaintResult): string {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const line = (name: string, f: ApproachFigures) =>
    `${name}: cold ${ms(f.coldMs)} (${ms(f.coldMinMs)}–${ms(f.coldMaxMs)}; summarizeServices ${ms(f.coldSummarizeMs)}, rows ${ms(f.coldRowsMs)}; CPU ${ms(f.coldCpuMs)}) · warm ${ms(f.warmMs)} (summarizeServices ${ms(f.warmSummarizeMs)}, rows ${ms(f.warmRowsMs)}) · ${f.rows} rows built`;
  return [
    `${r.objects} exports/imports/slices in 3 clusters → ${r.services} services; cold = median over ${r.processes} fresh processes, warm = median of ${r.runs} runs in each`,
    line('now (lazy: roots + services + clusters; children on expand, tooltips on hover)', r.lazy),
    line('before (eager: every row with its children and tooltip)', r.eager),
    `  before, the provider also keyed every row as JSON for its redraw check: ${ms(r.eager.keyColdMs ?? NaN)} cold (not in the figure above)`,
    `  now, after the first paint: first expand of a service (builds the snapshot index) ${ms(r.lazy.expandColdMs ?? NaN)}, its tooltip ${ms(r.lazy.hoverColdMs ?? NaN)}`,
    `before/now: cold ${ratio(r.eager.coldMs, r.lazy.coldMs)}, warm ${ratio(r.eager.warmMs, r.lazy.warmMs)}`,
    `goal < 300 ms: ${Math.max(r.lazy.coldMs, r.lazy.warmMs) < 300 ? 'met' : 'NOT met'} (cold and warm, now)`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const child = process.argv.indexOf('--child');
  if (child > 0) console.log(JSON.stringify(measureInThisProcess(process.argv[child + 1] === 'eager' ? 'eager' : 'lazy')));
  else
    runTreePaintBench().then(
      (r) => console.log(formatTreePaintBench(r)),
      (err: unknown) => {
        console.error(err instanceof Error ? err.stack : String(err));
        process.exitCode = 1;
      },
    );
}
