// Completion of keys and enum values for the MCS kinds. (Filled in by the completion feature.)
import type { CompletionList, Position } from 'vscode-languageserver-types';
import type { ClustersetSettings } from '../protocol';
import type { ParsedFile } from './parse/parsedFile';
import type { WorkspaceIndex } from './workspaceIndex';

export function completionAt(_file: ParsedFile, _position: Position, _index: WorkspaceIndex, _settings: ClustersetSettings): CompletionList | null {
  return null;
}
