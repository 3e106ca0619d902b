// MCS804: CoreDNS answers clusterset.local from ServiceImports, so its ClusterRole needs list and watch on
// serviceimports in multicluster.x-k8s.io (facts §6; mcs-api scripts/coredns-rbac.json; coredns/helm#234).
// Not in the submariner (Lighthouse runs its own DNS) and gke (Cloud DNS) profiles, and only once the
// workspace uses MCS at all, so single-cluster repositories with a CoreDNS ClusterRole stay quiet.
import { MCS_GROUP } from '../model/apiVersions';
import { corefilesOf, multiclusterUses } from '../model/embeddedCorefile';
import { asSeq, nodeAt, stringAt } from '../parse/path';
import type { YNode } from '../parse/yamlTree';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { Finding, Rule, RuleContext } from './rule';

const NEEDED_VERBS = ['list', 'watch'];

export const mcs804: Rule = {
  id: 'MCS804',
  title: 'CoreDNS ClusterRole lacks ServiceImport access',
  severity: 'warning',
  kinds: ['ClusterRole'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const name = stringAt(ctx.doc.root, ['metadata', 'name']);
    if (!name || !(name === 'system:coredns' || /(^|[-:])coredns$/.test(name))) return [];
    if (ctx.settings.implementation === 'submariner' || ctx.settings.implementation === 'gke' || !workspaceUsesMcs(ctx.index))
      return [];
    const rules = asSeq(nodeAt(ctx.doc.root, ['rules']));
    const granted = new Set<string>();
    for (const rule of rules?.items ?? []) for (const verb of grantedVerbs(rule)) granted.add(verb);
    const missing = granted.has('*') ? [] : NEEDED_VERBS.filter((v) => !granted.has(v));
    if (!missing.length) return [];
    const first = rules?.flow === false ? rules.items[0] : undefined;
    return [
      {
        ruleId: 'MCS804',
        message: `ClusterRole ${name} does not grant ${missing.join(' and ')} on serviceimports in ${MCS_GROUP}: CoreDNS cannot read ServiceImports, logs "failed to list *v1alpha1.ServiceImport" and answers NXDOMAIN for every clusterset.local name. Add a rule: {apiGroups: [${MCS_GROUP}], resources: [serviceimports], verbs: [list, watch]}.`,
        path: rules ? ['rules'] : ['kind'],
        target: 'key',
        fixes: first ? [insertRuleFix(ctx.doc.text, first)] : undefined,
      },
    ];
  },
};

/** Verbs a PolicyRule grants on serviceimports.multicluster.x-k8s.io. */
function grantedVerbs(rule: YNode): string[] {
  const list = (key: string): string[] =>
    (asSeq(nodeAt(rule, [key]))?.items ?? []).map((n) => (n.type === 'scalar' ? String(n.value) : ''));
  const groups = list('apiGroups');
  const resources = list('resources');
  if (!groups.some((g) => g === MCS_GROUP || g === '*')) return [];
  if (!resources.some((r) => r === 'serviceimports' || r === '*')) return [];
  return list('verbs');
}

function workspaceUsesMcs(index: WorkspaceIndex): boolean {
  for (const kind of ['ServiceExport', 'ServiceImport', 'ClusterSet'])
    if (!index.ofKind(kind)[Symbol.iterator]().next().done) return true;
  for (const cm of index.ofKind('ConfigMap'))
    if (corefilesOf(cm.doc).some((e) => multiclusterUses(e.corefile).length > 0)) return true;
  return false;
}

/** A new rule inserted before the first item of a block sequence, with the same indentation. */
function insertRuleFix(text: string, firstItem: YNode) {
  const lineStart = text.lastIndexOf('\n', firstItem.start - 1) + 1;
  const indent = /^[ ]*/.exec(text.slice(lineStart))?.[0] ?? '';
  return {
    title: 'Grant list and watch on serviceimports',
    edits: [
      {
        op: 'insertText' as const,
        at: lineStart,
        text: `${indent}- apiGroups: [${MCS_GROUP}]\n${indent}  resources: [serviceimports]\n${indent}  verbs: [list, watch]\n`,
      },
    ],
    preferred: true,
  };
}
