// Finds or builds the testbed binaries: kube-apiserver, etcd and kubectl.
// Order: $KUBEBUILDER_ASSETS (envtest binaries, nothing is built) → the cache folder keyed by the
// pinned versions → `go build` of testbed/go into that cache.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { goModuleDir } from './paths.js';

export interface PinnedVersions {
  kubernetes: string;
  etcd: string;
  /** The `go` line of testbed/go/go.mod: the oldest toolchain that builds it. */
  go: string;
}

export interface Binaries {
  kubeApiserver: string;
  etcd: string;
  kubectl: string;
  /** Folder that holds the three binaries. */
  dir: string;
  source: 'kubebuilder-assets' | 'cache' | 'built';
  versions?: PinnedVersions;
}

export type Logger = (line: string) => void;
const stderrLog: Logger = (line) => process.stderr.write(`[testbed] ${line}\n`);

export class TestbedBuildError extends Error {}

export function pinnedVersions(): PinnedVersions {
  const mod = readFileSync(join(goModuleDir, 'go.mod'), 'utf8');
  const pick = (re: RegExp, what: string): string => {
    const m = re.exec(mod);
    if (!m?.[1]) throw new TestbedBuildError(`testbed/go/go.mod has no ${what}`);
    return m[1];
  };
  return {
    kubernetes: pick(/^\s*k8s\.io\/kubernetes (v\S+)/m, 'k8s.io/kubernetes requirement'),
    etcd: pick(/^\s*(?:require )?go\.etcd\.io\/etcd\/server\/v3 (v\S+)/m, 'go.etcd.io/etcd/server/v3 requirement'),
    go: pick(/^go (\S+)/m, 'go directive'),
  };
}

/** Folder that holds the cache keys: $CLUSTERSET_TESTBED_CACHE, else $XDG_CACHE_HOME or ~/.cache + /clusterset-testbed. */
export function cacheBase(): string {
  const override = process.env.CLUSTERSET_TESTBED_CACHE;
  if (override) return override;
  const xdg = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(xdg, 'clusterset-testbed');
}

/**
 * The cache key names the pinned versions and hashes every input of the build, so a changed pin
 * (or replace line, or go.sum) builds into a new folder and an unchanged one is reused.
 */
export function cacheKey(v: PinnedVersions = pinnedVersions()): string {
  const h = createHash('sha256');
  h.update(BUILD_RECIPE);
  for (const f of ['go.mod', 'go.sum', 'cmd/etcd/main.go']) h.update(readFileSync(join(goModuleDir, f)));
  return `k8s-${v.kubernetes}-etcd-${v.etcd}-${process.platform}-${process.arch}-${h.digest('hex').slice(0, 10)}`;
}

/** Bump when the way of building changes (flags, targets), so caches built the old way are not reused. */
const BUILD_RECIPE = 'recipe-2: -trimpath -s -w, version stamped';

/**
 * What `make` would stamp via hack/lib/version.sh. Without it /version says v0.0.0-master and
 * kubectl refuses to parse it; the extension reads the server minor version from there.
 */
function versionLdflags(v: PinnedVersions): string {
  const m = /^v(\d+)\.(\d+)\./.exec(v.kubernetes);
  const vars: Record<string, string> = {
    gitVersion: v.kubernetes,
    gitMajor: m?.[1] ?? '',
    gitMinor: m?.[2] ?? '',
    gitTreeState: 'clean',
    gitCommit: '0000000000000000000000000000000000000000',
    buildDate: '1970-01-01T00:00:00Z',
  };
  const pkgs = ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version'];
  return pkgs.flatMap((p) => Object.entries(vars).map(([k, val]) => `-X ${p}.${k}=${val}`)).join(' ');
}

const NAMES = { kubeApiserver: 'kube-apiserver', etcd: 'etcd', kubectl: 'kubectl' } as const;

function binariesIn(dir: string): Omit<Binaries, 'source'> | undefined {
  const b = {
    kubeApiserver: join(dir, NAMES.kubeApiserver),
    etcd: join(dir, NAMES.etcd),
    kubectl: join(dir, NAMES.kubectl),
    dir,
  };
  return [b.kubeApiserver, b.etcd, b.kubectl].every((p) => existsSync(p)) ? b : undefined;
}

function findGo(): string | undefined {
  // An explicit $GO is the only candidate: falling back behind the user's back would hide a typo.
  const candidates = process.env.GO ? [process.env.GO] : ['go', '/usr/local/go/bin/go'];
  for (const c of candidates) {
    const r = spawnSync(c, ['version'], { encoding: 'utf8' });
    if (r.status === 0) return c;
  }
  return undefined;
}

const NO_GO = [
  'The Clusterset testbed builds kube-apiserver, etcd and kubectl from source and needs Go ≥ 1.26 for that.',
  'Get Go: https://go.dev/doc/install (or: apt-get install golang-go if your distribution ships ≥ 1.26),',
  'put it on PATH (or set GO=/path/to/go) and run `npm run testbed -- build`.',
  'Alternatively point KUBEBUILDER_ASSETS at envtest binaries (kube-apiserver, etcd, kubectl), e.g.',
  '`export KUBEBUILDER_ASSETS=$(setup-envtest use -p path 1.36.x)`; then nothing is built.',
].join('\n');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Returns the binaries, building them first if the cache lacks them. Concurrent callers (parallel
 * test files) share one build through a lock folder; the others wait for it.
 */
