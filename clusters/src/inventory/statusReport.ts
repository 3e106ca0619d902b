// The `clusterset status --format json` contract, built from a snapshot and its service summaries: stable
// key order, no credentials (faults are redacted when built), only what the contract names plus the few
// extra keys documented in docs/inventory.md.
import { describeFault } from '../faults';
import type { ClusterState, ClustersetSnapshot, ServiceSummary } from './snapshot';

export interface StatusCluster {
  name: string;
  context: string;
  reachable: boolean;
  /** The cluster's fault (`kind: message`), null when it answered in full or in part. */
  error: string | null;
  errorKind: string | null;
  implementation: string;
  controllerReady: boolean | null;
  crdVersions: string[];
  clusterId: string | null;
  /** What a partial read could not see (`resource: kind: message`). */
  partial: string[];
}

export interface StatusService {
  namespace: string;
  name: string;
  exportedFrom: string[];
  importedIn: string[];
  endpoints: Record<string, number>;
  health: ServiceSummary['health'];
  reasons: string[];
}

export interface StatusReport {
  clusters: StatusCluster[];
  services: StatusService[];
}

function statusCluster(c: ClusterState): StatusCluster {
  return {
    name: c.name,
    context: c.context,
    reachable: c.reachable,
    error: c.fault ? describeFault(c.fault) : null,
    errorKind: c.fault?.kind ?? null,
    implementation: c.implementation,
    controllerReady: c.controllerReady ?? null,
    crdVersions: [...c.crdVersions],
    clusterId: c.clusterId ?? null,
    partial: (c.partial ?? []).map((p) => `${p.resource}: ${describeFault(p.fault)}`),
  };
}

export function statusReport(snapshot: ClustersetSnapshot, services: ServiceSummary[]): StatusReport {
  return {
    clusters: snapshot.clusters.map(statusCluster),
    services: services.map((s) => ({
      namespace: s.namespace,
      name: s.name,
      exportedFrom: s.exportedFrom,
      importedIn: s.importedIn,
      endpoints: s.endpoints,
      health: s.health,
      reasons: s.reasons,
    })),
  };
}

/** `status` exits 0 only when every member answered (a partial read counts) and every service is healthy. */
export function statusHealthy(report: StatusReport): boolean {
  return report.clusters.every((c) => c.error === null) && report.services.every((s) => s.health === 'healthy');
}
