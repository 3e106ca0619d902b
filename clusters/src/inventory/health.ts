// health(service): healthy / degraded / broken with reasons, the same judgement for the tree, `status` and
// the runbook. Pure. The model follows the mcs-api conformance suite (kubernetes-sigs/mcs-api conformance/):
// exporting clusters have a Service that may be exported and a Valid export without Conflict; every cluster
// that has the namespace has a ServiceImport of the right type, ClusterSetIP with an IP per family and the
// exported ports; where the implementation publishes MCS EndpointSlices, each consumer has ready endpoints
// from every other exporting cluster. Implementation-aware: Cilium syncs remote EndpointSlices only for
// headless imports unless endpoint sync is on; Submariner allocates no clusterset IP unless asked; GKE and
// Istio publish no MCS EndpointSlices. A cluster that could not be read is "unknown", never "missing".
import type {
  ClusterState,
  ClustersetSnapshot,
  Condition,
  EndpointSliceState,
  ExportState,
  Health,
  ImportState,
  McsImplementation,
  ServiceInCluster,
  ServiceSummary,
} from './snapshot';

/** Conformance waits 20 s for an import; GKE documents up to 5 minutes for a first export. */
const PENDING_MS: Partial<Record<McsImplementation, number>> = { gke: 300_000 };
const DEFAULT_PENDING_MS = 60_000;

const keyOf = (ns: string | undefined, name: string) => `${ns ?? ''}/${name}`;
const cond = (conds: Condition[] | undefined, type: string) => conds?.find((c) => c.type === type);
const said = (c: Condition) => `${c.reason ?? c.status}${c.message ? `: ${c.message}` : ''}`;
const portKey = (p: { port: number; protocol: string }) => `${p.port}/${p.protocol}`;

interface Judgement {
  broken: string[];
  degraded: string[];
  notes: string[];
}

interface Context {
  clusters: Map<string, ClusterState>;
  /** Cluster id (ClusterProperty) or member name → member name. */
  idToName: Map<string, string>;
  /** Per member its namespaces, when they were read (a Set per snapshot, not a scan per service). */
  namespaces: Map<string, Set<string>>;
  implementationOf(cluster: string): McsImplementation;
  takenAt: number;
}

function contextOf(snapshot: ClustersetSnapshot, implementation?: McsImplementation): Context {
  const clusters = new Map(snapshot.clusters.map((c) => [c.name, c]));
  const idToName = new Map<string, string>();
  for (const c of snapshot.clusters) idToName.set(c.name, c.name);
  // An id wins over a same-spelled member name: the label carries ids.
  for (const c of snapshot.clusters) if (c.clusterId) idToName.set(c.clusterId, c.name);
  const takenAt = Date.parse(snapshot.takenAt);
  const namespaces = new Map<string, Set<string>>();
  for (const c of snapshot.clusters) if (c.namespaces) namespaces.set(c.name, new Set(c.namespaces));
  return {
    clusters,
    idToName,
    namespaces,
    // What was detected in the cluster wins; the declared implementation (ClusterSet file, setting) fills in
    // where detection found nothing (e.g. a reader role that may not see the controllers).
    implementationOf: (name) => {
      const detected = clusters.get(name)?.implementation;
      return detected && detected !== 'generic' ? detected : (implementation ?? 'generic');
    },
    takenAt: Number.isFinite(takenAt) ? takenAt : Date.now(),
  };
}

/** Whether a cluster's objects of this kind were read (so absence means absence). */
function judged(c: ClusterState | undefined, resource: 'ServiceExports' | 'ServiceImports' | 'EndpointSlices'): boolean {
  if (!c || c.fault) return false;
  return !(c.partial ?? []).some((p) => p.resource.startsWith(resource));
}

