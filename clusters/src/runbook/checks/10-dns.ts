// Check 10: clusterset.local is answered in each consumer. CoreDNS needs the `multicluster` option inside a
// kubernetes block authoritative for the zone (built in since CoreDNS 1.12.2) or the external plugin, and
// list/watch on serviceimports; Submariner instead forwards the zone to Lighthouse's CoreDNS; GKE answers
// from Cloud DNS (not visible in the API). NodeLocal DNSCache answers first and needs its own stanza.
import type { Result } from '../../faults';
import {
  multiclusterUses,
  normalizeZone,
  parseCorefile,
  walkDirectives,
  zoneCovers,
  type Corefile,
} from '../../../../server/src/service/public';
import { defineCheck, type Outcome, type ReadAccess } from '../check';
import type { Deployment } from './03-controller';
import { excerpt, fail, kubectl, pass, warn, valueOrAbsent } from './util';

const ZONE = 'clusterset.local';

interface Dns {
  corefile: string | null;
  /** CoreDNS image tag, when the Deployment was readable. */
  version?: string;
  /** Whether system:coredns may list serviceimports; undefined when not readable. */
  rbac?: boolean;
  nodeLocal: string | null;
}

type Rule = { apiGroups?: string[]; resources?: string[]; verbs?: string[] };

export function rbacAllows(rules: Rule[]): boolean {
  const has = (l: string[] | undefined, v: string) => !!l && (l.includes(v) || l.includes('*'));
  return rules.some(
    (r) =>
      has(r.apiGroups, 'multicluster.x-k8s.io') &&
      has(r.resources, 'serviceimports') &&
      has(r.verbs, 'list') &&
      has(r.verbs, 'watch'),
  );
}

