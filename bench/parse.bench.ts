// The parser's cost, in-process: first parse (stream path) and per-document parse of a generated 50,000-line file,
// and a one-document edit through the cache. `tsx bench/parse.bench.ts [path/to/server/src/service]` runs it
// against another checkout of the service (e.g. an older commit unpacked elsewhere) to compare. No test asserts
// on these numbers.
import { resolve } from 'node:path';
import { editedText, generateMcsFile } from './generate';

interface ParseModule {
  parseFile(uri: string, text: string, version: number, cache?: unknown): { documents: readonly unknown[] };
  DocumentCache: new () => unknown;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? resolve(__dirname, '../server/src/service'));
  const m = (await import(resolve(dir, 'parse/parsedFile.ts'))) as ParseModule;
  const file = generateMcsFile(50_000);
  const text = file.text;
  const edited = editedText(file, 1);
  // Warm up V8 before measuring.
  for (let i = 0; i < 3; i++) m.parseFile('u', text, 1);
  const first: number[] = [];
  const firstCpu: number[] = [];
  const edit: number[] = [];
  // CPU time as well as wall time: on a shared machine the wall clock mostly measures the other processes.
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  for (let i = 0; i < 7; i++) {
    const cache = new m.DocumentCache();
    let t = performance.now();
    const c = cpuMs();
    m.parseFile('u', text, 1, cache);
    first.push(performance.now() - t);
    firstCpu.push(cpuMs() - c);
    t = performance.now();
    m.parseFile('u', i % 2 ? text : edited, 2, cache);
    edit.push(performance.now() - t);
  }
  console.log(
    `${dir}: first parse ${median(first).toFixed(0)} ms (CPU ${median(firstCpu).toFixed(0)} ms), one-document edit ${median(edit).toFixed(1)} ms (medians of 7)`,
  );
}

void main();