/** Why an export cannot feed the import, or undefined when it can. */
function unusable(e: ExportState): string | undefined {
  const where = `${e.ref.cluster}`;
  if (e.service === null) return `no Service ${e.ref.namespace}/${e.ref.name} in ${where} behind its ServiceExport`;
  if (e.service?.type === 'ExternalName') return `the Service in ${where} is ExternalName, which cannot be exported`;
  const valid = cond(e.conditions, 'Valid');
  if (valid?.status === 'False') return `ServiceExport in ${where} is not valid (${said(valid)})`;
  const ready = cond(e.conditions, 'Ready');
  if (ready?.status === 'False' && /fail/i.test(ready.reason ?? '')) return `export from ${where} failed (${said(ready)})`;
  return undefined;
}

function judgeExports(exps: ExportState[], ctx: Context, j: Judgement): ExportState[] {
  const usable: ExportState[] = [];
  for (const e of exps) {
    const why = unusable(e);
    if (why) {
      j.degraded.push(why);
      continue;
    }
    usable.push(e);
    const conflict = cond(e.conditions, 'Conflict');
    if (conflict?.status === 'True') j.degraded.push(`conflict reported on the export in ${e.ref.cluster} (${said(conflict)})`);
    const ready = cond(e.conditions, 'Ready');
    if (ready && ready.status !== 'True') j.degraded.push(`export from ${e.ref.cluster} not ready yet (${said(ready)})`);
    const impl = ctx.implementationOf(e.ref.cluster);
    // These controllers always write status; none at all means nothing reconciled the export.
    if (e.conditions.length === 0 && (impl === 'cilium' || impl === 'submariner' || impl === 'gke'))
      j.degraded.push(`the export in ${e.ref.cluster} has no status conditions: the ${impl} controller has not processed it`);
  }
  if (exps.length > 0 && usable.length === 0) {
    // Every export is unusable: nothing can reach the consumers.
    j.broken.push(...j.degraded.splice(0));
  }
  return usable;
}

/** The export whose Service decides type and ports (oldest creationTimestamp, ties by cluster name — KEP-1645). */
function oldest(exps: ExportState[]): ExportState | undefined {
  return [...exps].sort(
    (a, b) => (a.creationTimestamp ?? '').localeCompare(b.creationTimestamp ?? '') || a.ref.cluster.localeCompare(b.ref.cluster),
  )[0];
}

function wantsClustersetIp(usable: ExportState[], impl: McsImplementation): boolean {
  if (impl !== 'submariner') return true;
  return usable.some((e) => e.annotations?.['lighthouse.submariner.io/use-clusterset-ip'] === 'true');
}

/** `first` is the oldest usable export (it decides type and ports). */
function judgeImport(i: ImportState, usable: ExportState[], first: ExportState | undefined, ctx: Context, j: Judgement): void {
  const c = i.ref.cluster;
  const impl = ctx.implementationOf(c);
  if (first?.service) {
    const want = first.service.headless ? 'Headless' : 'ClusterSetIP';
    if (i.type && i.type !== want)
      j.degraded.push(`the import in ${c} is ${i.type}, but the oldest export (${first.ref.cluster}) is ${want}`);
  }
  if (i.type === 'Headless' && i.ips.length > 0) j.degraded.push(`the Headless import in ${c} has IPs (${i.ips.join(', ')})`);
  if (i.type !== 'Headless') {
    if (i.ips.length === 0 && wantsClustersetIp(usable, impl))
      j.degraded.push(
        `no clusterset IP on the import in ${c}: ${i.ref.name}.${i.ref.namespace}.svc.clusterset.local has no address there`,
      );
    else if (i.ipFamilies?.length && i.ips.length > 0 && i.ips.length !== i.ipFamilies.length)
      j.degraded.push(`the import in ${c} has ${i.ips.length} IP(s) for ${i.ipFamilies.length} IP families`);
  }
  const ported = usable.filter((e) => e.service);
  if (ported.length > 0) {
    const have = new Set(i.ports.map(portKey));
    const missing = new Map<string, string>();
    for (const e of ported)
      for (const p of e.service?.ports ?? [])
        if (!have.has(portKey(p)) && !missing.has(portKey(p))) missing.set(portKey(p), e.ref.cluster);
    for (const [p, from] of missing) j.degraded.push(`the import in ${c} lacks port ${p} that ${from} exports`);
  }
  const ready = cond(i.conditions, 'Ready');
  if (ready && ready.status === 'False') j.degraded.push(`the import in ${c} is not ready (${said(ready)})`);
}

