// `npm run bench`: our language server side by side with yaml-language-server on the same generated MCS files,
// through the same LSP harness, and `clusterset lint` against kubeconform (lint.bench.ts). Prints medians and
// the ratios against the goals of issues 4 and 13. No assertion: the numbers are for bench/README.md and the lead.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { editedText, generateMcsFile, writeYamlLsSchema, type BenchFile } from './generate';
import { startBenchServer, type ServerUnderTest } from './lspHarness';
import { noDebouncePreload, yamlLanguageServer, YAML_LS_VERSION } from './peers';

const EDITS = Number(process.env.BENCH_EDITS ?? 20);
/** A single cold open is at the mercy of JIT and machine noise: take the median over fresh server processes. */
const OPENS = Number(process.env.BENCH_OPENS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,50000').split(',').map(Number);
const SERVER_JS = resolve(__dirname, '../dist/server.js');
const CLI_JS = resolve(__dirname, '../dist/cli.js');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const f = (n: number, digits = 0): string => n.toFixed(digits);

interface LspFigures {
  openMs: number;
  editMs: number;
  rssMiB: number;
  diagnostics: number;
}

/** Opens the file, then EDITS edits, one at a time (each waits for its diagnostics and a short idle gap). */
async function measureServer(server: ServerUnderTest, root: string, uri: string, file: BenchFile): Promise<LspFigures> {
  const opens: number[] = [];
  for (let i = 1; i < OPENS; i++) {
    const fresh = await startBenchServer(server, pathToFileURL(root).href);
    try {
      opens.push((await fresh.open(uri, file.text)).ms);
    } finally {
      await fresh.close();
    }
  }
  const session = await startBenchServer(server, pathToFileURL(root).href);
  try {
    const open = await session.open(uri, file.text);
    opens.push(open.ms);
    await sleep(500);
    const edits: number[] = [];
    let diagnostics = open.count;
    for (let i = 1; i <= EDITS; i++) {
      const r = await session.change(uri, editedText(file, i));
      edits.push(r.ms);
      diagnostics = r.count;
      await sleep(100);
    }
    return { openMs: median(opens), editMs: median(edits), rssMiB: session.rssMiB(), diagnostics };
  } finally {
    await session.close();
  }
}

function yamlParseMs(text: string): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    parseAllDocuments(text);
    times.push(performance.now() - t);
  }
  return median(times);
}

function goal(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}

