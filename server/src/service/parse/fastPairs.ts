// The pairs of a map for the fast path (fastTree.ts, fastScalars.ts), kept as buildTree keeps them.
import type { YPair, YScalar } from './yamlTree';

/** Past this many pairs a map's keys are looked up by hash, not by scan (a 20,000-key ConfigMap stays linear). */
const SCAN_LIMIT = 8;

/**
 * The pairs of one map, built as buildTree builds them: a key with the same text as an earlier one is refused
 * (`yaml` reports DUPLICATE_KEY), and a later key with the same resolved value (`yes` and `true`, `1` and `01`)
 * replaces the earlier pair in place, as go-yaml v2 does.
 */
export class PairList {
  readonly pairs: YPair[] = [];
  private readonly raws: string[] = [];
  private rawSet: Set<string> | undefined;
  private byKey: Map<string, number> | undefined;

  constructor(private readonly checkOnly: boolean) {}

  /** False when a key of this text came before. */
  addRaw(raw: string): boolean {
    if (this.rawSet) {
      if (this.rawSet.has(raw)) return false;
      this.rawSet.add(raw);
      return true;
    }
    if (this.raws.includes(raw)) return false;
    this.raws.push(raw);
    if (this.raws.length > SCAN_LIMIT) this.rawSet = new Set(this.raws);
    return true;
  }

  put(pair: YPair): void {
    const pairs = this.pairs;
    const v = (pair.key as YScalar).value;
    if (this.checkOnly || v === null) {
      pairs.push(pair);
      return;
    }
    const k = typeof v === 'string' ? v : String(v);
    if (this.byKey) {
      const at = this.byKey.get(k);
      if (at !== undefined) pairs[at] = pair;
      else {
        this.byKey.set(k, pairs.length);
        pairs.push(pair);
      }
      return;
    }
    for (let i = 0; i < pairs.length; i++) {
      const o = (pairs[i].key as YScalar).value;
      if (o !== null && (typeof o === 'string' ? o : String(o)) === k) {
        pairs[i] = pair;
        return;
      }
    }
    pairs.push(pair);
    if (pairs.length > SCAN_LIMIT) {
      this.byKey = new Map();
      pairs.forEach((p, i) => {
        const o = (p.key as YScalar).value;
        if (o !== null) this.byKey?.set(typeof o === 'string' ? o : String(o), i);
      });
    }
  }
}