/**
 * Whether MCS EndpointSlices are expected in a consumer (by implementation; for a generic one only where it
 * is seen to publish them), and whether traffic depends on them there. Cilium's datapath balances
 * ClusterSetIP imports without them (synced slices serve other consumers, e.g. Gateway API), while a
 * headless import's DNS answers come from them.
 */
function expectsSlices(
  c: string,
  i: ImportState,
  usable: ExportState[],
  seenHere: boolean,
  ctx: Context,
): { expected: boolean; essential: boolean } {
  const impl = ctx.implementationOf(c);
  if (impl === 'gke' || impl === 'istio') return { expected: false, essential: false };
  if (impl === 'cilium') {
    const headless = i.type === 'Headless';
    const sync =
      ctx.clusters.get(c)?.endpointSliceSync === true ||
      usable.some((e) => e.service?.annotations?.['service.cilium.io/global-sync-endpoint-slices'] === 'true');
    return { expected: headless || sync, essential: headless };
  }
  if (impl === 'generic') return { expected: seenHere, essential: seenHere };
  return { expected: true, essential: true };
}

function slicesBySource(
  slices: EndpointSliceState[],
  ctx: Context,
): Map<string, { ready: number; total: number; slices: number }> {
  const out = new Map<string, { ready: number; total: number; slices: number }>();
  for (const s of slices) {
    const source = s.sourceCluster ? (ctx.idToName.get(s.sourceCluster) ?? s.sourceCluster) : '(no source-cluster label)';
    const acc = out.get(source) ?? { ready: 0, total: 0, slices: 0 };
    acc.ready += s.ready;
    acc.total += s.total;
    acc.slices += 1;
    out.set(source, acc);
  }
  return out;
}

interface EndpointView {
  perCluster: Map<string, ServiceInCluster['endpoints']>;
  endpoints: Record<string, number>;
}

function judgeEndpoints(
  imps: ImportState[],
  usable: ExportState[],
  slicesIn: Map<string, EndpointSliceState[]>,
  ctx: Context,
  j: Judgement,
): EndpointView {
  const perCluster = new Map<string, ServiceInCluster['endpoints']>();
  const seenBy = new Map<string, number[]>();
  const expectedBy = new Map<string, number[]>();
  let consumersExpecting = 0;
  let consumersWithNone = 0;
  const bySourceIn = new Map<string, ReturnType<typeof slicesBySource>>();
  for (const [c, slices] of slicesIn) {
    const bySource = slicesBySource(slices, ctx);
    bySourceIn.set(c, bySource);
    perCluster.set(
      c,
      [...bySource].map(([source, v]) => ({ source, ...v })),
    );
  }
  for (const i of imps) {
    const c = i.ref.cluster;
    const here = slicesIn.get(c) ?? [];
    const bySource = bySourceIn.get(c) ?? slicesBySource(here, ctx);
    for (const [source, v] of bySource)
      if (source !== c) (seenBy.get(source) ?? seenBy.set(source, []).get(source))?.push(v.ready);
    if (!judged(ctx.clusters.get(c), 'EndpointSlices')) {
      j.notes.push(`endpoints in ${c} unknown: its EndpointSlices could not be read`);
      continue;
    }
    const want = expectsSlices(c, i, usable, here.length > 0, ctx);
    if (!want.expected) continue;
    const sources = usable.map((e) => e.ref.cluster).filter((x) => x !== c);
    if (sources.length === 0) continue;
    if (want.essential) consumersExpecting++;
    let readyHere = 0;
    for (const s of sources) {
      const v = bySource.get(s);
      (expectedBy.get(s) ?? expectedBy.set(s, []).get(s))?.push(v?.ready ?? 0);
      readyHere += v?.ready ?? 0;
      if (!v) j.degraded.push(`no EndpointSlice from ${s} in ${c}`);
      else if (v.ready === 0) j.degraded.push(`0 of ${v.total} endpoints from ${s} are ready in ${c}`);
    }
    if (readyHere === 0 && want.essential) consumersWithNone++;
  }
  if (consumersExpecting > 0 && consumersWithNone === consumersExpecting)
    j.broken.push('no consumer has a ready endpoint from another cluster');
  const endpoints: Record<string, number> = {};
  // The fewest ready endpoints any consumer that should see the source sees; else what was seen at all.
  for (const [s, counts] of expectedBy) endpoints[s] = Math.min(...counts);
  for (const [s, counts] of seenBy) if (!(s in endpoints)) endpoints[s] = Math.max(...counts);
  return { perCluster, endpoints };
}

