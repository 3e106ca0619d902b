// Code lenses: "Preview derived ServiceImport" above every MCS ServiceExport, which opens the ServiceImport the
// controller would derive from the workspace's exports of that namespace/name.
import type { CodeLens } from 'vscode-languageserver-types';
import { GKE_MCS_GROUP, MCS_GROUP, splitApiVersion } from './model/apiVersions';
import { stringAt } from './parse/path';
import type { ParsedFile } from './parse/parsedFile';
import { spanToRange } from './diagnostics';
import type { WorkspaceIndex } from './workspaceIndex';

/** MCS ServiceExports only: other vendors' kinds of the same name (Azure Fleet, AWS Gateway API) derive nothing. */
function isMcsExportGroup(apiVersion: string | undefined): boolean {
  const group = apiVersion ? splitApiVersion(apiVersion).group : '';
  return group === MCS_GROUP || group === GKE_MCS_GROUP;
}

export const PREVIEW_IMPORT_COMMAND = 'clusterset.previewDerivedImport';

export function codeLensesFor(file: ParsedFile): CodeLens[] {
  const out: CodeLens[] = [];
  for (const placed of file.documents) {
    const d = placed.doc;
    if (d.kind !== 'ServiceExport' || !isMcsExportGroup(d.apiVersion)) continue;
    const name = stringAt(d.root, ['metadata', 'name']);
    if (!name) continue;
    const namespace = stringAt(d.root, ['metadata', 'namespace']) ?? 'default';
    const start = d.root?.start ?? 0;
    out.push({
      range: spanToRange(file, placed.offset, start, start),
      command: { title: 'Preview derived ServiceImport', command: PREVIEW_IMPORT_COMMAND, arguments: [`${namespace}/${name}`] },
    });
  }
  return out;
}

/** `namespace/name` of every exported service (a namespace-less export is read as `default`). */
export function exportedServiceNames(index: WorkspaceIndex): string[] {
  const names = new Set<string>();
  for (const o of index.ofKind('ServiceExport')) {
    if (o.name && isMcsExportGroup(o.apiVersion)) names.add(`${o.namespace ?? 'default'}/${o.name}`);
  }
  return [...names].sort();
}
