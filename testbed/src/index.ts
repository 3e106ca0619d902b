// Clusterset testbed: real kube-apiservers (one per cluster) over one etcd, on loopback, with TLS,
// RBAC and the MCS CRDs — envtest-style, for integration tests and for `npm run testbed`.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { ensureBinaries, type Binaries, type Logger } from './build.js';
import { applyObjects, endpointFor, kubeConfigFor, loadClientNode, rawRequest, sleep, toObjects, type Endpoint } from './kube.js';
export { ApiError } from './kube.js';
import { crdDir, defaultStateDir, manifestDir } from './paths.js';
import { makeClusterPki, makeTokens, tokenFile, type TestbedUser } from './pki.js';
import { attach, detach, freePort, isAlive, isOurs, killGroups, startProcess, type Started } from './processes.js';

export { ensureBinaries, cacheBase, cacheKey, pinnedVersions, TestbedBuildError } from './build.js';
export type { Binaries, Logger, PinnedVersions } from './build.js';
export type { TestbedUser } from './pki.js';
export { mcsApiCrdDir, MCS_API_MODULE, MCS_API_VERSION } from './upstreamCrds.js';

export interface ClustersetOptions {
  /** Cluster names, also the kubeconfig context names. Default: east, west, central. */
  clusters?: string[];
  /** Clusters that get no MCS/about CRDs (and so no ClusterProperties): real 404s there. */
  noCrds?: string[];
  /**
   * State folder (state.json, kubeconfig, certs, logs, etcd data). Default: a new temp folder;
   * the CLI passes <repo>/.testbed. A stale testbed found there is stopped first.
   */
  dir?: string;
  /** Keep the processes running after this Node process exits (the CLI's `up`). Default false. */
  detached?: boolean;
  /** Storage version of the ServiceExport/ServiceImport CRDs. Default v1alpha1 (upstream CRDs: as shipped). */
  mcsStorageVersion?: 'v1alpha1' | 'v1beta1';
  /**
   * Folder whose `*.yaml` CRDs replace testbed/crds' multicluster.x-k8s.io CRDs (e.g. the upstream ones from
   * the sigs.k8s.io/mcs-api module, see upstreamCrds.ts). ClusterProperty stays on testbed/crds.
   */
  mcsCrdDir?: string;
  /** Value of the `clusterset.k8s.io` ClusterProperty. Default `testbed`. */
  clustersetName?: string;
  /** Progress lines; default stderr. */
  log?: Logger;
  /** Per-start limit for etcd and the API servers to become ready. Default 90 s. */
  readyTimeoutMs?: number;
  /** More kube-apiserver flags for the named clusters (e.g. `--http2-max-streams-per-connection=1`). */
  apiServerArgs?: Record<string, string[]>;
}

export interface TestbedCluster {
  name: string;
  /** https://127.0.0.1:<port> */
  server: string;
  port: number;
  /** Context names in the kubeconfig: admin (system:masters), no-rights viewer, read-only reader. */
  context: string;
  viewerContext: string;
  readerContext: string;
  crds: boolean;
  /** --service-cluster-ip-range of this API server (distinct per cluster). */
  serviceCidr: string;
  caFile: string;
  pid: number;
}

export interface TestbedState {
  version: 1;
  dir: string;
  kubeconfigPath: string;
  /** Node process that owns an attached testbed; null when detached (CLI). */
  ownerPid: number | null;
  startedAt: string;
  binaries: { dir: string; source: Binaries['source'] };
  etcd: { pid: number; port: number; peerPort: number };
  clusters: TestbedCluster[];
}

