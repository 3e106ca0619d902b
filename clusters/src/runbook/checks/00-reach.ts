// Check 0: every member answered the inventory read. An unreachable or forbidden cluster is its own cause
// (cluster-unreachable, access-denied), and every later check skips it instead of calling its objects missing.
import { describeFault } from '../../faults';
import { defineCheck, type Outcome } from '../check';
import { causeOfFault, fail, kubectl, pass, warn } from './util';

/** Resources whose denial makes the cluster's MCS state unknowable (the rest limit single checks). */
const ESSENTIAL = /serviceexport|serviceimport/i;

export const reach = defineCheck({
  id: 'reach',
  title: 'Reach every cluster',
  scope: 'each',
  needs: [],
  run(ctx) {
    return ctx.members.map((m): Outcome => {
      const st = ctx.state(m.name);
      const commands = [
        kubectl(ctx, m.name, 'get --raw /version'),
        kubectl(ctx, m.name, 'auth can-i list serviceexports.multicluster.x-k8s.io -A'),
      ];
      if (!st) return { cluster: m.name, status: 'skip', detail: `${m.name} is not in the inventory snapshot`, commands };
      if (!st.reachable || (st.fault && causeOfFault(st.fault))) {
        const f = st.fault ?? { kind: 'unreachable' as const, message: 'no answer' };
        const cause = causeOfFault(f) ?? 'cluster-unreachable';
        return fail(m.name, cause, `${m.name} (context ${m.context}) could not be read: ${describeFault(f)}`, {
          evidence: [{ cluster: m.name, object: `context ${m.context}`, excerpt: f.message }],
          commands,
        });
      }
      const denied = (st.partial ?? []).filter((p) => causeOfFault(p.fault) === 'access-denied');
      const essential = denied.filter((p) => ESSENTIAL.test(p.resource));
      const evidence = denied.map((p) => ({ cluster: m.name, object: p.resource, excerpt: p.fault.message }));
      if (essential.length)
        return fail(
          m.name,
          'access-denied',
          `${m.name}: reading ${essential.map((p) => p.resource).join(', ')} was denied, so its MCS state is unknown`,
          {
            evidence,
            commands,
          },
        );
      if (denied.length)
        return warn(
          m.name,
          `${m.name} answered, but reading ${denied.map((p) => p.resource).join(', ')} was denied; the checks that need them say so (access-denied there)`,
          { evidence, commands },
        );
      const stale = st.staleSince ? ` (data stale since ${st.staleSince})` : '';
      return pass(m.name, `${m.name} answered (implementation: ${st.implementation})${stale}`);
    });
  },
});
