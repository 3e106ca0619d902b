// MCS606: implementations restrict cluster names further than KEP-2149 (facts §7, §8.1, §8.2).
// Cilium: cluster.name ≤32 characters, lowercase alphanumerics and "-", alphanumeric at both ends, and a
// numeric cluster.id 1–255 (511 with max-connected-clusters 511), unique in the mesh.
// Submariner: --clusterid must be a DNS-1123 label.
// Checked on the ClusterSet file (in those profiles) and on cilium-config ConfigMaps (any profile).
import { isDns1123Label } from '../model/names';
import { asSeq, nodeAt, stringAt } from '../parse/path';
import { clusterOfUri } from '../workspaceIndex';
import type { Finding, Rule, RuleContext } from './rule';

const CILIUM_NAME_MAX = 32;

/** Why `name` cannot be a Cilium cluster name, or undefined. */
export function ciliumNameProblem(name: string): string | undefined {
  if (name.length > CILIUM_NAME_MAX) return `it has ${name.length} characters (Cilium allows at most ${CILIUM_NAME_MAX})`;
  // Within 32 characters, Cilium's name syntax is exactly a DNS-1123 label.
  if (!isDns1123Label(name))
    return 'Cilium allows only lowercase letters, digits and "-", starting and ending with a letter or digit';
  return undefined;
}

export const mcs606: Rule = {
  id: 'MCS606',
  title: 'Implementation cluster-name limits',
  severity: 'error',
  kinds: ['ClusterSet', 'ConfigMap'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    return ctx.doc.kind === 'ClusterSet' ? checkClusterSet(ctx) : checkCiliumConfig(ctx);
  },
};

function checkClusterSet(ctx: RuleContext): Finding[] {
  const profile = ctx.settings.implementation;
  if (profile !== 'cilium' && profile !== 'submariner') return [];
  const out: Finding[] = [];
  asSeq(nodeAt(ctx.doc.root, ['spec', 'clusters']))?.items.forEach((_, i) => {
    const path = ['spec', 'clusters', i, 'name'];
    const name = stringAt(ctx.doc.root, path);
    if (!name) return;
    if (profile === 'cilium') {
      const problem = ciliumNameProblem(name);
      if (problem)
        out.push({
          ruleId: 'MCS606',
          path,
          message: `Cluster name "${name}" cannot be a Cilium cluster.name: ${problem}. The cilium agent refuses to start with it, so the cluster cannot join the ClusterMesh. Shorten or rename it.`,
        });
    } else if (!isDns1123Label(name)) {
      out.push({
        ruleId: 'MCS606',
        path,
        message: `Cluster name "${name}" is not a DNS-1123 label (lowercase letters, digits and "-", at most 63): Submariner's "subctl join --clusterid" rejects it and the Lighthouse agent does not start. Rename it.`,
      });
    }
  });
  return out;
}

function checkCiliumConfig(ctx: RuleContext): Finding[] {
  if (stringAt(ctx.doc.root, ['metadata', 'name']) !== 'cilium-config') return [];
  const out: Finding[] = [];
  const name = stringAt(ctx.doc.root, ['data', 'cluster-name']);
  const nameProblem = name === undefined ? undefined : ciliumNameProblem(name);
  if (name !== undefined && nameProblem) {
    out.push({
      ruleId: 'MCS606',
      path: ['data', 'cluster-name'],
      message: `cluster-name "${name}" is not a valid Cilium cluster name: ${nameProblem}. The cilium agent refuses to start with it. Shorten or rename it.`,
    });
  }
  const idText = stringAt(ctx.doc.root, ['data', 'cluster-id']);
  if (idText === undefined) return out;
  const max = stringAt(ctx.doc.root, ['data', 'max-connected-clusters']) === '511' ? 511 : 255;
  const id = /^\d+$/.test(idText) ? Number(idText) : NaN;
  if (!(id >= 1 && id <= max)) {
    out.push({
      ruleId: 'MCS606',
      path: ['data', 'cluster-id'],
      message: `cluster-id "${idText}" cannot join a ClusterMesh: it must be a number from 1 to ${max} (0 means "not in a mesh"${max === 255 ? '; up to 511 needs max-connected-clusters: "511" on every cluster' : ''}). Give each cluster its own id.`,
    });
    return out;
  }
  const cluster = clusterOfUri(ctx.uri);
  for (const o of ctx.index.ofKind('ConfigMap')) {
    if (o.name !== 'cilium-config' || o.uri === ctx.uri || (cluster && o.cluster === cluster)) continue;
    if (stringAt(o.doc.root, ['data', 'cluster-id']) !== idText) continue;
    out.push({
      ruleId: 'MCS606',
      path: ['data', 'cluster-id'],
      message: `cluster-id ${idText} is also used by ${o.cluster ? `cluster ${o.cluster}` : o.uri}: Cilium cluster ids must be unique in a ClusterMesh, otherwise identities and endpoints of the two clusters collide. Give each cluster its own id.`,
      related: [{ uri: o.uri, docIndex: o.docIndex, path: ['data', 'cluster-id'], message: 'same cluster-id here' }],
    });
    break;
  }
  return out;
}
