// The last redaction before a CIDR report is shown (CLI output, the editor's output channel): fault messages
// were redacted when they were made (makeFault), but a secret can become known later (a plugin of another
// context issued it meanwhile), and warnings quote cluster data (ConfigMap text). Both pass redact() once
// more; the context name and server URL stay readable.
import type { ClusterCidrReport } from './cidrs';
import type { ClusterFault } from './faults';
import { redact } from './redact';

export function scrubReport(r: ClusterCidrReport): ClusterCidrReport {
  const keep = { keep: [r.context, r.server] };
  // Already pattern-redacted: only the secrets learnt since.
  const f = (x: ClusterFault): ClusterFault => ({ ...x, message: redact(x.message, [], { verbatimOnly: true }) });
  return {
    ...r,
    ...(r.fault ? { fault: f(r.fault) } : {}),
    warnings: r.warnings.map((w) => redact(w, [], keep)),
    sources: r.sources.map((s) => (s.fault ? { ...s, fault: f(s.fault) } : s)),
  };
}
