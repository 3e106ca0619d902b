// Check 12: reachability, the only check that writes. Runs only when the user confirmed the pod it
// creates (palette dialog, CLI --probe): a short-lived pod in each consumer resolves the clusterset name
// and connects to the first port; the Prober always deletes it, and a pod that no node ran in time is
// reported as skipped with why (never as a failure of the service).
import { defineCheck, type Outcome } from '../check';
import { excerpt, fail, pass } from './util';

export const probe = defineCheck({
  id: 'probe',
  title: 'A probe pod in each consumer resolves and connects',
  scope: 'consumers',
  needs: ['import', 'dns'],
  async run(ctx) {
    const prober = ctx.prober;
    if (!prober)
      return [
        {
          cluster: null,
          status: 'skip',
          detail:
            'not run: the reachability probe creates a pod, and was not requested (CLI --probe, or confirm it in the editor)',
        },
      ];
    const fqdn = `${ctx.service.name}.${ctx.service.namespace}.svc.clusterset.local`;
    const port = ctx.exporters.map((c) => ctx.exportIn(c)?.service?.ports[0]?.port).find((p) => p !== undefined);
    const targets = ctx.consumers.filter((c) => ctx.state(c)?.reachable);
    const results = await Promise.all(targets.map(async (c) => ({ c, r: await prober.probe(c, fqdn, port) })));
    return results.map(({ c, r }): Outcome => {
      const cleanup = r.deleted ? `pod ${r.pod} deleted` : `pod ${r.pod} could NOT be confirmed deleted: delete it by hand`;
      const evidence = [
        {
          cluster: c,
          object: `Pod ${ctx.service.namespace}/${r.pod}`,
          excerpt: excerpt(r.kind === 'not-run' ? r.why : r.output),
        },
      ];
      if (r.kind === 'not-run') return { cluster: c, status: 'skip', detail: `probe not run: ${r.why}; ${cleanup}`, evidence };
      if (r.kind === 'ok')
        return pass(c, `${fqdn}${port ? `:${port}` : ''} resolved and answered from ${c}; ${cleanup}`, { evidence });
      const dnsFailed = /can't resolve|NXDOMAIN|server can't find|bad address/i.test(r.output);
      if (dnsFailed)
        return fail(c, 'dns-not-configured', `the probe pod in ${c} could not resolve ${fqdn}; ${cleanup}`, { evidence });
      return {
        cluster: c,
        status: 'fail',
        detail: `the probe pod in ${c} resolved ${fqdn} but could not connect${port ? ` to port ${port}` : ''} (tunnel, firewall or policy on the way); ${cleanup}`,
        evidence,
      };
    });
  },
});
