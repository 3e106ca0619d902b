// The report's one-line verdict, shared by every renderer and the palette's notification.
import type { RunbookReport } from '../run';

export function summaryLine(r: RunbookReport): string {
  const failed = r.checks.filter((c) => c.status === 'fail' && !c.causes?.length).length;
  if (r.cancelled) return `${r.service}: cancelled — the report is incomplete`;
  if (r.causes.length === 0 && failed === 0) {
    const skipped = r.checks.filter((c) => c.status === 'skip' && c.id !== 'probe').length;
    return `${r.service}: healthy${skipped ? ` (${skipped} check(s) skipped)` : ''}`;
  }
  const n = r.causes.length;
  const ids = r.causes.map((c) => c.id).join(', ');
  return `${r.service}: ${n} cause${n === 1 ? '' : 's'}${n ? ` (${ids})` : ''}${failed ? `, ${failed} failed check(s) without a named cause` : ''}`;
}

/** Whether the run found nothing wrong (exit code 0 of `clusterset doctor`). */
export function isHealthy(r: RunbookReport): boolean {
  return !r.cancelled && r.causes.length === 0 && !r.checks.some((c) => c.status === 'fail');
}