export interface ApplyOptions {
  /** Which user applies; default admin. */
  as?: TestbedUser;
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Testbed {
  dir: string;
  kubeconfigPath: string;
  clusters: TestbedCluster[];
  binaries: Binaries;
  cluster(name: string): TestbedCluster;
  /** A KubeConfig from the written kubeconfig with `context` as current (e.g. `east`, `east-reader`). */
  kubeConfig(context: string): KubeConfig;
  /** Server-side apply of YAML (multi-document) or objects to a cluster; returns the applied objects. */
  apply(
    cluster: string,
    objects: string | KubernetesObject | KubernetesObject[],
    opts?: ApplyOptions,
  ): Promise<KubernetesObject[]>;
  /** apply() to several clusters: `{ east: yaml, west: [obj, obj] }`. */
  seed(byCluster: Record<string, string | KubernetesObject | KubernetesObject[]>): Promise<void>;
  /** Runs the testbed's kubectl with this kubeconfig; `context` is required so no call hits the wrong cluster. */
  kubectl(context: string, args: string[]): Promise<KubectlResult>;
  /** Stops every process (by process group) and removes the folder of a temp-dir testbed. */
  stop(opts?: { keepDir?: boolean }): Promise<void>;
}

/** CLUSTERSET_TESTBED_KEEP=1 keeps a temp testbed's folder (logs, state) after stop or a failed start. */
const keep = () => !!process.env.CLUSTERSET_TESTBED_KEEP;
const DEFAULT_CLUSTERS = ['east', 'west', 'central'];
const TMP_PREFIX = 'clusterset-testbed-';
const defaultLog: Logger = (line) => process.stderr.write(`[testbed] ${line}\n`);

function statePath(dir: string): string {
  return join(dir, 'state.json');
}

export function readState(dir = defaultStateDir): TestbedState | undefined {
  try {
    return JSON.parse(readFileSync(statePath(dir), 'utf8')) as TestbedState;
  } catch {
    return undefined;
  }
}

function writeState(s: TestbedState): void {
  writeFileSync(statePath(s.dir), `${JSON.stringify(s, null, 2)}\n`, { mode: 0o600 });
}

function allPids(s: TestbedState): number[] {
  return [...s.clusters.map((c) => c.pid), s.etcd.pid].filter((p) => p > 0);
}

/**
 * Stops whatever a testbed state in `dir` names (only processes whose command line still names
 * `dir`, so reused pids are safe) and removes the folder. No-op if there is no state.
 */
export async function stopDir(dir = defaultStateDir, opts: { keepDir?: boolean } = {}): Promise<boolean> {
  const s = readState(dir);
  if (s) {
    const ours = allPids(s).filter((p) => isOurs(p, dir));
    // API servers first, etcd last, so no API server logs a storm of etcd errors while stopping.
    const apis = ours.filter((p) => p !== s.etcd.pid);
    // Short grace: the data is throw-away, and kube-apiserver's graceful drain alone takes ~5 s.
    await killGroups(apis, 1500);
    await killGroups(
      ours.filter((p) => p === s.etcd.pid),
      3000,
    );
    for (const p of ours) detach(p);
  }
  if (s && !opts.keepDir) removeOurFiles(dir, s);
  return !!s;
}

/**
 * Removes only what a testbed writes, then the folder if that left it empty: `--dir` may name a
 * folder that holds other things, and a typo there must not delete them.
 */
function removeOurFiles(dir: string, s: TestbedState): void {
  const ours = ['state.json', 'kubeconfig', 'pki', 'etcd', 'etcd.log', 'kubectl-cache', ...s.clusters.map((c) => c.name)];
  for (const name of ours) rmSync(join(dir, name), { recursive: true, force: true });
  try {
    if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
  } catch {
    // already gone
  }
}

/** Temp-dir testbeds whose owning Node process died without cleaning up (e.g. SIGKILL). */
async function reapOrphans(log: Logger): Promise<void> {
  let names: string[] = [];
  try {
    names = readdirSync(tmpdir()).filter((n) => n.startsWith(TMP_PREFIX));
  } catch {
    return;
  }
  for (const n of names) {
    const dir = join(tmpdir(), n);
    const s = readState(dir);
    if (!s || s.ownerPid === null || isAlive(s.ownerPid)) continue;
    log(`stopping orphaned testbed ${dir} (owner pid ${s.ownerPid} is gone)`);
    await stopDir(dir);
  }
}

export interface ClusterStatus {
  name: string;
  server: string;
  pid: number;
  running: boolean;
  ready: boolean;
  crds: boolean;
}

export interface TestbedStatus {
  dir: string;
  kubeconfigPath: string;
  etcd: { pid: number; running: boolean };
  clusters: ClusterStatus[];
}

/** What runs of the testbed in `dir`, probing /readyz of each API server. */
export async function status(dir = defaultStateDir): Promise<TestbedStatus | undefined> {
  const s = readState(dir);
  if (!s) return undefined;
  const tokens = readTokens(dir);
  const clusters = await Promise.all(
    s.clusters.map(async (c): Promise<ClusterStatus> => {
      const running = isOurs(c.pid, dir);
      let ready = false;
      if (running && tokens) {
        const r = await rawRequest(endpoint(c, readFileSync(c.caFile, 'utf8'), tokens.admin), '/readyz').catch(() => undefined);
        ready = r?.status === 200;
      }
      return { name: c.name, server: c.server, pid: c.pid, running, ready, crds: c.crds };
    }),
  );
  return { dir, kubeconfigPath: s.kubeconfigPath, etcd: { pid: s.etcd.pid, running: isOurs(s.etcd.pid, dir) }, clusters };
}

function readTokens(dir: string): Record<TestbedUser, string> | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'pki', 'tokens.json'), 'utf8')) as Record<TestbedUser, string>;
  } catch {
    return undefined;
  }
}

