// Check 3: an MCS controller is installed and ready in every cluster (CRDs alone do nothing: mcs-api#23).
// Which workload reconciles depends on the implementation (mcs-facts §8.6); for Cilium the operator must
// also have MCS enabled (cilium-config `clustermesh-enable-mcs-api`); Istio alone creates no imports.
import type { McsImplementation } from '../../inventory/snapshot';
import type { ClusterFault, Result } from '../../faults';
import { defineCheck, type Outcome, type ReadAccess } from '../check';
import { fail, kubectl, pass, unreadable, valueOrAbsent } from './util';

interface Workload {
  impl: McsImplementation;
  namespace: string;
  name: string;
}

/** The reconciling workload per implementation; istiod consumes MCS objects but needs one of the others. */
export const CONTROLLERS: Workload[] = [
  { impl: 'cilium', namespace: 'kube-system', name: 'cilium-operator' },
  { impl: 'submariner', namespace: 'submariner-operator', name: 'submariner-lighthouse-agent' },
  { impl: 'gke', namespace: 'gke-mcs', name: 'gke-mcs-importer' },
  { impl: 'aws', namespace: 'cloud-map-mcs-system', name: 'cloud-map-mcs-controller-manager' },
  { impl: 'generic', namespace: 'kube-system', name: 'mcs-api-controller' },
  { impl: 'generic', namespace: 'default', name: 'mcs-api-controller' },
  { impl: 'istio', namespace: 'istio-system', name: 'istiod' },
];

export interface Deployment {
  spec?: { replicas?: number };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number };
}

interface Found {
  deployments: Array<{ w: Workload; d: Deployment | null } | { w: Workload; fault: ClusterFault }>;
  ciliumConfig: Record<string, string> | null | undefined;
}

export function readyText(d: Deployment): { ready: boolean; text: string } {
  const want = d.spec?.replicas ?? 1;
  const ready = d.status?.readyReplicas ?? 0;
  return { ready: want > 0 && ready >= want, text: `${ready}/${want} ready` };
}

export async function readCiliumConfig(a: ReadAccess): Promise<Result<Record<string, string> | null>> {
  const r = await a.getJson<{ data?: Record<string, string> }>(
    '/api/v1/namespaces/kube-system/configmaps/cilium-config',
    'ConfigMap kube-system/cilium-config',
  );
  const v = valueOrAbsent(r);
  if (!v) return { ok: true, value: null };
  return 'fault' in v ? { ok: false, fault: v.fault } : { ok: true, value: v.value?.data ?? (v.value ? {} : null) };
}

export const controller = defineCheck<Found>({
  id: 'controller',
  title: 'An MCS controller runs and is ready',
  scope: 'each',
  needs: ['crds'],
  async read(a) {
    const deployments = await Promise.all(
      CONTROLLERS.map(async (w) => {
        const v = valueOrAbsent(
          await a.getJson<Deployment>(
            `/apis/apps/v1/namespaces/${w.namespace}/deployments/${w.name}`,
            `Deployment ${w.namespace}/${w.name}`,
          ),
        );
        return v && 'fault' in v ? { w, fault: v.fault } : { w, d: v?.value ?? null };
      }),
    );
    const cc = await readCiliumConfig(a);
    return { ok: true, value: { deployments, ciliumConfig: cc.ok ? cc.value : undefined } };
  },
  run(ctx, reads) {
    return ctx.members.map((m): Outcome => {
      const c = m.name;
      const impl = ctx.implementationOf(c);
      const r = reads(c);
      if (r && !r.ok) return unreadable(c, r.fault, 'the controller Deployments');
      // Istio needs a controller beside it; the generic profile accepts any.
      const any = impl === 'generic' || impl === 'istio';
      const wanted = CONTROLLERS.filter((w) => w.impl !== 'istio' && (any || w.impl === impl));
      const all = r?.value.deployments ?? [];
      const isWanted = (x: { w: Workload }) => wanted.some((w) => w.namespace === x.w.namespace && w.name === x.w.name);
      const found = all.filter((x): x is { w: Workload; d: Deployment } => 'd' in x && !!x.d && isWanted(x));
      const denied = all.filter((x): x is { w: Workload; fault: ClusterFault } => 'fault' in x && isWanted(x));
      const names = wanted.map((w) => `${w.namespace}/${w.name}`).join(', ');
      const commands = wanted.map((w) => kubectl(ctx, c, `-n ${w.namespace} get deployment ${w.name}`));
      if (!r) {
        const ready = ctx.state(c)?.controllerReady;
        if (ready === undefined)
          return { cluster: c, status: 'skip', detail: 'cannot run: the controller Deployments were not read', commands };
        return ready
          ? pass(c, 'the inventory found a ready MCS controller')
          : fail(c, 'controller-not-ready', 'the inventory found the MCS controller not ready', { commands });
      }
      const ready = found.map((x) => ({ ...x, ...readyText(x.d) }));
      const good = ready.find((x) => x.ready);
      if (good) {
        const cc = r.value.ciliumConfig;
        if (good.w.impl === 'cilium' && cc && cc['clustermesh-enable-mcs-api'] !== 'true')
          return fail(
            c,
            'controller-missing',
            `cilium-operator runs, but MCS support is off (cilium-config clustermesh-enable-mcs-api is "${cc['clustermesh-enable-mcs-api'] ?? 'unset'}")`,
            {
              evidence: [
                {
                  cluster: c,
                  object: 'ConfigMap kube-system/cilium-config',
                  field: 'data.clustermesh-enable-mcs-api',
                  excerpt: cc['clustermesh-enable-mcs-api'] ?? '(unset)',
                },
              ],
              commands: [
                kubectl(ctx, c, '-n kube-system get configmap cilium-config -o jsonpath={.data.clustermesh-enable-mcs-api}'),
              ],
            },
          );
        return pass(c, `Deployment ${good.w.namespace}/${good.w.name} is ready (${good.text})`);
      }
      const notReady = ready[0];
      if (notReady)
        return fail(
          c,
          'controller-not-ready',
          `Deployment ${notReady.w.namespace}/${notReady.w.name} exists but is not ready (${notReady.text})`,
          {
            evidence: [
              {
                cluster: c,
                object: `Deployment ${notReady.w.namespace}/${notReady.w.name}`,
                field: 'status.readyReplicas',
                excerpt: notReady.text,
              },
            ],
            commands: [kubectl(ctx, c, `-n ${notReady.w.namespace} describe deployment ${notReady.w.name}`)],
          },
        );
      if (denied.length && denied.length === wanted.length)
        return unreadable(c, denied[0]?.fault ?? { kind: 'forbidden', message: 'forbidden' }, 'the controller Deployments');
      const istiod = all.find((x) => 'd' in x && x.d && x.w.impl === 'istio');
      const istioNote = istiod ? ' (istiod runs, but Istio consumes MCS objects and creates no ServiceImports)' : '';
      return fail(c, 'controller-missing', `no MCS controller in ${c}: none of ${names} exists${istioNote}`, {
        evidence: [{ cluster: c, object: 'Deployments', excerpt: `looked for ${names} (${impl} profile)` }],
        commands,
      });
    });
  },
});
