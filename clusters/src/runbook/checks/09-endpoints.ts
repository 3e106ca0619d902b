// Check 9: ready endpoints. The exporter's own EndpointSlices (label kubernetes.io/service-name) must
// have ready endpoints, and each consumer needs an MCS EndpointSlice per exporting cluster (labels
// multicluster.kubernetes.io/service-name and source-cluster) with ready endpoints — except where the
// implementation does not use MCS slices: Cilium syncs them only for headless imports (its conformance run
// skips that spec), GKE routes through its own gke-mcs-<hash> Services.
import type { Result } from '../../faults';
import { defineCheck, type Outcome } from '../check';
import { fail, kubectl, pass, unreadable, warn } from './util';

interface Slice {
  endpoints?: Array<{ conditions?: { ready?: boolean | null } }> | null;
}

interface Own {
  slices: number;
  ready: number;
}

/** Ready endpoints of slices: `ready` unset means ready (discovery.k8s.io/v1 API docs). */
export function countReady(slices: Slice[]): Own {
  let ready = 0;
  for (const s of slices) for (const e of s.endpoints ?? []) if (e.conditions?.ready !== false) ready++;
  return { slices: slices.length, ready };
}

export const endpoints = defineCheck<Own>({
  id: 'endpoints',
  title: 'Ready endpoints reach every consumer',
  scope: 'each',
  needs: ['service', 'import'],
  async read(a, svc): Promise<Result<Own>> {
    const sel = encodeURIComponent(`kubernetes.io/service-name=${svc.name}`);
    const r = await a.listAll<Slice>(
      `/apis/discovery.k8s.io/v1/namespaces/${encodeURIComponent(svc.namespace)}/endpointslices?labelSelector=${sel}`,
      `EndpointSlices of Service ${svc.namespace}/${svc.name}`,
    );
    return r.ok ? { ok: true, value: countReady(r.value.items) } : r;
  },
  run(ctx, reads) {
    const { namespace, name } = ctx.service;
    const involved = ctx.members.map((m) => m.name).filter((c) => ctx.exporters.includes(c) || ctx.consumers.includes(c));
    return involved.map((c): Outcome => {
      const impl = ctx.implementationOf(c);
      const notes: string[] = [];
      const own = reads(c);
      const commands = [
        kubectl(ctx, c, `-n ${namespace} get endpointslices -l multicluster.kubernetes.io/service-name=${name} -o wide`),
      ];
      if (ctx.exporters.includes(c)) {
        commands.unshift(kubectl(ctx, c, `-n ${namespace} get endpointslices -l kubernetes.io/service-name=${name} -o wide`));
        if (own && !own.ok) return unreadable(c, own.fault, `the EndpointSlices of Service ${ctx.serviceRef}`);
        if (own?.ok && own.value.ready === 0)
          return fail(
            c,
            'no-endpoints',
            `Service ${ctx.serviceRef} in ${c} has no ready endpoints (${own.value.slices} EndpointSlice(s)): the exported pods are not ready or the selector matches none`,
            {
              evidence: [
                {
                  cluster: c,
                  object: `EndpointSlices -l kubernetes.io/service-name=${name}`,
                  excerpt: `${own.value.slices} slice(s), 0 ready endpoints`,
                },
              ],
              commands,
            },
          );
        if (own?.ok) notes.push(`${own.value.ready} ready local endpoint(s)`);
      }
      if (!ctx.consumers.includes(c)) return pass(c, notes.join('; ') || 'exporter');
      const imp = ctx.importIn(c);
      const headless = imp?.type === 'Headless';
      if (impl === 'gke')
        return pass(c, [...notes, 'GKE routes through its gke-mcs-* Services, not MCS EndpointSlices (not checked)'].join('; '));
      if (impl === 'cilium' && !headless)
        return pass(c, [...notes, 'no MCS EndpointSlices needed: Cilium syncs them only for headless imports'].join('; '));
      const denied = ctx.state(c)?.partial?.find((p) => /endpointslice/i.test(p.resource));
      if (denied) return unreadable(c, denied.fault, 'the MCS EndpointSlices');
      const slices = ctx.slicesIn(c);
      const remote = ctx.exporters.filter((e) => e !== c);
      const missing: string[] = [];
      const empty: string[] = [];
      for (const e of remote) {
        const id = ctx.clusterIdOf(e);
        const from = slices.filter((s) => s.sourceCluster === id);
        if (from.length === 0) missing.push(e);
        else if (from.every((s) => s.ready === 0)) empty.push(e);
      }
      const unlabelled = slices.filter((s) => !s.sourceCluster).length;
      if (unlabelled) notes.push(`${unlabelled} MCS EndpointSlice(s) lack the multicluster.kubernetes.io/source-cluster label`);
      const evidence = slices.map((s) => ({
        cluster: c,
        object: `EndpointSlice ${s.ref.namespace}/${s.ref.name}`,
        field: 'metadata.labels',
        excerpt: `source-cluster=${s.sourceCluster ?? '(none)'}, ${s.ready}/${s.total} ready`,
      }));
      if (missing.length || empty.length) {
        const parts = [
          ...(missing.length ? [`no MCS EndpointSlice from ${missing.join(', ')}`] : []),
          ...(empty.length ? [`the slices from ${empty.join(', ')} have no ready endpoints`] : []),
        ];
        return fail(c, 'no-endpoints', `${c}: ${parts.join('; ')}`, { evidence, commands });
      }
      const readyRemote = slices
        .filter((s) => s.sourceCluster && remote.map(ctx.clusterIdOf).includes(s.sourceCluster))
        .reduce((n, s) => n + s.ready, 0);
      if (remote.length) notes.push(`${readyRemote} ready endpoint(s) from ${remote.join(', ')}`);
      return unlabelled ? warn(c, notes.join('; '), { evidence, commands }) : pass(c, notes.join('; ') || 'no remote exporters');
    });
  },
});
