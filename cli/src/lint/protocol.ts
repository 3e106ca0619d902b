// Messages between `clusterset lint` and its validation worker (validateWorker.ts). The worker loads the
// workspace itself, so only the lint options go in and only plain diagnostics come back.
import type { LoadOptions } from './load';
import type { PieceResult } from './shares';

export interface WorkerSetup {
  paths: string[];
  load: LoadOptions;
  /** This worker's share (1…) of `shares` (share 0 is the main thread's). */
  share: number;
  shares: number;
  /** Share 0's part of the cost (see splitShares). */
  firstShare: number;
  /** Fewer documents of interest than this: the main thread validates alone, so the worker stops after loading. */
  minDocuments: number;
}

export type ToMain =
  | { kind: 'result'; digest: string; results: PieceResult[]; times: WorkerTimes }
  | { kind: 'declined'; digest: string }
  | { kind: 'failed'; error: string };

/** When the worker was loaded, had read and parsed the workspace, and had validated its share (ms, epoch). */
export interface WorkerTimes {
  started: number;
  loaded: number;
  validated: number;
}
