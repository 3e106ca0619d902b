// The one answer to "which contexts form the clusterset", used by the tree, `status`, `cidr`, Discover CIDRs
// and `doctor`. Precedence: the workspace's ClusterSet file (`context:` per cluster), else the
// `clusterset.contexts` setting, else the contexts the user picked, else every kubeconfig context.
// Pure: the caller reads the file, the setting and the kubeconfig; nothing here does I/O.
import type { ClusterSetModel } from '../../server/src/service/public';

export interface ClusterMember {
  /** ClusterSet member name, else the context name. Objects and faults are labelled with it. */
  name: string;
  context: string;
}

export type ScopeSource = 'clusterset-file' | 'setting' | 'picked' | 'all';

export interface ScopeInput {
  clusterSet?: ClusterSetModel;
  settingContexts?: string[];
  picked?: string[];
  kubeconfigContexts: string[];
}

/**
 * The members of a ClusterSet file: every named cluster, reached through its `context:` or, without one,
 * a context of the same name. A file applies only when at least one member reaches a kubeconfig context:
 * a planning file for clusters this kubeconfig does not know must not hide the user's own choice. A member
 * whose context is missing stays in the list, so the reader reports it ("context … is not in the kubeconfig").
 */
export function clusterSetMembers(model: ClusterSetModel, kubeconfigContexts: readonly string[]): ClusterMember[] {
  const known = new Set(kubeconfigContexts);
  const out: ClusterMember[] = [];
  for (const c of model.clusters) {
    const name = c.name?.value;
    const context = c.context?.value ?? name;
    if (!name || !context) continue;
    out.push({ name, context });
  }
  return out.some((m) => known.has(m.context)) ? dedupe(out) : [];
}

function dedupe(members: ClusterMember[]): ClusterMember[] {
  const seen = new Set<string>();
  const names = new Set<string>();
  return members.filter((m) => {
    // Two members on one context would read one cluster twice under two names; the first one wins.
    if (seen.has(m.context) || names.has(m.name)) return false;
    seen.add(m.context);
    names.add(m.name);
    return true;
  });
}

const asMembers = (contexts: readonly string[]) =>
  dedupe(contexts.filter((c) => c.trim() !== '').map((context) => ({ name: context, context })));

export function resolveScope(input: ScopeInput): { members: ClusterMember[]; source: ScopeSource } {
  if (input.clusterSet) {
    const members = clusterSetMembers(input.clusterSet, input.kubeconfigContexts);
    if (members.length) return { members, source: 'clusterset-file' };
  }
  const setting = asMembers(input.settingContexts ?? []);
  if (setting.length) return { members: setting, source: 'setting' };
  const picked = asMembers(input.picked ?? []);
  if (picked.length) return { members: picked, source: 'picked' };
  return { members: asMembers(input.kubeconfigContexts), source: 'all' };
}

/**
 * Members for contexts named explicitly (e.g. `--context` on the command line): named after the ClusterSet
 * member that uses the context when there is one, so objects carry the same cluster names as the file.
 */
export function membersForContexts(contexts: readonly string[], clusterSet?: ClusterSetModel): ClusterMember[] {
  const byContext = new Map<string, string>();
  for (const c of clusterSet?.clusters ?? []) {
    const name = c.name?.value;
    const context = c.context?.value ?? name;
    if (name && context && !byContext.has(context)) byContext.set(context, name);
  }
  return dedupe(contexts.map((context) => ({ name: byContext.get(context) ?? context, context })));
}