function endpoint(c: { server: string }, caPem: string, token: string): Endpoint {
  return { server: c.server, caPem, token };
}

function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitReady(
  what: string,
  proc: Started,
  logFile: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.hasExited()) {
      throw new Error(`${what} exited during start-up (${await proc.exited}); last lines of ${logFile}:\n${tail(logFile)}`);
    }
    if (await probe().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} was not ready after ${Math.round(timeoutMs / 1000)} s; last lines of ${logFile}:\n${tail(logFile)}`);
}

function etcdSupportsNoFsync(etcd: string): boolean {
  const m = /etcd Version: (\d+)\.(\d+)/.exec(spawnSync(etcd, ['--version'], { encoding: 'utf8' }).stdout ?? '');
  return !!m && (Number(m[1]) > 3 || (Number(m[1]) === 3 && Number(m[2]) >= 5));
}

function validateNames(clusters: string[], noCrds: string[]): void {
  if (clusters.length === 0) throw new Error('at least one cluster is needed');
  const seen = new Set<string>();
  for (const n of clusters) {
    // Names become context names, file names and etcd prefixes: keep them DNS labels.
    if (!/^[a-z]([-a-z0-9]{0,30}[a-z0-9])?$/.test(n)) throw new Error(`cluster name "${n}" must be a lowercase DNS label`);
    if (seen.has(n)) throw new Error(`cluster "${n}" is listed twice`);
    seen.add(n);
  }
  for (const n of noCrds)
    if (!seen.has(n)) throw new Error(`--no-crds names "${n}", which is not among the clusters (${clusters.join(', ')})`);
}

const MCS_GROUP = 'multicluster.x-k8s.io';
type CrdLike = { spec?: { group?: string; versions?: { name: string; storage: boolean }[] } };

function readCrdDir(dir: string): KubernetesObject[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => toObjects(readFileSync(join(dir, f), 'utf8')));
}

/** Our CRDs, with the MCS ones from `mcsCrdDir` instead when given; `storage` undefined keeps upstream's choice. */
function loadCrds(storage: 'v1alpha1' | 'v1beta1' | undefined, mcsCrdDir?: string): KubernetesObject[] {
  const ours = readCrdDir(crdDir);
  const mcs = mcsCrdDir ? readCrdDir(mcsCrdDir).filter((c) => (c as CrdLike).spec?.group === MCS_GROUP) : [];
  if (mcsCrdDir && mcs.length === 0) throw new Error(`no ${MCS_GROUP} CRDs in ${mcsCrdDir}`);
  const crds = mcsCrdDir ? [...ours.filter((c) => (c as CrdLike).spec?.group !== MCS_GROUP), ...mcs] : ours;
  const wanted = storage ?? (mcsCrdDir ? undefined : 'v1alpha1');
  for (const crd of crds) {
    const spec = (crd as CrdLike).spec;
    if (wanted && spec?.group === MCS_GROUP && spec.versions) for (const v of spec.versions) v.storage = v.name === wanted;
  }
  return crds;
}

function clusterProperties(cluster: string, clusterset: string): KubernetesObject[] {
  const cp = (name: string, value: string) => ({
    apiVersion: 'about.k8s.io/v1beta1',
    kind: 'ClusterProperty',
    metadata: { name },
    spec: { value },
  });
  return [cp('cluster.clusterset.k8s.io', cluster), cp('clusterset.k8s.io', clusterset)];
}

/** Starts a clusterset. On any failure everything started so far is stopped before the error is thrown. */
export async function startClusterset(opts: ClustersetOptions = {}): Promise<Testbed> {
  const log = opts.log ?? defaultLog;
  const names = opts.clusters ?? DEFAULT_CLUSTERS;
  const noCrds = opts.noCrds ?? [];
  validateNames(names, noCrds);
  const timeout = opts.readyTimeoutMs ?? 90_000;
  const t0 = Date.now();

  await reapOrphans(log);
  // Binaries first: a missing Go must fail before any folder or process exists.
  const binaries = await ensureBinaries({ log });
  let dir: string;
  if (opts.dir) {
    dir = opts.dir;
    if (readState(dir)) log(`stopping the previous testbed in ${dir}`);
    await stopDir(dir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } else {
    dir = mkdtempSync(join(tmpdir(), TMP_PREFIX));
  }
  const isTemp = !opts.dir;

  const state: TestbedState = {
    version: 1,
    dir,
    kubeconfigPath: join(dir, 'kubeconfig'),
    ownerPid: opts.detached ? null : process.pid,
    startedAt: new Date().toISOString(),
    binaries: { dir: binaries.dir, source: binaries.source },
    etcd: { pid: 0, port: 0, peerPort: 0 },
    clusters: [],
  };
  writeState(state);
  const pkiRoot = join(dir, 'pki');
  mkdirSync(pkiRoot, { recursive: true, mode: 0o700 });
  const tokens = makeTokens();
  writeFileSync(join(pkiRoot, 'tokens.csv'), tokenFile(tokens), { mode: 0o600 });
  writeFileSync(join(pkiRoot, 'tokens.json'), JSON.stringify(tokens), { mode: 0o600 });

  const track = (pid: number) => {
    if (!opts.detached) attach(pid);
  };

  try {
    // etcd: one for the whole clusterset; each API server gets its own --etcd-prefix.
    const [etcdPort, peerPort] = [await freePort(), await freePort()];
    const etcdDir = join(dir, 'etcd');
    mkdirSync(etcdDir, { recursive: true, mode: 0o700 });
    const etcdLog = join(dir, 'etcd.log');
    const etcd = startProcess(
      binaries.etcd,
      [
        '--name=testbed',
        `--data-dir=${join(etcdDir, 'data')}`,
        `--listen-client-urls=http://127.0.0.1:${etcdPort}`,
        `--advertise-client-urls=http://127.0.0.1:${etcdPort}`,
        `--listen-peer-urls=http://127.0.0.1:${peerPort}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`,
        `--initial-cluster=testbed=http://127.0.0.1:${peerPort}`,
        // Throw-away data: fsync only costs time here (flag exists since etcd 3.5; Debian's 3.4 lacks it).
        ...(etcdSupportsNoFsync(binaries.etcd) ? ['--unsafe-no-fsync=true'] : []),
        '--log-level=warn',
      ],
      etcdLog,
    );
    track(etcd.pid);
    state.etcd = { pid: etcd.pid, port: etcdPort, peerPort };
    writeState(state);

    // Certificates and ports for every cluster while etcd starts.
    const prepared = await Promise.all(
      names.map(async (name, i) => {
        const cdir = join(dir, name);
        mkdirSync(cdir, { recursive: true, mode: 0o700 });
        const pki = await makeClusterPki(cdir, name);
        return { name, i, cdir, pki, port: await freePort() };
      }),
    );
    await waitReady(
      'etcd',
      etcd,
      etcdLog,
      async () => {
        const r = await fetch(`http://127.0.0.1:${etcdPort}/health`, { signal: AbortSignal.timeout(2000) });
        return r.ok && ((await r.json()) as { health?: string }).health === 'true';
      },
      timeout,
    );

    // All API servers start at once; each is probed on /readyz (which includes RBAC bootstrap).
    const started = prepared.map((p) => {
      const serviceCidr = `10.${96 + p.i}.0.0/16`;
      const logFile = join(p.cdir, 'kube-apiserver.log');
      const proc = startProcess(
        binaries.kubeApiserver,
        [
          `--etcd-servers=http://127.0.0.1:${etcdPort}`,
          `--etcd-prefix=/clusterset-testbed/${p.name}`,
          '--bind-address=127.0.0.1',
          '--advertise-address=127.0.0.1',
          `--secure-port=${p.port}`,
          `--cert-dir=${p.cdir}`,
          `--tls-cert-file=${p.pki.certFile}`,
          `--tls-private-key-file=${p.pki.keyFile}`,
          `--client-ca-file=${p.pki.caFile}`,
          `--token-auth-file=${join(pkiRoot, 'tokens.csv')}`,
          '--authorization-mode=RBAC',
          `--service-account-issuer=https://${p.name}.clusterset-testbed.invalid`,
          `--service-account-key-file=${p.pki.saPublicKeyFile}`,
          `--service-account-signing-key-file=${p.pki.saPrivateKeyFile}`,
          `--service-cluster-ip-range=${serviceCidr}`,
          '--allow-privileged=true',
          // No controller-manager creates default ServiceAccounts, so Pods could never be admitted.
          '--disable-admission-plugins=ServiceAccount',
          // Fewer goroutines and timers on a 2-core machine; neither matters for a test cluster.
          '--enable-priority-and-fairness=false',
          '--profiling=false',
          ...(opts.apiServerArgs?.[p.name] ?? []),
        ],
        logFile,
      );
      track(proc.pid);
      const cluster: TestbedCluster = {
        name: p.name,
        server: `https://127.0.0.1:${p.port}`,
        port: p.port,
        context: p.name,
        viewerContext: `${p.name}-viewer`,
        readerContext: `${p.name}-reader`,
        crds: !noCrds.includes(p.name),
        serviceCidr,
        caFile: p.pki.caFile,
        pid: proc.pid,
      };
      state.clusters.push(cluster);
      return { p, proc, logFile, cluster };
    });
    writeState(state);
    log(`etcd ready; starting ${names.length} API server(s): ${names.join(', ')}`);
    await Promise.all(
      started.map(({ p, proc, logFile, cluster }) =>
        waitReady(
          `kube-apiserver "${p.name}"`,
          proc,
          logFile,
          async () => {
            const r = await rawRequest(endpoint(cluster, p.pki.caPem, tokens.admin), '/readyz', { timeoutMs: 3000 });
            return r.status === 200;
          },
          timeout,
        ),
      ),
    );
    log(`API servers ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    writeKubeconfig(
      state,
      prepared.map((p) => p.pki.caPem),
      tokens,
    );

    const crds = loadCrds(opts.mcsStorageVersion, opts.mcsCrdDir);
    const coredns = readFileSync(join(manifestDir, 'coredns.yaml'), 'utf8');
    const rbac = readFileSync(join(manifestDir, 'reader-rbac.yaml'), 'utf8');
    await Promise.all(
      started.map(async ({ p, cluster }) => {
        const ep = endpoint(cluster, p.pki.caPem, tokens.admin);
        await applyObjects(ep, toObjects(rbac));
        if (cluster.crds) {
          await applyObjects(ep, crds);
          await waitCrdsServed(ep, crds, timeout);
          await applyObjects(ep, clusterProperties(cluster.name, opts.clustersetName ?? 'testbed'));
          await applyObjects(ep, toObjects(coredns));
        } else {
          // A cluster without MCS: the stock Corefile, without clusterset.local.
          await applyObjects(
            ep,
            toObjects(coredns.replace(/ clusterset\.local(?= in-addr)/, '').replace(/^\s*multicluster .*\n/m, '')),
          );
        }
      }),
    );
    log(`clusterset up in ${((Date.now() - t0) / 1000).toFixed(1)} s; kubeconfig: ${state.kubeconfigPath}`);
  } catch (e) {
    log(`start-up failed; stopping what was started${isTemp && !keep() ? '' : ` (logs stay in ${dir})`}`);
    await stopDir(dir, { keepDir: true });
    // A temp folder is ours alone (mkdtemp): remove it whole, whatever step failed.
    if (isTemp && !keep()) rmSync(dir, { recursive: true, force: true });
    throw e;
  }

  // Tests use kubeConfig() right away; the CLI's detached up does not need client-node.
  if (!opts.detached) await loadClientNode();
  return makeTestbed(state, binaries, isTemp);
}

/** Re-opens a running testbed from its state folder (e.g. one started by `npm run testbed -- up`). */
export async function openClusterset(dir = defaultStateDir): Promise<Testbed> {
  const s = readState(dir);
  if (!s) throw new Error(`no testbed state in ${dir}; run \`npm run testbed -- up\` first`);
  const binaries = await ensureBinaries();
  await loadClientNode();
  return makeTestbed(s, binaries, false);
}

