// The `clusterset doctor --format json` contract: `service`, `checks[]` {id, title, cluster, status, detail,
// fix}, `causes[]` {id, clusters, summary, fix}; the contract keys come first and are never renamed.
// Extra keys (evidence, causes per check, healthy, implementation) may be added, never removed.
import type { RunbookReport } from '../run';

export const JSON_REPORT_VERSION = 1;

export function toJsonReport(r: RunbookReport): object {
  return {
    service: r.service,
    checks: r.checks.map((c) => ({
      id: c.id,
      title: c.title,
      cluster: c.cluster,
      status: c.status,
      detail: c.detail,
      fix: c.fix ?? null,
      causes: c.causes ?? [],
      evidence: c.evidence ?? [],
      commands: c.commands ?? [],
    })),
    causes: r.causes.map((c) => ({ id: c.id, clusters: c.clusters, summary: c.summary, fix: c.fix })),
    version: JSON_REPORT_VERSION,
    healthy: r.healthy,
    implementation: r.implementation,
    clusters: r.clusters,
    probe: r.probe,
    cancelled: r.cancelled,
    startedAt: r.startedAt,
    durationMs: r.durationMs,
  };
}

export function formatJsonReport(r: RunbookReport): string {
  return `${JSON.stringify(toJsonReport(r), null, 2)}\n`;
}
