// Check 7: the namespace exists in each consumer (MCS creates imports only where it exists, mcs-api#66),
// and for Cilium it is global: annotation `clustermesh.cilium.io/global`, else cilium-config
// `clustermesh-default-global-namespace` (Helm default true).
import type { Result } from '../../faults';
import { defineCheck, type Outcome } from '../check';
import { readCiliumConfig } from './03-controller';
import { fail, kubectl, pass, unreadable, valueOrAbsent } from './util';

interface Ns {
  namespace: { metadata?: { annotations?: Record<string, string> } } | null;
  cilium: Record<string, string> | null | undefined;
}

export const GLOBAL_ANNOTATION = 'clustermesh.cilium.io/global';

export const namespace = defineCheck<Ns>({
  id: 'namespace',
  title: 'The namespace exists in each consumer cluster',
  scope: 'consumers',
  // Without the CRDs nothing is imported anyway: that is crds-missing.
  needs: ['crds'],
  async read(a, svc): Promise<Result<Ns>> {
    const ns = valueOrAbsent(
      await a.getJson<NonNullable<Ns['namespace']>>(
        `/api/v1/namespaces/${encodeURIComponent(svc.namespace)}`,
        `Namespace ${svc.namespace}`,
      ),
    );
    if (ns && 'fault' in ns) return { ok: false, fault: ns.fault };
    const cc = await readCiliumConfig(a);
    return { ok: true, value: { namespace: ns?.value ?? null, cilium: cc.ok ? cc.value : undefined } };
  },
  run(ctx, reads) {
    const ns = ctx.service.namespace;
    return ctx.consumers.map((c): Outcome => {
      const r = reads(c);
      const commands = [kubectl(ctx, c, `get namespace ${ns} -o yaml`)];
      if (!r) return { cluster: c, status: 'skip', detail: `cannot run: namespace ${ns} was not read`, commands };
      if (!r.ok) return unreadable(c, r.fault, `Namespace ${ns}`);
      if (!r.value.namespace)
        return fail(c, 'namespace-missing', `namespace ${ns} does not exist in ${c}, so no ServiceImport can be created there`, {
          evidence: [{ cluster: c, object: `Namespace ${ns}`, excerpt: 'not found' }],
          commands: [...commands, kubectl(ctx, c, `create namespace ${ns}`)],
        });
      if (ctx.implementationOf(c) === 'cilium') {
        const annotation = r.value.namespace.metadata?.annotations?.[GLOBAL_ANNOTATION];
        const dflt = r.value.cilium?.['clustermesh-default-global-namespace'];
        const global = annotation !== undefined ? annotation === 'true' : dflt !== 'false';
        if (!global)
          return fail(
            c,
            'namespace-not-global',
            `namespace ${ns} in ${c} is not global for ClusterMesh (${annotation !== undefined ? `annotation ${GLOBAL_ANNOTATION}="${annotation}"` : 'cilium-config clustermesh-default-global-namespace is "false" and the namespace is not annotated'})`,
            {
              evidence: [
                annotation !== undefined
                  ? {
                      cluster: c,
                      object: `Namespace ${ns}`,
                      field: `metadata.annotations["${GLOBAL_ANNOTATION}"]`,
                      excerpt: annotation,
                    }
                  : {
                      cluster: c,
                      object: 'ConfigMap kube-system/cilium-config',
                      field: 'data.clustermesh-default-global-namespace',
                      excerpt: 'false',
                    },
              ],
              commands: [kubectl(ctx, c, `annotate namespace ${ns} ${GLOBAL_ANNOTATION}=true --overwrite`)],
            },
          );
        return pass(c, `namespace ${ns} exists in ${c} and is global for ClusterMesh`);
      }
      return pass(c, `namespace ${ns} exists in ${c}`);
    });
  },
});