/** Every served group/version/plural of the CRDs (an older upstream release serves v1alpha1 only). */
function servedPaths(crds: KubernetesObject[]): string[] {
  return crds.flatMap((crd) => {
    const spec = (
      crd as { spec?: { group?: string; names?: { plural?: string }; versions?: { name: string; served?: boolean }[] } }
    ).spec;
    return (spec?.versions ?? [])
      .filter((v) => v.served !== false)
      .map((v) => `/apis/${spec?.group}/${v.name}/${spec?.names?.plural}`);
  });
}

async function waitCrdsServed(ep: Endpoint, crds: KubernetesObject[], timeoutMs: number): Promise<void> {
  // Established is not enough: the REST handlers and discovery follow a moment later.
  const paths = servedPaths(crds);
  const deadline = Date.now() + timeoutMs;
  for (const p of paths) {
    for (;;) {
      const r = await rawRequest(ep, p).catch(() => undefined);
      if (r?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`CRD path ${p} not served after ${timeoutMs} ms (last status ${r?.status})`);
      await sleep(150);
    }
  }
}

function writeKubeconfig(s: TestbedState, caPems: string[], tokens: Record<TestbedUser, string>): void {
  const clusters = s.clusters.map((c, i) => ({
    name: c.name,
    cluster: { server: c.server, 'certificate-authority-data': Buffer.from(caPems[i] ?? '').toString('base64') },
  }));
  const users = (['admin', 'viewer', 'reader'] as const).map((u) => ({ name: `testbed-${u}`, user: { token: tokens[u] } }));
  const contexts = s.clusters.flatMap((c) => [
    { name: c.context, context: { cluster: c.name, user: 'testbed-admin', namespace: 'default' } },
    { name: c.viewerContext, context: { cluster: c.name, user: 'testbed-viewer', namespace: 'default' } },
    { name: c.readerContext, context: { cluster: c.name, user: 'testbed-reader', namespace: 'default' } },
  ]);
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': s.clusters[0]?.context ?? '',
    clusters,
    users,
    contexts,
  };
  writeFileSync(s.kubeconfigPath, stringify(doc), { mode: 0o600 });
}

