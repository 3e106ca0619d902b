// Messages between `clusterset lint` and its parse workers (parseWorker.ts). Parsed documents are plain data
// and cross by structured clone; their texts stay on the main thread, which has them.
import type { LanguageServiceOptions, ParsedDocument } from '../../../server/src/service/public';

/** claims[i]: 0 unclaimed, else the thread that parses unit i. */
export const CLAIM_WORKER = 1;
export const CLAIM_MAIN = 2;

export interface WorkerSetup {
  /** Int32Array [next unit a worker may claim]. */
  control: SharedArrayBuffer;
  /** Int32Array, one slot per unit id (its capacity bounds the units shared; the rest the main thread parses). */
  claims: SharedArrayBuffer;
  /** The parse options of the main thread's service (besides `syntaxErrors: 'all'`). */
  serviceOptions: Partial<LanguageServiceOptions>;
}

export type ToWorker = { kind: 'units'; units: Array<{ uri: string; text: string }> } | { kind: 'end' };

export interface ParsedUnit {
  id: number;
  /** The unit's documents in order, List items inside their list; `text` emptied on the way (see offsets). */
  docs: ParsedDocument[];
  /** Offset of each document's text in the unit's text. */
  offsets: number[];
}

export type ToMain = { kind: 'parsed'; units: ParsedUnit[] } | { kind: 'done' };
