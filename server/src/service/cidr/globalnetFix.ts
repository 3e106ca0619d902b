// "Switch to Globalnet" (Submariner): one multi-edit action that sets `spec.overlap.mode: globalnet` and
// gives every cluster without a `globalCIDR` a free slice of the Globalnet pool that collides with no
// global, pod or service range of any cluster. Slices are /16 (Submariner's default cluster size of
// 65536 addresses) when the pool has room, smaller otherwise.
import { asMap, nodeAt } from '../parse/path';
import type { FixEdit, QuickFix, RuleContext } from '../rules/rule';
import type { ClusterSetAnalysis } from './analysis';
import { formatCidr, type Cidr } from './cidr';
import { OccupiedSpace } from './freeRange';
import { globalnetPoolOf } from './policy';
import { insertPairEdit } from './yamlEdits';

const DEFAULT_SLICE_PREFIX = 16;

export function switchToGlobalnetFix(ctx: RuleContext, analysis: ClusterSetAnalysis): QuickFix | undefined {
  const root = ctx.doc.root;
  const spec = asMap(nodeAt(root, ['spec']));
  if (!spec) return undefined;
  const edits: FixEdit[] = [];
  const overlap = asMap(nodeAt(root, ['spec', 'overlap']));
  if (analysis.model.overlapMode) edits.push({ op: 'replaceValue', path: analysis.model.overlapMode.path, text: 'globalnet' });
  else {
    const e = overlap
      ? insertPairEdit(ctx.doc.text, overlap, 'mode', 'globalnet')
      : insertPairEdit(ctx.doc.text, spec, 'overlap', [['mode', 'globalnet']]);
    if (!e) return undefined;
    edits.push(e);
  }
  const pool = globalnetPoolOf(analysis.model);
  const missing = analysis.model.clusters.filter((c) => !c.globalCIDR);
  const slices = allocateSlices(
    pool,
    missing.length,
    analysis.ranges.map((r) => r.cidr),
  );
  if (!slices) return undefined;
  missing.forEach((c, i) => {
    const e = insertPairEdit(ctx.doc.text, c.node, 'globalCIDR', formatCidr(slices[i]));
    if (e) edits.push(e);
  });
  return {
    title: `Switch to Globalnet (overlap.mode: globalnet, a globalCIDR from ${formatCidr(pool)} for ${missing.length} cluster${missing.length === 1 ? '' : 's'})`,
    edits,
  };
}

/** `count` non-colliding slices of `pool`, /16 when they fit, else the largest size that fits. */
export function allocateSlices(pool: Cidr, count: number, taken: readonly Cidr[]): Cidr[] | undefined {
  if (count === 0) return [];
  const bits = pool.family === 4 ? 32 : 128;
  for (let prefix = Math.max(DEFAULT_SLICE_PREFIX, pool.prefix); prefix <= bits - 2; prefix++) {
    const got = new OccupiedSpace(pool.family, taken).allocate(pool, prefix, count);
    if (got) return got;
  }
  return undefined;
}
