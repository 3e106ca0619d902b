// Extension point for hovers on values: hover.ts asks every provider here, in order, before its own
// field documentation; the first non-null answer wins. Add a provider by appending it to the array
// (e.g. the CIDR hover of the ClusterSet file).
import type { Hover } from 'vscode-languageserver-types';
import { cidrHover } from './cidr/hover';
import type { ClustersetSettings } from '../protocol';
import type { ParsedFile, PlacedDocument } from './parse/parsedFile';
import type { NodePath } from './parse/path';
import type { YNode } from './parse/yamlTree';
import type { WorkspaceIndex } from './workspaceIndex';

export interface ValueHoverContext {
  readonly file: ParsedFile;
  /** The document under the cursor. */
  readonly placed: PlacedDocument;
  /** Path of the node under the cursor (`['spec', 'clusters', 0, 'podCIDRs', 1]`). */
  readonly path: NodePath;
  /** The value node under the cursor (offsets relative to the document's text). */
  readonly node: YNode;
  /** Cursor offset relative to the document's text, like `node.start`/`node.end`. */
  readonly offset: number;
  readonly index: WorkspaceIndex;
  readonly settings: ClustersetSettings;
}

/** Returns a hover for the value under the cursor, or null to let the next provider answer. */
export type ValueHoverProvider = (ctx: ValueHoverContext) => Hover | null;

export const VALUE_HOVER_PROVIDERS: ValueHoverProvider[] = [cidrHover];
