// Issue 11 benchmark: `clusterset doctor` (diagnoseService) over the 3-cluster testbed with a healthy
// service, beside a sequential per-context loop (what subctl diagnose does: one context after the other);
// then over 4 contexts where one reaches its API server through a proxy that delays every chunk by 2 s,
// beside that slowed context alone and the sequential loop. Wall-clock medians; no assertion.
// Run: npx tsx bench/doctor.bench.ts   (bench/run.ts calls runDoctorBench()).
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { diagnoseService } from '../clusters/src/runbook/diagnose';
import type { RunbookReport } from '../clusters/src/runbook/run';

const RUNS = Number(process.env.BENCH_DOCTOR_RUNS ?? 7);
const DELAY_MS = Number(process.env.BENCH_DOCTOR_DELAY_MS ?? 2000);

export interface DoctorBenchResult {
  runs: number;
  clusters: number;
  parallelMs: number;
  sequentialMs: number;
  causes: string[];
  slowedDelayMs: number;
  slowedContexts: number;
  slowedParallelMs: number;
  slowedAloneMs: number;
  slowedSequentialMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] ?? 0) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** A TCP proxy to `port` that holds every chunk from the client for `delayMs` (order kept): a slow link. */
async function delayingProxy(port: number, delayMs: number): Promise<{ server: Server; port: number }> {
  const server = createServer((client: Socket) => {
    const upstream = connect(port, '127.0.0.1');
    let chain = Promise.resolve();
    client.on('data', (chunk) => {
      chain = chain
        .then(() => new Promise((r) => setTimeout(r, delayMs)))
        .then(() => {
          upstream.write(chunk);
        });
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port };
}

export async function runDoctorBench(): Promise<DoctorBenchResult> {
  const { startClusterset } = await import('../testbed/src/index.js');
  const fx = await import('../test/integration/doctorFixtures.js');
  const tb = await startClusterset({ clusters: ['east', 'west', 'central'] });
  const dir = mkdtempSync(join(tmpdir(), 'clusterset-doctor-bench-'));
  let proxy: Server | undefined;
  try {
    for (const c of ['east', 'west', 'central']) await fx.readyDeployment(tb, c, 'kube-system', 'mcs-api-controller');
    await fx.healthyService(tb, 'east', ['west', 'central'], 'shop', 'web');
    const service = { namespace: 'shop', name: 'web' };
    const doctor = (contexts: string[], kubeconfig = tb.kubeconfigPath): Promise<RunbookReport> =>
      diagnoseService({ service, kubeconfig, contexts, allowExecAuth: false, timeoutMs: 30_000 });
    const all = ['east', 'west', 'central'];
    const report = await doctor(all); // warm-up (JIT, TLS session setup), not counted
    const parallel: number[] = [];
    const sequential: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      parallel.push(await timed(() => doctor(all)));
      sequential.push(
        await timed(async () => {
          for (const c of all) await doctor([c]);
        }),
      );
    }
    // A fourth context reaching west through the slow link.
    const kc = parse(readFileSync(tb.kubeconfigPath, 'utf8')) as {
      clusters: { name: string; cluster: Record<string, string> }[];
      contexts: { name: string; context: Record<string, string> }[];
    };
    const west = tb.cluster('west');
    const p = await delayingProxy(west.port, DELAY_MS);
    proxy = p.server;
    const westCa = kc.clusters.find((c) => c.name === 'west')?.cluster['certificate-authority-data'] ?? '';
    kc.clusters.push({ name: 'slow', cluster: { server: `https://127.0.0.1:${p.port}`, 'certificate-authority-data': westCa } });
    kc.contexts.push({ name: 'slow', context: { cluster: 'slow', user: 'testbed-admin' } });
    const file = join(dir, 'kubeconfig');
    writeFileSync(file, stringify(kc), { mode: 0o600 });
    const four = [...all, 'slow'];
    const slowRuns = Math.max(3, Math.ceil(RUNS / 2));
    const sp: number[] = [];
    const alone: number[] = [];
    const ss: number[] = [];
    for (let i = 0; i < slowRuns; i++) {
      sp.push(await timed(() => doctor(four, file)));
      alone.push(await timed(() => doctor(['slow'], file)));
      ss.push(
        await timed(async () => {
          for (const c of four) await doctor([c], file);
        }),
      );
    }
    return {
      runs: RUNS,
      clusters: all.length,
      parallelMs: median(parallel),
      sequentialMs: median(sequential),
      causes: report.causes.map((c) => c.id),
      slowedDelayMs: DELAY_MS,
      slowedContexts: four.length,
      slowedParallelMs: median(sp),
      slowedAloneMs: median(alone),
      slowedSequentialMs: median(ss),
    };
  } finally {
    proxy?.close();
    await tb.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatDoctorBench(r: DoctorBenchResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `| measure | clusterset doctor (all clusters at once) | sequential per-context loop | ratio |`,
    `| --- | --- | --- | --- |`,
    `| ${r.clusters} testbed clusters, healthy service (median of ${r.runs}) | ${s(r.parallelMs)} | ${s(r.sequentialMs)} | ${(r.sequentialMs / r.parallelMs).toFixed(2)}× |`,
    `| ${r.slowedContexts} contexts, one behind a ${r.slowedDelayMs} ms-per-chunk link | ${s(r.slowedParallelMs)} (the slowed context alone: ${s(r.slowedAloneMs)}) | ${s(r.slowedSequentialMs)} | ${(r.slowedSequentialMs / r.slowedParallelMs).toFixed(2)}× |`,
    '',
    `Goal "3 clusters < 2 s median": ${r.parallelMs < 2000 ? 'met' : 'NOT met'} (${s(r.parallelMs)}); goal "≈ the slowest cluster, not the sum": all ${s(r.slowedParallelMs)} vs slowest alone ${s(r.slowedAloneMs)} (${(r.slowedParallelMs / r.slowedAloneMs).toFixed(2)}×). Causes on the healthy service: ${r.causes.length ? r.causes.join(', ') : 'none'}.`,
  ].join('\n');
}

// Run directly: npx tsx bench/doctor.bench.ts
if (process.argv[1] && /doctor\.bench\.ts$/.test(process.argv[1])) {
  runDoctorBench().then(
    (r) => console.log(formatDoctorBench(r)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
