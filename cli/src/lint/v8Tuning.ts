// A `clusterset lint` run lasts well under a second, and most of it runs code V8 has not optimised yet: TurboFan
// compiles on the other core for about as long as the lint itself runs (~350 ms of CPU on the bench folder, nearly
// all of the process's CPU off the main thread: docs/lint-performance.md, session 7). Smaller inlining budgets make
// each of those compiles cheaper, so the optimised code arrives sooner and the second core is free sooner for the
// reader thread. Measured on V8 11.3 (Node 20) only: other versions keep V8's defaults.
import { setFlagsFromString } from 'node:v8';

/** The flags, and the V8 major versions they were measured on (V8 prints an error for a flag it does not know). */
export const ONE_SHOT_V8_FLAGS = ['--max-inlined-bytecode-size=60', '--max-inlined-bytecode-size-cumulative=150'];
const MEASURED_V8_MAJORS = new Set([11]);

/** Sets the flags for this process (and its worker threads) when this V8 is one they were measured on. */
export function tuneV8ForOneShotLint(v8Version = process.versions.v8, set = setFlagsFromString): boolean {
  if (!MEASURED_V8_MAJORS.has(Number(v8Version.split('.')[0]))) return false;
  for (const flag of ONE_SHOT_V8_FLAGS) set(flag);
  return true;
}
