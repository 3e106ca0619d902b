// Check 6: the ServiceExport's status as the controller wrote it (mcs-api conditions Valid, Ready,
// Conflict, plus Cilium's NamespaceNotGlobal and Lighthouse's own reasons). An export without any
// condition although a controller runs was never reconciled; the AWS controller sets no conditions.
import type { Condition } from '../../inventory/snapshot';
import type { CauseId } from '../causes';
import { defineCheck, type Outcome } from '../check';
import { excerpt, fail, kubectl, pass, ref, warn } from './util';

/** A Pending export younger than this is still propagating (conformance allows 20 s for imports, 60 s for slices). */
export const PENDING_GRACE_MS = 60_000;

const INVALID_CAUSE: Record<string, CauseId> = {
  NoService: 'service-missing',
  ServiceUnavailable: 'service-missing',
  NamespaceNotGlobal: 'namespace-not-global',
};

const show = (k: Condition) =>
  `${k.type}=${k.status}${k.reason ? ` ${k.reason}` : ''}${k.message ? `: ${excerpt(k.message, 120)}` : ''}`;

export const exportStatus = defineCheck({
  id: 'export-status',
  title: 'ServiceExport status is Valid and Ready, without conflict',
  scope: 'exporters',
  needs: ['crds', 'controller', 'service'],
  run(ctx) {
    return ctx.exporters.map((c): Outcome => {
      const e = ctx.exportIn(c);
      const conds = e?.conditions ?? [];
      const object = ref('ServiceExport', ctx.service.namespace, ctx.service.name);
      const commands = [
        kubectl(ctx, c, `-n ${ctx.service.namespace} describe serviceexports.multicluster.x-k8s.io ${ctx.service.name}`),
      ];
      const ev = (k: Condition) => ({ cluster: c, object, field: `status.conditions[type=${k.type}]`, excerpt: show(k) });
      if (conds.length === 0) {
        if (ctx.implementationOf(c) === 'aws')
          return pass(c, 'no status conditions, as the AWS Cloud Map controller never sets them');
        return fail(
          c,
          'export-not-ready',
          `ServiceExport ${ctx.serviceRef} in ${c} has no status at all: no controller ever reconciled it`,
          {
            evidence: [{ cluster: c, object, field: 'status.conditions', excerpt: '(empty)' }],
            commands,
          },
        );
      }
      const get = (t: string) => conds.find((k) => k.type === t);
      const valid = get('Valid');
      if (valid?.status === 'False') {
        const cause = INVALID_CAUSE[valid.reason ?? ''] ?? 'export-invalid';
        return fail(c, cause, `ServiceExport ${ctx.serviceRef} in ${c} is not valid: ${show(valid)}`, {
          evidence: [ev(valid)],
          commands,
        });
      }
      const conflict = get('Conflict');
      if (conflict?.status === 'True')
        return fail(
          c,
          'export-conflict',
          `ServiceExport ${ctx.serviceRef} in ${c} conflicts with the other exports: ${show(conflict)}`,
          { evidence: [ev(conflict)], commands },
        );
      const ready = get('Ready') ?? get('Synced');
      if (!ready)
        return warn(
          c,
          `ServiceExport ${ctx.serviceRef} in ${c} is Valid but has no Ready condition (this controller may not set one)`,
          { commands },
        );
      if (ready.status !== 'True') {
        const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : NaN;
        const young = Number.isFinite(since) && ctx.now.getTime() - since < PENDING_GRACE_MS;
        if (young && (ready.reason ?? 'Pending') === 'Pending')
          return warn(
            c,
            `ServiceExport ${ctx.serviceRef} in ${c} is still pending (since ${ready.lastTransitionTime}); run again in a minute`,
            { evidence: [ev(ready)], commands },
          );
        return fail(c, 'export-not-ready', `ServiceExport ${ctx.serviceRef} in ${c} is not ready: ${show(ready)}`, {
          evidence: [ev(ready)],
          commands,
        });
      }
      return pass(
        c,
        `ServiceExport ${ctx.serviceRef} in ${c}: ${[valid, ready, conflict]
          .filter((k): k is Condition => !!k)
          .map((k) => `${k.type}=${k.status}`)
          .join(', ')}`,
      );
    });
  },
});
