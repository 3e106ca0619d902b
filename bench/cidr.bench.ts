// Issue 5 benchmark: a ClusterSet of 10,000 clusters (20,000 ranges, plus a few deliberate overlaps).
// Prints the `yaml` parse alone, our parse (yaml + tree conversion), the full lint through the language
// service, CIDR parsing, the sort-and-sweep overlap check alone and a naive pairwise check, with ratios.
// Times are CPU milliseconds of this process (median of the runs), not wall time.
// Run: npx tsx bench/cidr.bench.ts [clusters]   (bench/run.ts calls runCidrBench()).
import { parseDocument } from 'yaml';
import { parseCidr, type Cidr } from '../server/src/service/public';
import { findOverlaps, findOverlapsNaive } from '../server/src/service/public';
import { createLanguageService } from '../server/src/service/public';
import { parseDocumentText } from '../server/src/service/public';

export interface CidrBenchResult {
  clusters: number;
  ranges: number;
  fileBytes: number;
  yamlParseMs: number;
  ourParseMs: number;
  fullLintMs: number;
  cidrParseMs: number;
  overlapMs: number;
  naiveMs: number;
  overlapPairs: number;
  diagnostics: number;
}

/** Cluster i: pods in 10.0.0.0/8 and Services in 100.64.0.0/10, one /24 each; every 2,000th cluster reuses cluster 0's pod range. */
export function clusterSetText(clusters: number): string {
  const out = [
    'apiVersion: clusterset.dev/v1alpha1',
    'kind: ClusterSet',
    'metadata:',
    '  name: bench',
    'spec:',
    '  implementation: cilium',
    '  clusters:',
  ];
  for (let i = 0; i < clusters; i++) {
    const pod = i > 0 && i % 2000 === 0 ? '10.0.0.0/24' : `10.${i >> 8}.${i & 255}.0/24`;
    out.push(
      `  - name: cluster-${i}`,
      `    region: region-${i % 7}`,
      `    podCIDRs: [${pod}]`,
      `    serviceCIDRs: [100.${64 + (i >> 8)}.${i & 255}.0/24]`,
    );
  }
  return out.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** CPU time of this process in ms: steadier than wall time on the shared 2-core machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median CPU time of `runs` runs after one warm-up run. */
function time<T>(runs: number, f: () => T): { ms: number; value: T } {
  let value = f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = cpuMs();
    value = f();
    times.push(cpuMs() - t);
  }
  return { ms: median(times), value };
}

export function runCidrBench(options: { clusters?: number; runs?: number } = {}): CidrBenchResult {
  const clusters = options.clusters ?? 10_000;
  const runs = options.runs ?? 5;
  const text = clusterSetText(clusters);
  const yamlParse = time(runs, () =>
    parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, strict: true }),
  );
  const ourParse = time(runs, () => parseDocumentText(text));
  // A fresh service per run: nothing cached between runs, as when the file is first opened.
  const lint = time(runs, () => {
    const service = createLanguageService({ settings: { validationTimeBudgetMs: 60_000 } });
    service.setFile('file:///bench/clusterset.yaml', text, 1);
    return service.validate('file:///bench/clusterset.yaml');
  });
  const texts: string[] = [];
  for (const m of text.matchAll(/CIDRs: \[([^\]]+)\]/g)) texts.push(m[1]);
  const parsed = time(runs, () => texts.map((t) => parseCidr(t)));
  const ranges = parsed.value.flatMap((r) => (r.ok ? [r.cidr] : ([] as Cidr[])));
  const overlap = time(runs, () => findOverlaps(ranges));
  const naive = time(Math.min(runs, 3), () => findOverlapsNaive(ranges));
  if (naive.value.length !== overlap.value.pairs.length)
    throw new Error(`sweep found ${overlap.value.pairs.length} pairs, naive ${naive.value.length}`);
  return {
    clusters,
    ranges: ranges.length,
    fileBytes: text.length,
    yamlParseMs: yamlParse.ms,
    ourParseMs: ourParse.ms,
    fullLintMs: lint.ms,
    cidrParseMs: parsed.ms,
    overlapMs: overlap.ms,
    naiveMs: naive.ms,
    overlapPairs: overlap.value.pairs.length,
    diagnostics: lint.value.diagnostics.length,
  };
}

export function formatCidrBench(r: CidrBenchResult): string {
  const ms = (x: number): string => `${x.toFixed(1)} ms`;
  return [
    `ClusterSet: ${r.clusters.toLocaleString('en-US')} clusters, ${r.ranges.toLocaleString('en-US')} ranges, ${(r.fileBytes / 1048576).toFixed(2)} MiB, ${r.overlapPairs} overlapping pairs, ${r.diagnostics} diagnostics`,
    `yaml parseDocument alone     ${ms(r.yamlParseMs)}   (CPU time, median)`,
    `our parse (yaml + tree)      ${ms(r.ourParseMs)}   ${(r.ourParseMs / r.yamlParseMs).toFixed(2)}x yaml`,
    `full lint (language service) ${ms(r.fullLintMs)}   ${(r.fullLintMs / r.yamlParseMs).toFixed(2)}x yaml (target <= 1.3x)`,
    `CIDR parse (${r.ranges} ranges)  ${ms(r.cidrParseMs)}`,
    `overlap sweep alone          ${ms(r.overlapMs)}   (target < 20 ms)`,
    `naive pairwise               ${ms(r.naiveMs)}   ${(r.naiveMs / r.overlapMs).toFixed(0)}x the sweep`,
  ].join('\n');
}

if (require.main === module) {
  const clusters = Number(process.argv[2] ?? 10_000);
  console.log(formatCidrBench(runCidrBench({ clusters })));
}
