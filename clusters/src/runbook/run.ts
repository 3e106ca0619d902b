// The runbook runner: starts every check's reads on every member at once (so the run takes about as long
// as the slowest cluster, not the sum), then evaluates the checks in runbook order. Each check is bounded
// in time, a check whose prerequisite failed is reported as skipped with why, cancellation skips what is
// left, and nothing here throws: a crashing check becomes a `skip` that says so.
import { mergeClusterDetails, type FoundDetail } from './mergeDetails';
import type { ClustersetSnapshot, McsImplementation, ServiceKey } from '../inventory/snapshot';
import type { Result } from '../faults';
import { firstLine } from '../redact';
import { CAUSES, fixFor, type CauseId } from './causes';
import type { Check, CheckId, CheckResult, Outcome, Prober, ReadAccess, RunbookMember } from './check';
import { ALL_CHECKS } from './checks/index';
import type { RunbookClusterSet } from './clusterSetFile';
import { buildContext, resolveImplementation } from './context';

export const DEFAULT_CHECK_TIMEOUT_MS = 20_000;

export interface RunbookInput {
  service: ServiceKey;
  members: RunbookMember[];
  /** The inventory snapshot, or its promise (read while the checks' own reads run). */
  snapshot: ClustersetSnapshot | Promise<ClustersetSnapshot>;
  clusterSet?: RunbookClusterSet;
  implementation?: McsImplementation;
  /** Read access per member; without it checks that need more objects report "not read". */
  access?: (member: RunbookMember) => ReadAccess;
  /** Only when the user confirmed the reachability pod (`--probe`, or the dialog). */
  prober?: Prober;
}

export interface RunbookProgress {
  check: CheckId;
  title: string;
  index: number;
  total: number;
  /** Worst status of this check over its clusters. */
  status: CheckResult['status'];
}

export interface RunOptions {
  signal?: AbortSignal;
  checkTimeoutMs?: number;
  onProgress?: (p: RunbookProgress) => void;
  /** The registry to run (tests); default ALL_CHECKS. */
  checks?: readonly Check[];
  now?: Date;
}

export interface CauseReport {
  id: CauseId;
  clusters: string[];
  summary: string;
  fix: string;
}

export interface RunbookReport {
  service: string;
  implementation: McsImplementation;
  healthy: boolean;
  clusters: Array<{ name: string; context: string; exporter: boolean; consumer: boolean }>;
  checks: CheckResult[];
  causes: CauseReport[];
  probe: boolean;
  cancelled: boolean;
  startedAt: string;
  durationMs: number;
}

const RANK: Record<CheckResult['status'], number> = { pass: 0, skip: 1, warn: 2, fail: 3 };

/** Resolves to `fallback()` when `ms` pass or `signal` aborts first. */
function bounded<T>(p: Promise<T>, ms: number, signal: AbortSignal | undefined, fallback: (why: string) => T): Promise<T> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (v: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(v);
    };
    const onAbort = () => done(fallback('cancelled'));
    const timer = setTimeout(() => done(fallback(`did not finish within ${Math.round(ms / 100) / 10} s`)), ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    p.then(done, (e: unknown) => done(fallback(`failed: ${firstLine(e instanceof Error ? e.message : String(e))}`)));
  });
}

const isGood = (o: Outcome) => o.status === 'pass' || o.status === 'warn';

/** Why `o` cannot stand: a prerequisite of `check` failed for its cluster (or everywhere). */
function blockedBy(
  check: Check,
  o: Outcome,
  outcomes: Map<CheckId, Outcome[]>,
  titles: Map<CheckId, string>,
): string | undefined {
  const needs: CheckId[] = check.id === 'reach' ? [] : ['reach', ...check.needs.filter((n) => n !== 'reach')];
  for (const n of needs) {
    const prior = outcomes.get(n);
    if (!prior?.length) continue;
    const title = titles.get(n) ?? n;
    const own = o.cluster === null ? [] : prior.filter((p) => p.cluster === o.cluster);
    if (own.length) {
      if (!own.some(isGood)) return n === 'reach' ? `${o.cluster} could not be read` : `"${title}" did not pass in ${o.cluster}`;
    } else if (!prior.some(isGood)) return `"${title}" did not pass`;
  }
  return undefined;
}

function aggregateCauses(results: CheckResult[], impl: McsImplementation): CauseReport[] {
  const byId = new Map<CauseId, { clusters: Set<string>; found: FoundDetail[] }>();
  for (const r of results)
    for (const id of r.causes ?? []) {
      const e = byId.get(id) ?? { clusters: new Set<string>(), found: [] };
      if (r.cluster) e.clusters.add(r.cluster);
      e.found.push({ cluster: r.cluster, detail: r.detail });
      byId.set(id, e);
    }
  return [...byId].map(([id, e]) => {
    const details = mergeClusterDetails(e.found);
    return {
      id,
      clusters: [...e.clusters].sort(),
      summary: `${CAUSES[id].title}: ${details.slice(0, 3).join('; ')}${details.length > 3 ? ` (+${details.length - 3} more)` : ''}`,
      fix: fixFor(id, impl),
    };
  });
}

