// Everything the CIDR rules need from one ClusterSet document, computed once per parsed document and
// shared by MCS701–MCS714 (settings-independent; rules apply the settings): the model, every range
// parsed, and every overlapping pair sorted into the rule that reports it.
import { readClusterSet, type CidrField, type ClusterSetModel } from '../model/clusterSet';
import type { ParsedDocument } from '../parse/parsedDocument';
import { parseCidr, type Cidr } from './cidr';
import { mustParse, OccupiedSpace } from './freeRange';
import { findOverlaps, findOverlapsCapped } from './overlap';

export interface ParsedRange {
  field: CidrField;
  cidr: Cidr;
}

export type OverlapRuleId = 'MCS703' | 'MCS704' | 'MCS705' | 'MCS706';

export interface ClusterSetAnalysis {
  model: ClusterSetModel;
  /** Ranges that parsed (index = range id used by `partners`). */
  ranges: ParsedRange[];
  invalid: Array<{ field: CidrField; reason: string }>;
  /** For each rule: range id → ids of the ranges it overlaps, in sweep order. */
  partners: Record<OverlapRuleId, Map<number, number[]>>;
  /**
   * Set when there were more than MAX_PAIRS overlapping pairs (thousands of identical ranges): then
   * `partners` holds a sample (nearest containing and first contained ranges) and this the exact count.
   */
  totals?: Uint32Array;
  /** Occupied space per family, built on first use (quick fixes only). */
  occupied(family: 4 | 6): OccupiedSpace;
}

/** Beyond this many overlapping pairs the file is hopeless and more diagnostics would not help. */
export const MAX_PAIRS = 200_000;
/** Partners sampled per range beyond MAX_PAIRS (nearest containing + first contained ranges, each). */
export const SAMPLE_PER_RANGE = 8;
export const DEFAULT_GLOBALNET_CIDR = '242.0.0.0/8';
export const GLOBALNET_DEFAULT_POOL: Cidr = mustParse(DEFAULT_GLOBALNET_CIDR);

const cache = new WeakMap<ParsedDocument, ClusterSetAnalysis>();

export function analyzeClusterSet(doc: ParsedDocument): ClusterSetAnalysis {
  const hit = cache.get(doc);
  if (hit) return hit;
  const model = readClusterSet(doc.root);
  const ranges: ParsedRange[] = [];
  const invalid: ClusterSetAnalysis['invalid'] = [];
  for (const cluster of model.clusters) {
    for (const field of cluster.cidrs) {
      const r = parseCidr(field.text);
      if (r.ok) ranges.push({ field, cidr: r.cidr });
      else invalid.push({ field, reason: r.reason });
    }
  }
  const cidrs = ranges.map((r) => r.cidr);
  const sweep = findOverlaps(cidrs, { maxPairs: MAX_PAIRS });
  const partners: ClusterSetAnalysis['partners'] = { MCS703: new Map(), MCS704: new Map(), MCS705: new Map(), MCS706: new Map() };
  let totals: Uint32Array | undefined;
  if (!sweep.truncated) {
    for (const { outer, inner } of sweep.pairs) {
      const map = partners[ruleForPair(ranges[outer].field, ranges[inner].field)];
      addPartner(map, outer, inner);
      addPartner(map, inner, outer);
    }
  } else {
    const capped = findOverlapsCapped(cidrs, SAMPLE_PER_RANGE);
    totals = capped.totals;
    capped.partners.forEach((list, i) => {
      for (const j of list) addPartner(partners[ruleForPair(ranges[i].field, ranges[j].field)], i, j);
    });
  }
  const spaces = new Map<number, OccupiedSpace>();
  const analysis: ClusterSetAnalysis = {
    model,
    ranges,
    invalid,
    partners,
    totals,
    occupied(family) {
      let s = spaces.get(family);
      if (!s) spaces.set(family, (s = new OccupiedSpace(family, cidrs)));
      return s;
    },
  };
  cache.set(doc, analysis);
  return analysis;
}

function addPartner(map: Map<number, number[]>, a: number, b: number): void {
  const list = map.get(a);
  if (list) list.push(b);
  else map.set(a, [b]);
}

/** Which rule reports an overlap between two ranges. */
export function ruleForPair(a: CidrField, b: CidrField): OverlapRuleId {
  if (a.role === 'globalCIDR' || b.role === 'globalCIDR') return 'MCS706';
  if (a.clusterIndex === b.clusterIndex) return 'MCS705';
  if (a.role === 'podCIDRs' && b.role === 'podCIDRs') return 'MCS703';
  return 'MCS704';
}
