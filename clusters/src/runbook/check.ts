// The runbook's check model: a check is data (id, scope, prerequisites) plus an optional per-cluster read
// of objects the inventory snapshot does not carry, and a `run` that turns the snapshot and those reads
// into typed outcomes per cluster. Checks never print and never throw: the runner catches, bounds and
// orders them, and the report renderers (report/) present the same results as Markdown, text or JSON.
import type { ClusterAccess } from '../access';
import type { ClusterCidrReport } from '../cidrs';
import type { Result } from '../faults';
import type {
  ClusterState,
  ClustersetSnapshot,
  EndpointSliceState,
  ExportState,
  ImportState,
  McsImplementation,
  ServiceKey,
} from '../inventory/snapshot';
import type { CauseId } from './causes';
import type { RunbookClusterSet } from './clusterSetFile';

export type CheckId =
  | 'reach'
  | 'cidrs'
  | 'crds'
  | 'controller'
  | 'cluster-ids'
  | 'service'
  | 'export-status'
  | 'namespace'
  | 'import'
  | 'endpoints'
  | 'dns'
  | 'path'
  | 'probe';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** Which clusters a check speaks about: the clusterset as a whole, every member, or one side of the service. */
export type CheckScope = 'clusterset' | 'each' | 'exporters' | 'consumers';

/** Where a finding was seen: never a secret, only names, field paths and short excerpts. */
export interface Evidence {
  cluster: string;
  /** e.g. `ServiceExport shop/web`, `ConfigMap kube-system/coredns`. */
  object: string;
  /** e.g. `status.conditions[type=Ready]`. */
  field?: string;
  excerpt?: string;
}

export interface Outcome {
  /** The cluster this outcome is about; null for the clusterset as a whole. */
  cluster: string | null;
  status: CheckStatus;
  detail: string;
  evidence?: Evidence[];
  causes?: CauseId[];
  /** Overrides the causes' fix text. */
  fix?: string;
  /** kubectl (or implementation CLI) commands that verify this by hand. */
  commands?: string[];
}

/** One member cluster of the run: its ClusterSet name (else the context name) and its context. */
export interface RunbookMember {
  name: string;
  context: string;
}

/** What a check's read gets: read-only GETs on one cluster, memoised per run (one GET per path). */
export interface ReadAccess extends Pick<ClusterAccess, 'getJson' | 'listAll'> {
  cluster: string;
  context: string;
  /** The CIDR discovery of clusters/src/cidrs.ts for this cluster (check 1). */
  discoverCidrs(): Promise<ClusterCidrReport>;
}

/** Creates and always deletes the reachability pod (check 12); only given when the user confirmed. */
export interface Prober {
  /** The pod the probe would create in `cluster`, for the confirmation dialog. */
  describe(cluster: string): string;
  probe(cluster: string, name: string, port: number | undefined): Promise<ProbeResult>;
}

export type ProbeResult =
  | { kind: 'ok'; pod: string; output: string; deleted: boolean }
  | { kind: 'failed'; pod: string; output: string; deleted: boolean }
  | { kind: 'not-run'; pod: string; why: string; deleted: boolean };

export interface CheckContext {
  service: ServiceKey;
  /** `ns/name`. */
  serviceRef: string;
  /** The clusterset's profile (flag, ClusterSet file, setting, else detection). */
  implementation: McsImplementation;
  members: RunbookMember[];
  snapshot: ClustersetSnapshot;
  clusterSet?: RunbookClusterSet;
  /** Clusters with a ServiceExport of the service. */
  exporters: string[];
  /** Clusters that should import it (the ClusterSet file's consumers plus exporters, else every member). */
  consumers: string[];
  now: Date;
  state(cluster: string): ClusterState | undefined;
  /** The cluster's own profile: detected per cluster, else the clusterset's. */
  implementationOf(cluster: string): McsImplementation;
  exportIn(cluster: string): ExportState | undefined;
  importIn(cluster: string): ImportState | undefined;
  /** MCS EndpointSlices of the service in `cluster`. */
  slicesIn(cluster: string): EndpointSliceState[];
  /** The id other clusters know `cluster` by (ClusterProperty, else the implementation's id, else its name). */
  clusterIdOf(cluster: string): string;
  /** Outcomes of a check that already ran. */
  outcomesOf(id: CheckId): Outcome[];
  prober?: Prober;
}

/** A check's reads, by cluster; undefined for a cluster that was not read. */
export type Reads<R> = (cluster: string) => Result<R> | undefined;

export interface Check<R = unknown> {
  id: CheckId;
  title: string;
  scope: CheckScope;
  /** Checks whose failure (for the same cluster, or everywhere) makes this one meaningless. */
  needs: CheckId[];
  /** Objects beyond the snapshot, read from every member at the start of the run (in parallel). */
  read?: (a: ReadAccess, service: ServiceKey) => Promise<Result<R>>;
  run(ctx: CheckContext, reads: Reads<R>): Outcome[] | Promise<Outcome[]>;
}

/** One line of the report: a check's outcome for one cluster (or the clusterset). */
export interface CheckResult extends Outcome {
  id: CheckId;
  title: string;
  /** Position in the runbook (0 = reach). */
  order: number;
  durationMs: number;
}

/** Registers a check with its read type erased (the registry holds checks of different reads). */
export const defineCheck = <R>(check: Check<R>): Check => check as unknown as Check;
