// Hover: field documentation for the MCS kinds. (Filled in by the hover feature; see docs/.)
import type { Hover, Position } from 'vscode-languageserver-types';
import type { ClustersetSettings } from '../protocol';
import type { ParsedFile } from './parse/parsedFile';
import type { WorkspaceIndex } from './workspaceIndex';

export function hoverAt(_file: ParsedFile, _position: Position, _index: WorkspaceIndex, _settings: ClustersetSettings): Hover | null {
  return null;
}
