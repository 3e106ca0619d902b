// Where `clusterset lint` spends its time (issue 13): CPU profiles of the unminified CLI (`node --cpu-prof
// dist/cli.js lint … --format json`), each sample charged to the phase of the innermost phase function on its
// stack (file I/O, YAML parse, tree building, cross-file index, rules, output …), plus the wall time of a bare
// `node -e 0` and of `lint --help` (process start and module load), and in-process first vs second run of the
// same lint (what JIT warm-up costs). Prints a markdown table for bench/README.md; asserts nothing.
//
//   node scripts/build.mjs && npx tsx bench/lintBreakdown.ts [folder]   # default: the bench folder, generated
//
// The build must be the development one (unminified: the phases are found by function name and source file).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateMcsFile } from './generate';

const RUNS = Number(process.env.BREAKDOWN_RUNS ?? 5);
const DIST = resolve(__dirname, '../dist');
const CLI_JS = join(DIST, 'cli.js');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Phase markers, by function name (and source file when the name is common), innermost on the stack wins. */
const MARKERS: Array<{ phase: string; fn: string; file?: RegExp }> = [
  { phase: 'output', fn: 'formatJson' },
  { phase: 'output', fn: 'formatSarif' },
  { phase: 'output', fn: 'formatText' },
  { phase: 'output', fn: 'capPerFile' },
  { phase: 'rules, cross-file reads', fn: 'track', file: /workspaceIndex\.ts$/ },
  { phase: 'rules', fn: 'runRules' },
  { phase: 'findings → diagnostics', fn: 'validateFile' },
  { phase: 'cross-file index', fn: 'indexFile', file: /languageService\.ts$/ },
  { phase: 'tree building', fn: 'buildTree' },
  { phase: 'YAML parse', fn: 'parseFile', file: /parsedFile\.ts$/ },
  { phase: 'file I/O', fn: 'readWorkspaceFile' },
  { phase: 'file I/O', fn: 'walkWorkspace' },
  { phase: 'module load', fn: 'requireWithCodeCache' },
];

/** Line → source file of an esbuild bundle (its `// path` comments). */
function sourceMap(bundle: string): (line: number) => string {
  const starts: number[] = [];
  const names: string[] = [];
  readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      const m = /^\/\/ (\S+\.(?:ts|js|mjs|cjs|json))$/.exec(l);
      if (m) {
        starts.push(i);
        names.push(m[1]);
      }
    });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 ? names[found] : '';
  };
}

function phasesOf(profile: Profile, sourceOf: (url: string, line: number) => string): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOfNode = new Map<number, string>();
  const phaseOf = (id: number): string => {
    const known = phaseOfNode.get(id);
    if (known) return known;
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    let phase: string | undefined;
    if (functionName === '(garbage collector)') phase = 'GC';
    else if (functionName === '(program)' || functionName === '(idle)') phase = 'V8/Node internals';
    else {
      const file = sourceOf(url, lineNumber);
      phase = MARKERS.find((m) => m.fn === functionName && (!m.file || m.file.test(file)))?.phase;
      if (!phase) {
        const up = parent.get(id);
        const above = up === undefined ? undefined : phaseOf(up);
        if (above && above !== 'other') phase = above;
        // Code that runs while a bundle is evaluated or compiled (no phase function above it).
        else if (/wrapSafe|compileFunction|compileForInternalLoader|loadBuiltinModule/.test(functionName)) phase = 'module load';
        else if (functionName === '' && lineNumber === 0 && /\/dist\/cli/.test(url)) phase = 'module load';
        else phase = above ?? 'other';
      }
    }
    phaseOfNode.set(id, phase);
    return phase;
  };
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const p = phaseOf(id);
    out.set(p, (out.get(p) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function wallMs(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env, maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return performance.now() - t;
}

function main(): void {
  // (Before issue 13 the whole CLI was one dist/cli.js.)
  const lintBundle = [join(DIST, 'cli-lint.js'), CLI_JS].find((f) => existsSync(f)) ?? CLI_JS;
  if (!readFileSync(lintBundle, 'utf8').includes('// server/src/service/validate.ts'))
    throw new Error(`${lintBundle} is minified: run \`node scripts/build.mjs\` (not --production) first`);
  let folder = process.argv[2];
  let made: string | undefined;
  if (!folder) {
    made = mkdtempSync(join(tmpdir(), 'clusterset-breakdown-'));
    for (const size of [1000, 50000]) {
      mkdirSync(join(made, 'clusters', `c${size}`), { recursive: true });
      writeFileSync(join(made, 'clusters', `c${size}`, `mcs-${size}.yaml`), generateMcsFile(size).text);
    }
    folder = join(made, 'clusters');
  }
  try {
    const bundles = new Map<string, (line: number) => string>();
    const sourceOf = (url: string, line: number): string => {
      if (!url.includes('/dist/cli')) return url;
      let map = bundles.get(url);
      if (!map) bundles.set(url, (map = sourceMap(new URL(url).pathname)));
      return map(line);
    };
    const lintArgs = [CLI_JS, 'lint', folder, '--format', 'json'];
    wallMs(lintArgs); // writes the code cache, as any first run does
    const totals = new Map<string, number[]>();
    const walls: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'clusterset-prof-'));
      try {
        walls.push(wallMs(['--cpu-prof', '--cpu-prof-dir', dir, ...lintArgs]));
        const [file] = readdirSync(dir);
        const phases = phasesOf(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, sourceOf);
        let sum = 0;
        for (const [p, ms] of phases) {
          sum += ms;
          totals.set(p, [...(totals.get(p) ?? []), ms]);
        }
        totals.set('profiled total', [...(totals.get('profiled total') ?? []), sum]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const bare = median(Array.from({ length: RUNS }, () => wallMs(['-e', '0'])));
    const help = median(Array.from({ length: RUNS }, () => wallMs([CLI_JS, 'lint', '--help'])));
    const helpCold = median(
      Array.from({ length: RUNS }, () => wallMs([CLI_JS, 'lint', '--help'], { ...process.env, CLUSTERSET_NO_CODE_CACHE: '1' })),
    );
    const warm = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { lintPaths } = require(${JSON.stringify(resolve(__dirname, '../cli/src/lint.ts'))});
         (async () => { const t = []; for (let i = 0; i < 3; i++) { const s = performance.now(); await lintPaths([${JSON.stringify(folder)}]); t.push(performance.now() - s); }
         console.log(JSON.stringify(t)); })();`,
      ],
      { encoding: 'utf8' },
    );
    const runs = JSON.parse(warm.stdout.trim().split('\n').pop() ?? '[]') as number[];

    console.log(`lint ${folder}: ${RUNS} profiled runs, wall (profiling on) median ${median(walls).toFixed(0)} ms`);
    console.log('| phase | CPU ms (median) |');
    console.log('| --- | --- |');
    const order = [...totals.entries()].sort((a, b) => median(b[1]) - median(a[1]));
    for (const [p, ms] of order) console.log(`| ${p} | ${median(ms).toFixed(0)} |`);
    console.log(`process start (\`node -e 0\`, wall): ${bare.toFixed(0)} ms`);
    console.log(
      `\`lint --help\` (start + dispatcher + lint bundle), wall: ${help.toFixed(0)} ms with the code cache, ${helpCold.toFixed(0)} ms without`,
    );
    if (runs.length === 3)
      console.log(
        `in-process lintPaths, 1st/2nd/3rd run: ${runs.map((r) => r.toFixed(0)).join(' / ')} ms (1st − 3rd ≈ JIT warm-up)`,
      );
  } finally {
    if (made) rmSync(made, { recursive: true, force: true });
  }
}

main();
