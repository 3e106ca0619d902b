// Check 4: cluster ids present, valid and unique, and one clusterset id. The id is ClusterProperty
// `cluster.clusterset.k8s.io` (KEP-2149) — a DNS label here, since it lands in the source-cluster label and
// in DNS names — or the implementation's own: Cilium `cluster-name` (≤ 32 chars) and numeric `cluster-id`
// (1..max-connected-clusters), Submariner's `Submariner.spec.clusterID`.
import type { Result } from '../../faults';
import { defineCheck, type Outcome } from '../check';
import { readCiliumConfig } from './03-controller';
import { fail, kubectl, pass, warn } from './util';

interface Ids {
  cilium: Record<string, string> | null | undefined;
  submarinerId?: string;
}

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const CILIUM_NAME = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;

interface Identity {
  cluster: string;
  /** The id other clusters see (source-cluster label, DNS). */
  id?: string;
  from: string;
  problems: string[];
  ciliumId?: number;
}

export const clusterIds = defineCheck<Ids>({
  id: 'cluster-ids',
  title: 'Cluster ids are present, valid and unique',
  scope: 'each',
  // A cluster without the MCS CRDs has no ClusterProperty either: that is crds-missing, not an id problem.
  needs: ['crds'],
  async read(a): Promise<Result<Ids>> {
    const [cc, sub] = await Promise.all([
      readCiliumConfig(a),
      a.listAll<{ spec?: { clusterID?: string } }>(
        '/apis/submariner.io/v1alpha1/submariners',
        'Submariner (submariner.io/v1alpha1)',
      ),
    ]);
    const submarinerId = sub.ok ? sub.value.items[0]?.spec?.clusterID : undefined;
    return { ok: true, value: { cilium: cc.ok ? cc.value : undefined, ...(submarinerId ? { submarinerId } : {}) } };
  },
  run(ctx, reads) {
    const ids: Identity[] = ctx.members.map((m) => {
      const c = m.name;
      const impl = ctx.implementationOf(c);
      const st = ctx.state(c);
      const r = reads(c);
      const v = r?.ok ? r.value : undefined;
      const out: Identity = { cluster: c, from: 'ClusterProperty cluster.clusterset.k8s.io', problems: [] };
      if (st?.clusterId) out.id = st.clusterId;
      if (impl === 'cilium' && v?.cilium) {
        const name = v.cilium['cluster-name'];
        const num = Number(v.cilium['cluster-id'] ?? '0');
        const max = Number(v.cilium['max-connected-clusters'] ?? '255');
        if (!name || name === 'default')
          out.problems.push(`cilium-config cluster-name is "${name ?? 'unset'}": the cluster is not configured for ClusterMesh`);
        else if (!CILIUM_NAME.test(name))
          out.problems.push(`cilium-config cluster-name "${name}" is not ≤ 32 lowercase alphanumerics and "-"`);
        if (!Number.isInteger(num) || num < 1 || num > max)
          out.problems.push(`cilium-config cluster-id is ${v.cilium['cluster-id'] ?? 'unset'}, not in 1..${max}`);
        else out.ciliumId = num;
        if (name && name !== 'default') {
          out.id ??= name;
          if (!st?.clusterId) out.from = 'cilium-config cluster-name';
        }
      }
      if (impl === 'submariner' && v?.submarinerId && !st?.clusterId) {
        out.id = v.submarinerId;
        out.from = 'Submariner spec.clusterID';
      }
      if (out.id && !DNS_LABEL.test(out.id))
        out.problems.push(
          `${out.from} "${out.id}" is not a DNS label (≤ 63 lowercase alphanumerics and "-"), so it cannot be the source-cluster label or a DNS name`,
        );
      if (!out.id && (impl === 'aws' || impl === 'generic'))
        out.problems.push(
          `no ClusterProperty cluster.clusterset.k8s.io${impl === 'aws' ? ' (the AWS controller refuses to work without it)' : ''}`,
        );
      return out;
    });
    const setIds = new Map<string, string[]>();
    for (const m of ctx.members) {
      const s = ctx.state(m.name)?.clustersetId;
      if (s) setIds.set(s, [...(setIds.get(s) ?? []), m.name]);
    }
    const expectedSet = ctx.clusterSet?.name ?? [...setIds].sort((a, b) => b[1].length - a[1].length)[0]?.[0];
    return ids.map((x): Outcome => {
      const c = x.cluster;
      const commands = [
        kubectl(ctx, c, 'get clusterproperties.about.k8s.io -o custom-columns=NAME:.metadata.name,VALUE:.spec.value'),
      ];
      const evidence = [{ cluster: c, object: x.from, excerpt: x.id ?? '(none)' }];
      if (x.problems.length) return fail(c, 'cluster-id-invalid', x.problems.join('; '), { evidence, commands });
      const dup = ids.filter((o) => o !== x && ((x.id && o.id === x.id) || (x.ciliumId && o.ciliumId === x.ciliumId)));
      if (dup.length)
        return fail(
          c,
          'cluster-id-duplicate',
          `${c} has the same cluster id as ${dup.map((d) => d.cluster).join(', ')} (${x.id ?? ''}${x.ciliumId ? `, Cilium cluster-id ${x.ciliumId}` : ''})`,
          {
            evidence: [
              ...evidence,
              ...dup.map((d) => ({ cluster: d.cluster, object: d.from, excerpt: d.id ?? String(d.ciliumId) })),
            ],
            commands,
          },
        );
      const setId = ctx.state(c)?.clustersetId;
      if (setId && expectedSet && setId !== expectedSet)
        return fail(
          c,
          'cluster-id-invalid',
          `ClusterProperty clusterset.k8s.io of ${c} is "${setId}", but the clusterset is "${expectedSet}"`,
          {
            evidence: [{ cluster: c, object: 'ClusterProperty clusterset.k8s.io', field: 'spec.value', excerpt: setId }],
            commands,
          },
        );
      if (!x.id)
        return warn(c, `${c} has no cluster id (no ClusterProperty cluster.clusterset.k8s.io); its name is used`, { commands });
      return pass(c, `cluster id "${x.id}" (${x.from})${setId ? `, clusterset "${setId}"` : ''}`);
    });
  },
});