/** `v1.12.2` < `1.12.2`? Compares numerically; undefined when either is not a version. */
export function versionBelow(tag: string, min: string): boolean | undefined {
  const parse = (s: string) => /^v?(\d+)\.(\d+)\.(\d+)/.exec(s)?.slice(1).map(Number);
  const a = parse(tag);
  const b = parse(min);
  if (!a || !b) return undefined;
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

async function readDns(a: ReadAccess): Promise<Result<Dns>> {
  const [cm, dep, role, nl1, nl2] = await Promise.all([
    a.getJson<{ data?: Record<string, string> }>(
      '/api/v1/namespaces/kube-system/configmaps/coredns',
      'ConfigMap kube-system/coredns',
    ),
    a.getJson<Deployment & { spec?: { template?: { spec?: { containers?: Array<{ image?: string }> } } } }>(
      '/apis/apps/v1/namespaces/kube-system/deployments/coredns',
      'Deployment kube-system/coredns',
    ),
    a.getJson<{ rules?: Rule[] }>('/apis/rbac.authorization.k8s.io/v1/clusterroles/system:coredns', 'ClusterRole system:coredns'),
    a.getJson<{ data?: Record<string, string> }>(
      '/api/v1/namespaces/kube-system/configmaps/node-local-dns',
      'ConfigMap kube-system/node-local-dns',
    ),
    a.getJson<{ data?: Record<string, string> }>(
      '/api/v1/namespaces/kube-system/configmaps/nodelocaldns',
      'ConfigMap kube-system/nodelocaldns',
    ),
  ]);
  const c = valueOrAbsent(cm);
  if (c && 'fault' in c) return { ok: false, fault: c.fault };
  const image = dep.ok ? dep.value.spec?.template?.spec?.containers?.[0]?.image : undefined;
  const version = image?.split(':').pop();
  const nl = [nl1, nl2].find((r) => r.ok);
  return {
    ok: true,
    value: {
      corefile: c?.value?.data?.Corefile ?? null,
      ...(version && version !== image ? { version } : {}),
      ...(role.ok ? { rbac: rbacAllows(role.value.rules ?? []) } : {}),
      nodeLocal: nl?.ok ? (nl.value.data?.Corefile ?? '') : null,
    },
  };
}

/** How the Corefile answers clusterset.local, or why it does not. */
export function corefileServes(cf: Corefile, impl: string): { ok: boolean; how: string; form?: 'option' | 'plugin' | 'forward' } {
  if (impl === 'submariner') {
    const block = cf.serverBlocks.find((s) => s.keys.some((k) => normalizeZone(k.text) === ZONE));
    const forward = block?.directives.find((d) => d.name.text === 'forward');
    if (forward)
      return {
        ok: true,
        how: `server block ${ZONE} forwards to ${forward.args
          .slice(1)
          .map((x) => x.text)
          .join(' ')} (Lighthouse)`,
        form: 'forward',
      };
    return { ok: false, how: `no "${ZONE}:53 { forward . <lighthouse-coredns> }" server block (the Lighthouse stanza)` };
  }
  for (const use of multiclusterUses(cf)) {
    if (!use.zones.some((z) => z.zone === ZONE)) continue;
    const serverZones = use.server.keys.map((k) => normalizeZone(k.text));
    if (!serverZones.some((s) => zoneCovers(s, ZONE)))
      return {
        ok: false,
        how: `multicluster ${ZONE} sits in a server block (${serverZones.join(' ')}) that never receives ${ZONE} queries`,
      };
    if (use.form === 'option') {
      const pluginZones = use.kubernetes?.args.length ? use.kubernetes.args.map((t) => normalizeZone(t.text)) : serverZones;
      if (!pluginZones.some((z) => zoneCovers(z, ZONE)))
        return {
          ok: false,
          how: `multicluster ${ZONE} is set, but ${ZONE} is not among the kubernetes plugin's zones (${pluginZones.join(' ')})`,
        };
    }
    return {
      ok: true,
      how: use.form === 'option' ? `kubernetes plugin with "multicluster ${ZONE}"` : `multicluster plugin for ${ZONE}`,
      form: use.form,
    };
  }
  const forward = [...walkDirectives(cf)].find(
    (d) => d.server.keys.some((k) => normalizeZone(k.text) === ZONE) && d.directive.name.text === 'forward',
  );
  if (forward)
    return {
      ok: true,
      how: `server block ${ZONE} forwards to ${forward.directive.args
        .slice(1)
        .map((x) => x.text)
        .join(' ')}`,
      form: 'forward',
    };
  return { ok: false, how: `no "multicluster ${ZONE}" in the Corefile` };
}

export const dns = defineCheck<Dns>({
  id: 'dns',
  title: 'DNS answers clusterset.local in each consumer',
  scope: 'consumers',
  needs: ['crds'],
  read: readDns,
  run(ctx, reads) {
    const { namespace, name } = ctx.service;
    const fqdn = `${name}.${namespace}.svc.${ZONE}`;
    return ctx.consumers.map((c): Outcome => {
      const impl = ctx.implementationOf(c);
      const r = reads(c);
      const commands = [
        kubectl(ctx, c, '-n kube-system get configmap coredns -o jsonpath={.data.Corefile}'),
        kubectl(ctx, c, `run -it --rm dnscheck --image=busybox:1.36 --restart=Never -- nslookup ${fqdn}`),
      ];
      if (impl === 'gke')
        return {
          cluster: c,
          status: 'skip',
          detail: `GKE answers ${ZONE} from Cloud DNS, which the Kubernetes API does not show; check by hand`,
          commands: commands.slice(1),
        };
      if (!r) return { cluster: c, status: 'skip', detail: 'cannot run: the CoreDNS ConfigMap was not read', commands };
      if (!r.ok)
        return {
          cluster: c,
          status: 'skip',
          detail: `cannot run: ConfigMap kube-system/coredns could not be read (${r.fault.kind}: ${r.fault.message})`,
          causes: r.fault.kind === 'forbidden' || r.fault.kind === 'unauthorized' ? ['access-denied'] : [],
          commands,
        };
      const d = r.value;
      const object = 'ConfigMap kube-system/coredns';
      if (d.corefile === null)
        return warn(c, `${c} has no ConfigMap kube-system/coredns (another DNS server?): check ${fqdn} by hand`, { commands });
      const served = corefileServes(parseCorefile(d.corefile), impl);
      const evidence = [{ cluster: c, object, field: 'data.Corefile', excerpt: excerpt(d.corefile) }];
      if (!served.ok)
        return fail(c, 'dns-not-configured', `CoreDNS in ${c} does not answer ${ZONE}: ${served.how}`, { evidence, commands });
      if (served.form === 'option' && d.version && versionBelow(d.version, '1.12.2'))
        return fail(
          c,
          'dns-not-configured',
          `CoreDNS ${d.version} in ${c} is older than 1.12.2, which added the multicluster option of the kubernetes plugin`,
          {
            evidence: [
              {
                cluster: c,
                object: 'Deployment kube-system/coredns',
                field: 'spec.template.spec.containers[0].image',
                excerpt: d.version,
              },
            ],
            commands,
          },
        );
      if (served.form !== 'forward' && d.rbac === false)
        return fail(
          c,
          'dns-not-configured',
          `ClusterRole system:coredns in ${c} lacks list/watch on serviceimports.multicluster.x-k8s.io, so CoreDNS cannot see the imports`,
          {
            evidence: [
              { cluster: c, object: 'ClusterRole system:coredns', field: 'rules', excerpt: 'no serviceimports list/watch' },
            ],
            commands: [
              kubectl(
                ctx,
                c,
                'auth can-i list serviceimports.multicluster.x-k8s.io --as=system:serviceaccount:kube-system:coredns',
              ),
            ],
          },
        );
      if (d.nodeLocal !== null) {
        const nl = parseCorefile(d.nodeLocal);
        const covers = nl.serverBlocks.some((s) =>
          s.keys.some((k) => {
            const z = normalizeZone(k.text);
            return z !== '.' && zoneCovers(z, fqdn);
          }),
        );
        if (!covers)
          return fail(
            c,
            'dns-not-configured',
            `NodeLocal DNSCache in ${c} answers first and has no ${ZONE} stanza, so pods never reach CoreDNS for ${fqdn}`,
            {
              evidence: [
                {
                  cluster: c,
                  object: 'ConfigMap kube-system/node-local-dns',
                  field: 'data.Corefile',
                  excerpt: excerpt(d.nodeLocal),
                },
              ],
              commands,
            },
          );
      }
      const rbacNote =
        d.rbac === undefined && served.form !== 'forward' ? '; CoreDNS RBAC not verified (ClusterRole not readable)' : '';
      const headless = ctx.importIn(c)?.type === 'Headless' ? `; per pod: <hostname>.<cluster-id>.${fqdn}` : '';
      return pass(c, `${served.how}${d.version ? ` (CoreDNS ${d.version})` : ''}${rbacNote}; clients use ${fqdn}${headless}`);
    });
  },
});