/** Runs the runbook; never rejects (an internal failure comes back as a report that says so). */
export async function runRunbook(input: RunbookInput, options: RunOptions = {}): Promise<RunbookReport> {
  try {
    return await runChecks(input, options);
  } catch (e) {
    return emptyReport(input.service, `the runbook failed: ${firstLine(e instanceof Error ? e.message : String(e))}`);
  }
}

async function runChecks(input: RunbookInput, options: RunOptions): Promise<RunbookReport> {
  const t0 = Date.now();
  const startedAt = new Date().toISOString();
  const checks = options.checks ?? ALL_CHECKS;
  const timeoutMs = options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const { signal } = options;
  const serviceRef = `${input.service.namespace}/${input.service.name}`;
  const titles = new Map(checks.map((c) => [c.id, c.title] as const));

  // Every read of every check on every member starts now, in parallel with the inventory read.
  const reads = new Map<CheckId, Map<string, Promise<Result<unknown>>>>();
  for (const check of checks) {
    const read = check.read;
    if (!read || !input.access) continue;
    const perCluster = new Map<string, Promise<Result<unknown>>>();
    for (const m of input.members) {
      const access = input.access(m);
      perCluster.set(
        m.name,
        bounded(read(access, input.service), timeoutMs, signal, (why) => ({
          ok: false,
          fault: { kind: why === 'cancelled' ? 'cancelled' : 'timeout', message: `reading for "${check.title}" ${why}` },
        })),
      );
    }
    reads.set(check.id, perCluster);
  }

  const snapshot = await input.snapshot;
  const outcomes = new Map<CheckId, Outcome[]>();
  const ctxInput = {
    service: input.service,
    members: input.members,
    snapshot,
    ...(input.clusterSet ? { clusterSet: input.clusterSet } : {}),
    ...(input.implementation ? { implementation: input.implementation } : {}),
    ...(input.prober ? { prober: input.prober } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  const ctx = buildContext(ctxInput, outcomes);
  const results: CheckResult[] = [];

  for (const [order, check] of checks.entries()) {
    const c0 = Date.now();
    let own: Outcome[];
    if (signal?.aborted) {
      own = [{ cluster: null, status: 'skip', detail: 'cancelled before this check ran' }];
    } else {
      const settled = new Map<string, Result<unknown>>();
      for (const [cluster, p] of reads.get(check.id) ?? []) settled.set(cluster, await p);
      own = await bounded(
        Promise.resolve().then(() => check.run(ctx, (cluster) => settled.get(cluster))),
        timeoutMs,
        signal,
        (why) => [{ cluster: null, status: 'skip', detail: `this check ${why}; the others went on` }],
      );
      if (own.length === 0) own = [{ cluster: null, status: 'pass', detail: 'nothing to check' }];
    }
    const final = own.map((o): Outcome => {
      const why = blockedBy(check, o, outcomes, titles);
      return why ? { cluster: o.cluster, status: 'skip', detail: `skipped: ${why}` } : o;
    });
    outcomes.set(check.id, final);
    const durationMs = Date.now() - c0;
    for (const o of final) results.push({ ...o, id: check.id, title: check.title, order, durationMs });
    const worst = final.reduce((w, o) => (RANK[o.status] > RANK[w] ? o.status : w), 'pass' as CheckResult['status']);
    options.onProgress?.({ check: check.id, title: check.title, index: order, total: checks.length, status: worst });
  }

  const impl = resolveImplementation(ctxInput);
  const causes = aggregateCauses(results, impl);
  return {
    service: serviceRef,
    implementation: impl,
    healthy: !signal?.aborted && causes.length === 0 && !results.some((r) => r.status === 'fail'),
    clusters: input.members.map((m) => ({
      name: m.name,
      context: m.context,
      exporter: ctx.exporters.includes(m.name),
      consumer: ctx.consumers.includes(m.name),
    })),
    checks: results,
    causes,
    probe: !!input.prober,
    cancelled: !!signal?.aborted,
    startedAt,
    durationMs: Date.now() - t0,
  };
}

/** A report for a run that could not start at all (bad kubeconfig, no members): one skipped line. */
export function emptyReport(service: ServiceKey, why: string): RunbookReport {
  return {
    service: `${service.namespace}/${service.name}`,
    implementation: 'generic',
    healthy: false,
    clusters: [],
    checks: [{ id: 'reach', title: 'Reach every cluster', order: 0, durationMs: 0, cluster: null, status: 'skip', detail: why }],
    causes: [],
    probe: false,
    cancelled: false,
    startedAt: new Date().toISOString(),
    durationMs: 0,
  };
}