function makeTestbed(s: TestbedState, binaries: Binaries, isTemp: boolean): Testbed {
  let stopped = false;
  const byName = (name: string): TestbedCluster => {
    const c = s.clusters.find((x) => x.name === name);
    if (!c) throw new Error(`no cluster "${name}" in this testbed (${s.clusters.map((x) => x.name).join(', ')})`);
    return c;
  };
  const byContext = (context: string) => {
    if (!s.clusters.some((c) => [c.context, c.viewerContext, c.readerContext].includes(context))) {
      throw new Error(`no context "${context}" in this testbed`);
    }
  };
  const contextFor = (cluster: string, as: TestbedUser = 'admin') => {
    const c = byName(cluster);
    return as === 'admin' ? c.context : as === 'viewer' ? c.viewerContext : c.readerContext;
  };
  const tb: Testbed = {
    dir: s.dir,
    kubeconfigPath: s.kubeconfigPath,
    clusters: s.clusters,
    binaries,
    cluster: byName,
    kubeConfig: (context) => {
      byContext(context);
      return kubeConfigFor(s.kubeconfigPath, context);
    },
    apply: (cluster, objects, opts) =>
      applyObjects(endpointFor(s.kubeconfigPath, contextFor(cluster, opts?.as)), toObjects(objects)),
    seed: async (byCluster) => {
      await Promise.all(Object.entries(byCluster).map(([c, o]) => tb.apply(c, o)));
    },
    kubectl: (context, args) =>
      new Promise((res) => {
        // Own discovery cache: kubectl keys it by host:port, and a port reused by a later testbed
        // (with other CRDs) would otherwise answer from a stale cache.
        execFile(
          binaries.kubectl,
          [`--kubeconfig=${s.kubeconfigPath}`, `--cache-dir=${join(s.dir, 'kubectl-cache')}`, `--context=${context}`, ...args],
          { maxBuffer: 32 << 20 },
          (err, stdout, stderr) => {
            const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
            res({ code, stdout, stderr });
          },
        );
      }),
    stop: async (opts) => {
      if (stopped) return;
      stopped = true;
      const keepDir = opts?.keepDir ?? (!isTemp || keep());
      await stopDir(s.dir, { keepDir });
      if (isTemp && !keepDir) rmSync(s.dir, { recursive: true, force: true });
    },
  };
  return tb;
}
