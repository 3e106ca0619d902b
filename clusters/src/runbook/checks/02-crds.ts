// Check 2: the MCS CRDs are served in every cluster, in the versions its consumers read: CoreDNS,
// Lighthouse, Istio and the AWS controller read v1alpha1; Cilium 1.20 needs v1beta1 (cilium#47793);
// GKE serves its own group net.gke.io. Read through API discovery, which every authenticated user may read.
import type { Result } from '../../faults';
import { defineCheck, type Outcome, type ReadAccess } from '../check';
import { fail, kubectl, pass, unreadable, warn } from './util';

interface Served {
  /** Versions of multicluster.x-k8s.io that serve both serviceexports and serviceimports. */
  mcs: string[];
  /** Versions of net.gke.io. */
  gke: string[];
}

type Group = { versions?: Array<{ version?: string }> };
type Resources = { resources?: Array<{ name?: string }> };

async function servedVersions(a: ReadAccess, group: string, kinds: string[]): Promise<Result<string[]>> {
  const g = await a.getJson<Group>(`/apis/${group}`, `API group ${group}`);
  if (!g.ok) return g.fault.kind === 'crdMissing' || g.fault.kind === 'notFound' ? { ok: true, value: [] } : g;
  const out: string[] = [];
  for (const v of g.value.versions ?? []) {
    if (!v.version) continue;
    const r = await a.getJson<Resources>(`/apis/${group}/${v.version}`, `API ${group}/${v.version}`);
    if (!r.ok) continue;
    const names = new Set((r.value.resources ?? []).map((x) => x.name));
    if (kinds.every((k) => names.has(k))) out.push(v.version);
  }
  return { ok: true, value: out };
}

export const crds = defineCheck<Served>({
  id: 'crds',
  title: 'MCS CRDs are installed in every cluster',
  scope: 'each',
  needs: [],
  async read(a) {
    const [mcs, gke] = await Promise.all([
      servedVersions(a, 'multicluster.x-k8s.io', ['serviceexports', 'serviceimports']),
      servedVersions(a, 'net.gke.io', ['serviceexports', 'serviceimports']),
    ]);
    if (!mcs.ok) return mcs;
    return { ok: true, value: { mcs: mcs.value, gke: gke.ok ? gke.value : [] } };
  },
  run(ctx, reads) {
    return ctx.members.map((m): Outcome => {
      const c = m.name;
      const r = reads(c);
      const impl = ctx.implementationOf(c);
      let served: Served | undefined = r?.ok ? r.value : undefined;
      if (!served) {
        // Without discovery, fall back to what the inventory saw.
        const v = ctx.state(c)?.crdVersions ?? [];
        if (r && !r.ok && v.length === 0) return unreadable(c, r.fault, 'API discovery');
        served = {
          mcs: v.filter((x) => x.startsWith('multicluster.x-k8s.io/')).map((x) => x.split('/')[1] ?? ''),
          gke: v.filter((x) => x.startsWith('net.gke.io/')).map((x) => x.split('/')[1] ?? ''),
        };
      }
      const commands = [
        kubectl(ctx, c, 'api-resources --api-group=multicluster.x-k8s.io'),
        kubectl(ctx, c, 'get crd serviceexports.multicluster.x-k8s.io -o jsonpath={.spec.versions[*].name}'),
      ];
      const evidence = [
        {
          cluster: c,
          object: 'API group multicluster.x-k8s.io',
          excerpt: served.mcs.length ? `served: ${served.mcs.join(', ')}` : 'not served',
        },
      ];
      if (impl === 'gke') {
        if (served.gke.length) return pass(c, `net.gke.io ${served.gke.join(', ')} serves ServiceExport and ServiceImport (GKE)`);
        return fail(
          c,
          'crds-missing',
          `${c} does not serve ServiceExport/ServiceImport in net.gke.io: GKE MCS is not enabled for its fleet`,
          {
            evidence: [{ cluster: c, object: 'API group net.gke.io', excerpt: 'not served' }],
            commands: [kubectl(ctx, c, 'api-resources --api-group=net.gke.io')],
          },
        );
      }
      if (served.mcs.length === 0)
        return fail(
          c,
          'crds-missing',
          `${c} does not serve ServiceExport and ServiceImport (multicluster.x-k8s.io): the MCS CRDs are not installed`,
          {
            evidence,
            commands,
          },
        );
      if (impl !== 'cilium' && !served.mcs.includes('v1alpha1'))
        return fail(
          c,
          'crds-missing',
          `${c} serves multicluster.x-k8s.io ${served.mcs.join(', ')} but not v1alpha1, which CoreDNS, Lighthouse, Istio and the AWS controller read`,
          {
            evidence,
            commands,
          },
        );
      if (impl === 'cilium' && !served.mcs.includes('v1beta1'))
        return warn(
          c,
          `${c} serves multicluster.x-k8s.io ${served.mcs.join(', ')} only; Cilium 1.20 needs v1beta1 served (cilium/cilium#47793)`,
          { evidence, commands },
        );
      return pass(c, `multicluster.x-k8s.io ${served.mcs.join(', ')} serves ServiceExport and ServiceImport`);
    });
  },
});