function judgeImports(
  key: string,
  exps: ExportState[],
  usable: ExportState[],
  imps: ImportState[],
  ctx: Context,
  j: Judgement,
): void {
  const ns = key.slice(0, key.indexOf('/'));
  const importedIn = new Set(imps.map((i) => i.ref.cluster));
  if (exps.length === 0) {
    if (imps.length === 0) return;
    // A cluster without the MCS API has no exports: that is known, not unknown.
    const unread = [...ctx.clusters.values()].some((c) => c.fault?.kind !== 'crdMissing' && !judged(c, 'ServiceExports'));
    (unread ? j.degraded : j.broken).push(
      `imported in ${[...importedIn].join(', ')} but exported from no cluster${unread ? ' that answered' : ''}: a stale import`,
    );
    return;
  }
  if (usable.length === 0) return;
  const expected: string[] = [];
  for (const c of ctx.clusters.values()) {
    const known = ctx.namespaces.get(c.name);
    const hasNs = known ? known.has(ns) : exps.some((e) => e.ref.cluster === c.name);
    if (!hasNs) continue;
    if (c.fault?.kind === 'crdMissing') j.degraded.push(`${c.name} has namespace ${ns} but no MCS API: it cannot import`);
    else if (judged(c, 'ServiceImports')) expected.push(c.name);
  }
  const missing = expected.filter((c) => !importedIn.has(c));
  const first = oldest(usable);
  if (imps.length === 0 && missing.length > 0) {
    const age = first?.creationTimestamp ? ctx.takenAt - Date.parse(first.creationTimestamp) : Infinity;
    const limit = PENDING_MS[ctx.implementationOf(first?.ref.cluster ?? '')] ?? DEFAULT_PENDING_MS;
    if (age < limit) j.degraded.push(`pending: exported ${Math.round(age / 1000)} s ago, no ServiceImport yet`);
    else j.broken.push(`no ServiceImport in any cluster (expected in ${missing.join(', ')}): is the MCS controller running?`);
    return;
  }
  for (const c of missing) j.degraded.push(`no ServiceImport in ${c}, which has namespace ${ns}`);
  const exporters = new Set(exps.map((e) => e.ref.cluster));
  for (const i of imps) {
    judgeImport(i, usable, first, ctx, j);
    for (const s of i.statusClusters) {
      const name = ctx.idToName.get(s) ?? s;
      const known = ctx.clusters.get(name);
      if (known && judged(known, 'ServiceExports') && !exporters.has(name))
        j.degraded.push(
          `the import in ${i.ref.cluster} lists ${name} in status.clusters, but ${name} no longer exports it (stale)`,
        );
    }
  }
  const someIp = imps.some((i) => i.type === 'Headless' || i.ips.length > 0);
  if (!someIp && imps.every((i) => wantsClustersetIp(usable, ctx.implementationOf(i.ref.cluster))))
    j.broken.push('no import has a clusterset IP: nothing resolves to the service');
}

function judgeControllers(names: Set<string>, ctx: Context, j: Judgement): void {
  for (const n of names) {
    const c = ctx.clusters.get(n);
    if (c?.controllerReady === false) j.degraded.push(`controller in ${n} not ready (${c.controller ?? c.implementation})`);
  }
}