export async function ensureBinaries(opts: { log?: Logger; force?: boolean } = {}): Promise<Binaries> {
  const b = await findOrBuild(opts);
  // Fallback for an etcd that will not build: e.g. Debian's (apt-get install etcd-server; /usr/bin/etcd).
  const etcd = process.env.CLUSTERSET_TESTBED_ETCD;
  if (etcd) {
    if (!existsSync(etcd)) throw new TestbedBuildError(`CLUSTERSET_TESTBED_ETCD=${etcd} does not exist`);
    return { ...b, etcd };
  }
  return b;
}

async function findOrBuild(opts: { log?: Logger; force?: boolean }): Promise<Binaries> {
  const log = opts.log ?? stderrLog;
  const assets = process.env.KUBEBUILDER_ASSETS;
  if (assets && !opts.force) {
    const b = binariesIn(assets);
    if (!b) {
      throw new TestbedBuildError(
        `KUBEBUILDER_ASSETS=${assets} must hold kube-apiserver, etcd and kubectl; unset it to build them from testbed/go instead.`,
      );
    }
    return { ...b, source: 'kubebuilder-assets' };
  }
  const versions = pinnedVersions();
  const base = cacheBase();
  const dir = join(base, cacheKey(versions));
  const binDir = join(dir, 'bin');
  if (!opts.force) {
    const b = binariesIn(binDir);
    if (b) return { ...b, source: 'cache', versions };
  }
  mkdirSync(base, { recursive: true });
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // The holder may not have written its pid yet; judge by age instead.
      }
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs;
      if ((Number.isFinite(holder) && holder > 0 && !isAlive(holder)) || (!Number.isFinite(holder) && age > 60_000)) {
        rmSync(lock, { recursive: true, force: true }); // a crashed builder's lock
        continue;
      }
      log(`waiting for another process (pid ${holder}) that is building the testbed binaries…`);
      while (existsSync(lock)) await sleep(2000);
      const b = binariesIn(binDir);
      if (b && !opts.force) return { ...b, source: 'cache', versions };
    }
  }
  try {
    await goBuild(binDir, versions, log);
    const b = binariesIn(binDir);
    if (!b) throw new TestbedBuildError(`go build finished but ${binDir} lacks a binary`);
    return { ...b, source: 'built', versions };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function goBuild(binDir: string, v: PinnedVersions, log: Logger): Promise<void> {
  const go = findGo();
  if (!go) throw new TestbedBuildError(NO_GO);
  const tmp = `${binDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const jobs = String(availableParallelism());
  const args = [
    'build',
    '-v',
    '-p',
    jobs,
    '-trimpath',
    `-ldflags=-s -w ${versionLdflags(v)}`,
    '-o',
    `${tmp}/`,
    'k8s.io/kubernetes/cmd/kube-apiserver',
    'k8s.io/kubernetes/cmd/kubectl',
    './cmd/etcd',
  ];
  log(`building kube-apiserver, kubectl (k8s.io/kubernetes ${v.kubernetes}) and etcd (${v.etcd}) into ${binDir}`);
  log(`this is done once per pinned version and takes ~6-10 min on 2 cores (~8 CPU-minutes); progress follows`);
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Our module only: a go.work above the repo must not pull other modules in, and the build must
    // not edit go.mod/go.sum (a changed pin belongs in a commit, not in a test run).
    GOWORK: 'off',
    GOFLAGS: '-mod=readonly -buildvcs=false',
  };
  const child = spawn(go, args, { cwd: goModuleDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let packages = 0;
  const problems: string[] = [];
  let partial = '';
  const onData = (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      // -v prints one import path per compiled package; anything else is a message worth keeping.
      if (/^[\w.\-/~]+$/.test(line)) packages++;
      else if (line.trim()) problems.push(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const ticker = setInterval(() => {
    log(`  … ${packages} packages compiled, ${Math.round((Date.now() - started) / 1000)} s`);
  }, 30_000);
  const code = await new Promise<number>((res, rej) => {
    child.on('error', rej);
    child.on('close', (c, sig) => res(c ?? (sig ? 128 : 1)));
  }).finally(() => clearInterval(ticker));
  if (partial.trim()) problems.push(partial);
  if (code !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    const detail = problems.slice(-60).join('\n');
    throw new TestbedBuildError(
      `building the testbed binaries failed (go build exit ${code}, in ${goModuleDir}).\n${detail}\n` +
        'If a module could not be downloaded, check GOPROXY and network access; if the Go version is too old, ' +
        `testbed/go/go.mod needs go ${v.go} (run \`go version\`). If only etcd fails, CLUSTERSET_TESTBED_ETCD=/usr/bin/etcd ` +
        '(Debian: apt-get install etcd-server) uses another etcd.',
    );
  }
  const secs = Math.round((Date.now() - started) / 1000);
  writeFileSync(
    join(tmp, 'versions.json'),
    `${JSON.stringify({ ...v, builtWith: goVersion(go), buildSeconds: secs }, null, 2)}\n`,
  );
  rmSync(binDir, { recursive: true, force: true });
  renameSync(tmp, binDir);
  log(`built ${packages} packages in ${secs} s`);
}

function goVersion(go: string): string {
  return spawnSync(go, ['version'], { encoding: 'utf8' }).stdout.trim();
}
