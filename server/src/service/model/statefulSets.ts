// StatefulSets behind a headless Service: the ones it selects and the ones naming it in spec.serviceName.
// Their Pods' hostnames are what per-endpoint clusterset DNS records are built from (facts §6).
import { nodeAt, stringAt } from '../parse/path';
import type { IndexedObject, WorkspaceIndex } from '../workspaceIndex';
import { clustersMatch } from './exportedServices';
import { selectorOf, stringMap } from './service';

/** StatefulSets in the Service's namespace and cluster whose Pod template labels satisfy its selector. */
export function selectedStatefulSets(index: WorkspaceIndex, svc: IndexedObject): IndexedObject[] {
  const selector = selectorOf(svc.doc.root);
  if (!selector || selector.size === 0) return [];
  const out: IndexedObject[] = [];
  for (const sts of index.ofKind('StatefulSet')) {
    if (sts.namespace !== svc.namespace || !clustersMatch(sts.cluster, svc.cluster)) continue;
    const labels = stringMap(nodeAt(sts.doc.root, ['spec', 'template', 'metadata', 'labels']));
    if ([...selector].every(([k, v]) => labels.get(k) === v)) out.push(sts);
  }
  return out;
}

/** StatefulSets whose Pods get hostnames under this Service (spec.serviceName names it). */
export function governedStatefulSets(index: WorkspaceIndex, svc: IndexedObject): IndexedObject[] {
  const out: IndexedObject[] = [];
  for (const sts of index.ofKind('StatefulSet')) {
    if (
      sts.namespace === svc.namespace &&
      clustersMatch(sts.cluster, svc.cluster) &&
      stringAt(sts.doc.root, ['spec', 'serviceName']) === svc.name
    )
      out.push(sts);
  }
  return out;
}

/** The longest Pod hostname of a StatefulSet: `<name>-<replicas-1>` (replicas default 1). */
export function longestHostname(sts: IndexedObject): string {
  const replicas = Number(stringAt(sts.doc.root, ['spec', 'replicas']) ?? '1');
  const last = Number.isInteger(replicas) && replicas > 0 ? replicas - 1 : 0;
  return `${sts.name ?? ''}-${last}`;
}
