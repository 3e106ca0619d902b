// Hover on a CIDR value of a ClusterSet file: first and last address, size, family, and the nearest
// ranges of other clusters (below, above, and any that overlap), so a platform engineer can see the
// neighbourhood before picking a range.
import type { Hover } from 'vscode-languageserver-types';
import type { ValueHoverContext } from '../hoverProviders';
import { clusterAt, clusterLabel } from '../model/clusterSet';
import type { NodePath } from '../parse/path';
import { analyzeClusterSet, type ParsedRange } from './analysis';
import { compareWords, formatAddress, formatCidr, overlaps, parseCidr, sizeText, wordsToBigInt, type Cidr } from './cidr';
import { describeRange } from './overlapFindings';

const NEIGHBOURS_EACH_SIDE = 2;

/** Is `path` a CIDR value of the ClusterSet format? */
export function isCidrPath(path: NodePath): boolean {
  const last = path[path.length - 1];
  const key = typeof last === 'number' ? path[path.length - 2] : last;
  if (path[0] !== 'spec') return false;
  if (path[1] === 'clusters') return key === 'podCIDRs' || key === 'serviceCIDRs' || key === 'globalCIDR';
  return key === 'globalnetCIDR' || key === 'ipv4NativeRoutingCIDR' || key === 'ipv6NativeRoutingCIDR';
}

function samePath(a: NodePath, b: NodePath): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function gapText(a: Cidr, b: Cidr): string {
  // Addresses strictly between the end of the lower range and the start of the higher one.
  const [lo, hi] = compareWords(a.start, b.start) < 0 ? [a, b] : [b, a];
  const gap = wordsToBigInt(hi.start) - wordsToBigInt(lo.end) - 1n;
  return gap === 0n ? 'adjacent' : `${gap.toLocaleString('en-US')} addresses apart`;
}

export function cidrHover(ctx: ValueHoverContext): Hover | null {
  if (ctx.placed.doc.kind !== 'ClusterSet' || ctx.node.type !== 'scalar' || ctx.node.value === null || !isCidrPath(ctx.path))
    return null;
  const text = String(ctx.node.value);
  const parsed = parseCidr(text);
  if (!parsed.ok) return null;
  const c = parsed.cidr;
  const lines = [
    `**${formatCidr(c)}** — IPv${c.family}${c.hostBits ? ` (written with host bits: ${text.trim()})` : ''}`,
    '',
    `- first address: \`${formatAddress(c.family, c.start)}\``,
    `- last address: \`${formatAddress(c.family, c.end)}\``,
    `- size: ${sizeText(c)} addresses`,
  ];
  const analysis = analyzeClusterSet(ctx.placed.doc);
  const self = analysis.ranges.find((r) => samePath(r.field.path, ctx.path));
  const others = analysis.ranges.filter(
    (r) => r.cidr.family === c.family && (!self || r.field.clusterIndex !== self.field.clusterIndex),
  );
  const overlapping = others.filter((r) => overlaps(r.cidr, c));
  const below = others
    .filter((r) => compareWords(r.cidr.end, c.start) < 0)
    .sort((x, y) => compareWords(y.cidr.end, x.cidr.end))
    .slice(0, NEIGHBOURS_EACH_SIDE);
  const above = others
    .filter((r) => compareWords(r.cidr.start, c.end) > 0)
    .sort((x, y) => compareWords(x.cidr.start, y.cidr.start))
    .slice(0, NEIGHBOURS_EACH_SIDE);
  const item = (r: ParsedRange, note: string): string => `  - ${describeRange(r, analysis.model)} — ${note}`;
  if (overlapping.length || below.length || above.length) {
    lines.push(`- nearest ranges of other clusters:`);
    for (const r of overlapping.slice(0, 5)) lines.push(item(r, '**overlaps**'));
    for (const r of below) lines.push(item(r, `below, ${gapText(r.cidr, c)}`));
    for (const r of above) lines.push(item(r, `above, ${gapText(r.cidr, c)}`));
  }
  if (self)
    lines.push('', `Cluster: ${clusterLabel(clusterAt(analysis.model, self.field.clusterIndex), self.field.clusterIndex)}`);
  const at = (o: number) => ctx.file.lines.positionAt(ctx.placed.offset + o);
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: { start: at(ctx.node.start), end: at(ctx.node.end) } };
}