function healthOf(j: Judgement): Health {
  return j.broken.length ? 'broken' : j.degraded.length ? 'degraded' : 'healthy';
}

const dedupe = (xs: string[]) => [...new Set(xs)];

/**
 * Every service of the snapshot (a ServiceExport or ServiceImport anywhere), judged. `implementation` is the
 * declared one (ClusterSet file or setting), used for clusters where detection found no known controller.
 */
export function summarizeServices(snapshot: ClustersetSnapshot, implementation?: McsImplementation): ServiceSummary[] {
  const ctx = contextOf(snapshot, implementation);
  const order = new Map(snapshot.clusters.map((c, i) => [c.name, i]));
  // In member order (stable; an unknown cluster counts as the first) once for the snapshot, so every service's
  // exports and imports come out of the buckets below in that order without a sort per service.
  const inMemberOrder = <T extends { ref: { cluster: string } }>(xs: readonly T[]): T[] => {
    const buckets: T[][] = snapshot.clusters.map(() => []);
    if (buckets.length === 0) return [...xs];
    for (const x of xs) buckets[order.get(x.ref.cluster) ?? 0]?.push(x);
    return buckets.flat();
  };
  const exportsBy = new Map<string, ExportState[]>();
  const importsBy = new Map<string, ImportState[]>();
  const slicesBy = new Map<string, Map<string, EndpointSliceState[]>>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => (m.get(k) ?? m.set(k, []).get(k))?.push(v);
  for (const e of inMemberOrder(snapshot.exports)) push(exportsBy, keyOf(e.ref.namespace, e.ref.name), e);
  for (const i of inMemberOrder(snapshot.imports)) push(importsBy, keyOf(i.ref.namespace, i.ref.name), i);
  for (const s of snapshot.endpointSlices) {
    if (!s.serviceName) continue;
    const k = keyOf(s.ref.namespace, s.serviceName);
    const m = slicesBy.get(k) ?? slicesBy.set(k, new Map()).get(k);
    if (m) push(m, s.ref.cluster, s);
  }
  const keys = [...new Set([...exportsBy.keys(), ...importsBy.keys()])].sort();
  const unread = snapshot.clusters.filter((c) => c.fault && c.fault.kind !== 'crdMissing');
  return keys.map((key) => {
    const exps = exportsBy.get(key) ?? [];
    const imps = importsBy.get(key) ?? [];
    const j: Judgement = { broken: [], degraded: [], notes: [] };
    const usable = judgeExports(exps, ctx, j);
    judgeImports(key, exps, usable, imps, ctx, j);
    const view = judgeEndpoints(imps, usable, slicesBy.get(key) ?? new Map(), ctx, j);
    const names = new Set([...exps, ...imps].map((o) => o.ref.cluster));
    judgeControllers(names, ctx, j);
    for (const c of unread) j.notes.push(`unknown in ${c.name}: not read (${c.fault?.kind})`);
    const slash = key.indexOf('/');
    for (const c of view.perCluster.keys()) names.add(c);
    const perCluster: ServiceInCluster[] = snapshot.clusters
      .filter((c) => names.has(c.name))
      .map((c) => {
        const ex = exps.find((e) => e.ref.cluster === c.name);
        const im = imps.find((i) => i.ref.cluster === c.name);
        return {
          cluster: c.name,
          ...(ex ? { export: ex } : {}),
          ...(im ? { import: im } : {}),
          endpoints: view.perCluster.get(c.name) ?? [],
        };
      });
    return {
      namespace: key.slice(0, slash),
      name: key.slice(slash + 1),
      exportedFrom: dedupe(exps.map((e) => e.ref.cluster)),
      importedIn: dedupe(imps.map((i) => i.ref.cluster)),
      endpoints: view.endpoints,
      health: healthOf(j),
      reasons: dedupe([...j.broken, ...j.degraded, ...j.notes]),
      perCluster,
    };
  });
}
