// Check 1: CIDR sanity first. The ClusterSet file's ranges and the live ranges (CIDR discovery, read-only)
// of every member, checked for overlaps across clusters with the language service's sweep. Globalnet
// translates overlapping pod/service ranges, so there only the global slices must be disjoint; Cilium
// routes to remote pods, not remote ClusterIPs, so overlapping service ranges are a warning there.
import type { ClusterCidrReport } from '../../cidrs';
import { findOverlaps, overlaps, parseCidr, type Cidr } from '../../../../server/src/service/public';
import { defineCheck, type Evidence, type Outcome } from '../check';
import { fail, kubectl, pass, warn } from './util';

type Kind = 'pod' | 'service' | 'global';

interface Range {
  cluster: string;
  kind: Kind;
  text: string;
  cidr: Cidr;
  from: string;
}

function collect(
  clusters: string[],
  fromFile: (c: string) => Array<{ kind: Kind; text: string; field: string }>,
  live: (c: string) => ClusterCidrReport | undefined,
): Range[] {
  const out: Range[] = [];
  const seen = new Set<string>();
  const add = (cluster: string, kind: Kind, text: string, from: string) => {
    const p = parseCidr(text);
    const key = `${cluster} ${kind} ${text}`;
    if (!p.ok || seen.has(key)) return;
    seen.add(key);
    out.push({ cluster, kind, text, cidr: p.cidr, from });
  };
  for (const c of clusters) {
    for (const f of fromFile(c)) add(c, f.kind, f.text, `ClusterSet file ${f.field}`);
    const r = live(c);
    if (!r?.ok) continue;
    const fromOf = (kind: Kind, cidr: string) =>
      r.ranges.find((g) => g.kind === kind && g.cidr === cidr && g.chosen)?.from ?? 'live discovery';
    for (const t of r.podCIDRs) add(c, 'pod', t, fromOf('pod', t));
    for (const t of r.serviceCIDRs) add(c, 'service', t, fromOf('service', t));
    for (const t of r.globalCIDRs) add(c, 'global', t, fromOf('global', t));
  }
  return out;
}

export const cidrs = defineCheck<ClusterCidrReport>({
  id: 'cidrs',
  title: 'Pod and Service CIDRs do not overlap',
  scope: 'each',
  needs: [],
  async read(a) {
    return { ok: true, value: await a.discoverCidrs() };
  },
  run(ctx, reads) {
    const names = ctx.members.map((m) => m.name);
    const file = ctx.clusterSet;
    const fromFile = (c: string) => {
      const i = file?.clusters.findIndex((x) => x.name === c) ?? -1;
      const e = i >= 0 ? file?.clusters[i] : undefined;
      if (!e) return [];
      return [
        ...e.podCIDRs.map((text, j) => ({ kind: 'pod' as const, text, field: `spec.clusters[${i}].podCIDRs[${j}]` })),
        ...e.serviceCIDRs.map((text, j) => ({ kind: 'service' as const, text, field: `spec.clusters[${i}].serviceCIDRs[${j}]` })),
        ...(e.globalCIDR ? [{ kind: 'global' as const, text: e.globalCIDR, field: `spec.clusters[${i}].globalCIDR` }] : []),
      ];
    };
    const live = (c: string) => {
      const r = reads(c);
      return r?.ok ? r.value : undefined;
    };
    const ranges = collect(names, fromFile, live);
    const globalnet = file?.overlapMode === 'globalnet' || ranges.some((r) => r.kind === 'global');
    const problems = new Map<string, { fatal: string[]; soft: string[]; evidence: Evidence[] }>();
    const note = (r: Range, fatal: boolean, text: string, other: Range) => {
      const p = problems.get(r.cluster) ?? { fatal: [], soft: [], evidence: [] };
      (fatal ? p.fatal : p.soft).push(text);
      p.evidence.push(
        { cluster: r.cluster, object: r.from, excerpt: r.text },
        { cluster: other.cluster, object: other.from, excerpt: other.text },
      );
      problems.set(r.cluster, p);
    };
    for (const { outer, inner } of findOverlaps(ranges.map((r) => r.cidr)).pairs) {
      const a = ranges[outer];
      const b = ranges[inner];
      if (!a || !b || (a.cluster === b.cluster && a.kind === b.kind)) continue;
      const globalPair = a.kind === 'global' || b.kind === 'global';
      const bothServices = a.kind === 'service' && b.kind === 'service';
      const fatal = globalPair || (!globalnet && !(ctx.implementation === 'cilium' && bothServices));
      const why = globalPair
        ? 'Globalnet slices must be disjoint from each other and from every pod/service range'
        : globalnet
          ? 'Globalnet translates this overlap'
          : bothServices && ctx.implementation === 'cilium'
            ? 'Cilium routes to remote pods, not remote ClusterIPs, so this is usually harmless'
            : 'traffic to these addresses cannot tell the clusters apart';
      const text = (x: Range, y: Range) =>
        `${x.kind} range ${x.text} of ${x.cluster} overlaps ${y.kind} range ${y.text} of ${y.cluster} (${why})`;
      note(a, fatal, text(a, b), b);
      if (b.cluster !== a.cluster) note(b, fatal, text(b, a), a);
    }
    return names.map((c): Outcome => {
      const p = problems.get(c);
      const mine = ranges.filter((r) => r.cluster === c);
      const commands = [
        kubectl(ctx, c, 'get servicecidrs -o wide'),
        kubectl(ctx, c, 'get nodes -o custom-columns=NAME:.metadata.name,PODCIDRS:.spec.podCIDRs'),
      ];
      if (p?.fatal.length)
        return fail(c, 'cidr-overlap', p.fatal.join('; '), {
          evidence: p.evidence,
          commands: [...commands, 'clusterset cidr --format text'],
        });
      if (p?.soft.length) return warn(c, p.soft.join('; '), { evidence: p.evidence });
      const disagree = liveDisagreesWithFile(fromFile(c), live(c));
      if (disagree) return warn(c, disagree, { commands });
      if (mine.length === 0)
        return warn(
          c,
          `no Pod or Service range of ${c} is known (none in the ClusterSet file, none readable live); overlaps cannot be ruled out`,
          {
            commands,
          },
        );
      return pass(c, `${mine.map((r) => `${r.kind} ${r.text}`).join(', ')} overlap no other cluster's ranges`);
    });
  },
});

/** A warning when the live ranges of a kind share no address with the file's ranges of that kind. */
function liveDisagreesWithFile(
  fileRanges: Array<{ kind: Kind; text: string; field: string }>,
  live: ClusterCidrReport | undefined,
): string | undefined {
  if (!live?.ok || fileRanges.length === 0) return undefined;
  const parsed = (texts: string[]) =>
    texts.flatMap((t) => {
      const p = parseCidr(t);
      return p.ok ? [p.cidr] : [];
    });
  for (const kind of ['pod', 'service'] as const) {
    const written = fileRanges.filter((f) => f.kind === kind).map((f) => f.text);
    const used = kind === 'pod' ? live.podCIDRs : live.serviceCIDRs;
    const inFile = parsed(written);
    const seen = parsed(used);
    if (!inFile.length || !seen.length) continue;
    if (seen.some((s) => !inFile.some((f) => overlaps(f, s))))
      return `the ClusterSet file's ${kind} ranges (${written.join(', ')}) do not match what the cluster uses (${used.join(', ')}): update the file (Clusterset: Discover CIDRs from Clusters)`;
  }
  return undefined;
}
