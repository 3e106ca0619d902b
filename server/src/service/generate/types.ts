// What every generator returns: a whole document or a clear error naming the problem, never half a file.
import type { ClustersetSettings } from '../../protocol';
import type { ClusterSetModel } from '../model/clusterSet';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { WorkspaceIndex } from '../workspaceIndex';

export type GeneratedLanguage = 'yaml' | 'markdown';

export type GenerateResult =
  { ok: true; title: string; language: GeneratedLanguage; text: string; warnings: string[] } | { ok: false; error: string };

export type GeneratorId = 'serviceimport' | 'wiring' | 'traffic-policy' | 'networkpolicy';

export interface GenerateRequest {
  generator: GeneratorId;
  /** `namespace/name` of the service, for the per-service generators. */
  service?: string;
  /** Version of the implementation (e.g. Cilium `1.19`), for version-dependent steps. */
  implementationVersion?: string;
  /** How to name the ClusterSet file in generated commands (the CLI passes a path relative to its cwd). */
  clusterSetPath?: string;
}

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
