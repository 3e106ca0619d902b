// What every generator returns: a whole document or a clear error naming the problem, never half a file.
import type { ClustersetSettings, GenerateParams, GenerateResult, GeneratorId } from '../../protocol';
import type { ClusterSetModel } from '../model/clusterSet';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { WorkspaceIndex } from '../workspaceIndex';

export type { GenerateResult, GeneratorId };
export type GenerateRequest = GenerateParams;

/** What a generator reads: the workspace as the linter sees it. */
export interface GeneratorContext {
  readonly index: WorkspaceIndex;
  readonly settings: ClustersetSettings;
  /** The workspace's ClusterSet file, when it has one (with the uri it came from). */
  readonly clusterSet: { uri: string; doc: ParsedDocument; model: ClusterSetModel } | undefined;
}

export function failure(error: string): GenerateResult {
  return { ok: false, error };
}

export interface ServiceRef {
  namespace: string;
  name: string;
}

/** Parses `namespace/name` (a bare name means the `default` namespace, as kubectl reads it). */
export function parseServiceRef(text: string | undefined): ServiceRef | string {
  if (!text) return 'Name the service as namespace/name (e.g. --service shop/cart).';
  const parts = text.split('/');
  if (parts.length > 2 || parts.some((p) => p === '')) return `"${text}" is not namespace/name.`;
  return parts.length === 2 ? { namespace: parts[0], name: parts[1] } : { namespace: 'default', name: parts[0] };
}
