// MCS206: when the exporting clusters share no IP family, the import cannot reach every backend:
// IPFamilyConflict (Cilium skips the cluster without a common family), and importing clusters lacking the
// family report Ready=False IPFamilyNotSupported (facts §3, §4). Families come from spec.ipFamilies, else
// from the ipFamilyPolicy and the cluster's Service CIDRs in the ClusterSet file.
import { serviceCidrFamilies } from '../model/clusterIds';
import { conflictScope, displayName, relatedAt } from '../model/conflicts';
import { declaredIpFamilies, fieldOrName } from '../model/service';
import { stringAt } from '../parse/path';
import type { IndexedObject, WorkspaceIndex } from '../workspaceIndex';
import type { Finding, Rule, RuleContext } from './rule';

const FAMILIES = ['spec', 'ipFamilies'];

export const mcs206: Rule = {
  id: 'MCS206',
  title: 'No common IP family across exporting clusters',
  severity: 'warning',
  kinds: ['Service'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const scope = conflictScope(ctx, 'service');
    if (!scope) return [];
    const mine = familiesOf(ctx.index, scope.self, scope.cluster);
    if (!mine) return [];
    const known = scope.peers
      .map((p) => ({ peer: p, families: familiesOf(ctx.index, p.obj, p.cluster) }))
      .filter((k) => k.families !== undefined);
    const common = known.reduce((acc, k) => acc.filter((f) => k.families?.includes(f)), mine);
    if (known.length === 0 || common.length > 0) return [];
    const theirs = known.map((k) => `${k.families?.join('+')} in cluster ${k.peer.cluster}`).join(', ');
    return [
      {
        ruleId: 'MCS206',
        message: `Service ${displayName(scope.self)} is ${mine.join('+')} in cluster ${scope.cluster} but ${theirs}: no IP family is common to all exporting clusters, so the MCS controller sets Conflict=True (IPFamilyConflict) and some backends are unreachable through the import; importing clusters without the family report Ready=False (IPFamilyNotSupported). Use a common family (e.g. ipFamilyPolicy: PreferDualStack).`,
        path: fieldOrName(ctx.doc.root, FAMILIES),
        related: known.map((k) =>
          relatedAt(k.peer, fieldOrName(k.peer.obj.doc.root, FAMILIES), `ipFamilies ${k.families?.join('+')}`),
        ),
      },
    ];
  },
};

/** The Service's families, or undefined when neither the Service nor the ClusterSet file tells. */
function familiesOf(index: WorkspaceIndex, svc: IndexedObject, cluster: string): string[] | undefined {
  const declared = declaredIpFamilies(svc.doc.root);
  if (declared?.length) return declared;
  const cidr = serviceCidrFamilies(index, cluster);
  if (cidr.length === 0) return undefined;
  const policy = stringAt(svc.doc.root, ['spec', 'ipFamilyPolicy']) ?? 'SingleStack';
  return policy === 'SingleStack' ? cidr.slice(0, 1) : cidr;
}