async function main(): Promise<void> {
  if (!existsSync(SERVER_JS) || !existsSync(CLI_JS))
    throw new Error('dist/server.js or dist/cli.js missing: run `node scripts/build.mjs --production` (npm run bench does)');
  const yamlLs = yamlLanguageServer();
  const preload = noDebouncePreload();
  const root = mkdtempSync(join(tmpdir(), 'clusterset-bench-'));
  try {
    // One cluster folder per size, so the two files do not declare the same objects in one cluster.
    const clustersDir = join(root, 'clusters');
    const schemaPath = writeYamlLsSchema(join(root, 'schemas'));
    const yamlConfig = {
      yaml: {
        validate: true,
        schemas: { [pathToFileURL(schemaPath).href]: ['*.yaml'] },
        schemaStore: { enable: false },
        format: { enable: false },
        hover: false,
        completion: false,
      },
      http: {},
      '[yaml]': {},
      editor: {},
    };
    const servers: ServerUnderTest[] = [
      { name: 'clusterset', command: process.execPath, args: [SERVER_JS, '--stdio'] },
      {
        name: `yaml-language-server ${YAML_LS_VERSION}`,
        command: process.execPath,
        args: [yamlLs, '--stdio'],
        configuration: yamlConfig,
      },
      {
        name: `yaml-language-server ${YAML_LS_VERSION} (no debounce)`,
        command: process.execPath,
        args: ['-r', preload, yamlLs, '--stdio'],
        configuration: yamlConfig,
      },
    ];

    const rows: string[] = [];
    const verdicts: string[] = [];
    for (const size of SIZES) {
      const file = generateMcsFile(size);
      mkdirSync(join(clustersDir, `c${size}`), { recursive: true });
      const path = join(clustersDir, `c${size}`, `mcs-${size}.yaml`);
      writeFileSync(path, file.text);
      const uri = pathToFileURL(path).href;
      const figures: LspFigures[] = [];
      for (const s of servers) {
        process.stderr.write(`${s.name}: ${file.lines} lines …\n`);
        figures.push(await measureServer(s, root, uri, file));
      }
      const [ours, peer, peerNoDebounce] = figures;
      const parse = yamlParseMs(file.text);
      rows.push(
        `| ${file.lines} lines (${file.resources} resources) | edit→diagnostics | ${f(ours.editMs)} ms | ${f(peer.editMs)} ms | ${f(peerNoDebounce.editMs)} ms | ${f(peer.editMs / ours.editMs, 1)}× / ${f(peerNoDebounce.editMs / ours.editMs, 1)}× |`,
        `| | open→diagnostics | ${f(ours.openMs)} ms | ${f(peer.openMs)} ms | ${f(peerNoDebounce.openMs)} ms | yaml parser alone: ${f(parse)} ms (ours ${f(ours.openMs / parse, 2)}×) |`,
        `| | RSS after ${EDITS} edits | ${f(ours.rssMiB)} MiB | ${f(peer.rssMiB)} MiB | ${f(peerNoDebounce.rssMiB)} MiB | |`,
        `| | diagnostics published | ${ours.diagnostics} | ${peer.diagnostics} | ${peerNoDebounce.diagnostics} | |`,
      );
      verdicts.push(
        `edit→diagnostics ≥10× faster than yaml-language-server (default) on ${file.lines} lines: ${f(peer.editMs / ours.editMs, 1)}× — ${goal(peer.editMs / ours.editMs >= 10)}`,
      );
      if (size === 50000) {
        verdicts.push(
          `edit→diagnostics ≥5× faster than yaml-language-server without debounce on ${file.lines} lines: ${f(peerNoDebounce.editMs / ours.editMs, 1)}× — ${goal(peerNoDebounce.editMs / ours.editMs >= 5)}`,
        );
        verdicts.push(
          `open→diagnostics within 1.3× the yaml parser on ${file.lines} lines: ${f(ours.openMs / parse, 2)}× — ${goal(ours.openMs <= 1.3 * parse)}`,
        );
        verdicts.push(
          `memory after ${EDITS} edits of ${file.lines} lines < 250 MiB: ${f(ours.rssMiB)} MiB — ${goal(ours.rssMiB < 250)}`,
        );
      }
    }

    console.log(`\nClusterset benchmarks — node ${process.version}, ${EDITS} edits per file, medians\n`);
    console.log('| input | measure | clusterset | yaml-language-server | yaml-ls, no debounce | ratio (peer ÷ ours) |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const r of rows) console.log(r);
    console.log('\nGoals of issue 4:');
    for (const v of verdicts) console.log(`- ${v}`);

    if (!process.env.BENCH_SKIP_LINT) {
      // Issue 13: `clusterset lint` vs kubeconform on the bench folder and a 10,000-file GitOps repository.
      const mod = await import('./lint.bench');
      console.log(`\n\`clusterset lint\` vs kubeconform (issue 13):\n${mod.formatLintBench(await mod.runLintBench())}`);
    }

    const cidr = resolve(__dirname, 'cidr.bench.ts');
    if (existsSync(cidr)) {
      // Written by another engineer; loaded only when present, so this file never depends on its shape.
      const mod = (await import(cidr)) as { runCidrBench?: () => unknown; formatCidrBench?: (r: unknown) => string };
      if (typeof mod.runCidrBench === 'function') {
        const result = await mod.runCidrBench();
        console.log(
          `\nCIDR benchmark:\n${typeof mod.formatCidrBench === 'function' ? mod.formatCidrBench(result) : JSON.stringify(result, null, 2)}`,
        );
      }
    }
    const doctor = resolve(__dirname, 'doctor.bench.ts');
    if (existsSync(doctor) && process.env.BENCH_DOCTOR !== '0') {
      // Issue 11: needs the testbed binaries (docs/testbed.md); BENCH_DOCTOR=0 skips it.
      const mod = (await import(doctor)) as { runDoctorBench: () => Promise<unknown>; formatDoctorBench: (r: unknown) => string };
      console.log(`\nDoctor benchmark:\n${mod.formatDoctorBench(await mod.runDoctorBench())}`);
    }
    const inventory = resolve(__dirname, 'inventory.bench.ts');
    if (existsSync(inventory) && !process.env.BENCH_SKIP_INVENTORY) {
      // Issue 10: the inventory on the testbed (starts its own three API servers).
      const mod = (await import(inventory)) as typeof import('./inventory.bench');
      console.log(`\nInventory benchmark (issue 10):\n${mod.formatInventoryBench(await mod.runInventoryBench())}`);
    }
    if (!process.env.BENCH_SKIP_TREE) {
      // Issue 10: tree first paint of 10,000 objects, in memory (no testbed).
      const mod = await import('./treePaint.bench');
      console.log(`\nTree first paint (issue 10):\n${mod.formatTreePaintBench(await mod.runTreePaintBench())}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exitCode = 1;
});
