// How many threads `clusterset lint` uses without --jobs: the cores that are free. A parse worker only pays when
// it gets a core of its own: the main thread waits for its documents, so a worker that shares a busy core
// makes the lint slower, not faster (measured: docs/lint-performance.md, --jobs 2 vs 1 at load 9–13 on 2 cores).

/** At most this many threads by default: each worker is a V8 heap of its own (tens of MiB). */
export const MAX_DEFAULT_JOBS = 4;

/**
 * Threads for `cores` cores at a one-minute load average of `load` (os.loadavg()[0]; 0 where the platform has
 * none, as on Windows): the cores not already busy, rounded up, between 1 and MAX_DEFAULT_JOBS.
 */
export function defaultJobs(cores: number, load: number): number {
  const free = Math.ceil(cores - load - 1e-9);
  return Math.max(1, Math.min(MAX_DEFAULT_JOBS, cores, free));
}
