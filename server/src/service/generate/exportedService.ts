// The Services behind the exports of namespace/name, per exporting cluster; in a workspace without cluster
// folders, the one Service the exports refer to (labelled "the workspace").
import { exportingClusters, servicesForExport } from '../model/exportedServices';
import type { IndexedObject, WorkspaceIndex } from '../workspaceIndex';
import type { ServiceRef } from './types';

export interface ExportedServiceDoc {
  /** The cluster, or undefined for a file that belongs to no cluster. */
  cluster: string | undefined;
  service: IndexedObject;
}

function namespacesOf(ref: ServiceRef): Array<string | undefined> {
  // A namespace-less manifest applied with the default context lands in `default`.
  return ref.namespace === 'default' ? ['default', undefined] : [ref.namespace];
}

export function isExported(index: WorkspaceIndex, ref: ServiceRef): boolean {
  return namespacesOf(ref).some((ns) => index.find('ServiceExport', ns, ref.name).length > 0);
}

export function exportedServiceDocs(index: WorkspaceIndex, ref: ServiceRef): ExportedServiceDoc[] {
  const out: ExportedServiceDoc[] = [];
  const seen = new Set<IndexedObject>();
  for (const ns of namespacesOf(ref)) {
    for (const c of exportingClusters(index, ns, ref.name)) {
      if (c.service && !seen.has(c.service)) {
        seen.add(c.service);
        out.push({ cluster: c.cluster, service: c.service });
      }
    }
  }
  if (out.length) return out;
  for (const ns of namespacesOf(ref)) {
    for (const exp of index.find('ServiceExport', ns, ref.name)) {
      const svc = servicesForExport(index, exp)[0];
      if (svc && !seen.has(svc)) {
        seen.add(svc);
        out.push({ cluster: exp.cluster, service: svc });
      }
    }
  }
  return out;
}

export function clusterLabel(cluster: string | undefined): string {
  return cluster === undefined ? 'the workspace' : `cluster ${cluster}`;
}
