// The workspace's ClusterSet file: a YAML file with a `kind: ClusterSet` document. Shared by the tree's
// scope, Reveal in ClusterSet file and Discover CIDRs.
import * as vscode from 'vscode';
import { WORKSPACE_EXCLUDE_GLOB } from '../../server/src/protocol';
import { clusters } from './clusterModule';

// The folders the language server and `clusterset lint` skip, so all three agree on the workspace.
const EXCLUDE = WORKSPACE_EXCLUDE_GLOB;
export const CLUSTERSET_GLOB = '**/*clusterset*.{yaml,yml}';

async function text(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  const bytes = await vscode.workspace.fs.readFile(uri).then(
    (b) => b,
    () => undefined,
  );
  return bytes && bytes.length < 1_000_000 ? Buffer.from(bytes).toString('utf8') : undefined;
}

/**
 * True when the text holds a ClusterSet document as the language service reads it (quoted or flow-style
 * `kind`, a comment after it, a `---` stream), so every command agrees with the linter on what the file is.
 */
export function isClusterSetText(text: string): boolean {
  // The word test skips the parse for the many YAML files that cannot be one.
  return text.includes('ClusterSet') && clusters().readClusterSetText(text) !== undefined;
}

/** Every ClusterSet file with its text; files named like one first, only without any is every YAML file read. */
export async function findClusterSetFiles(): Promise<Array<{ uri: vscode.Uri; text: string }>> {
  let files = await vscode.workspace.findFiles(CLUSTERSET_GLOB, EXCLUDE, 200);
  if (files.length === 0) files = await vscode.workspace.findFiles('**/*.{yaml,yml}', EXCLUDE, 2000);
  const found: Array<{ uri: vscode.Uri; text: string }> = [];
  for (const uri of files.sort((a, b) => a.path.localeCompare(b.path))) {
    const t = await text(uri);
    if (t !== undefined && isClusterSetText(t)) found.push({ uri, text: t });
  }
  return found;
}

/** The ClusterSet file; the user picks when there are several and `ask` is set, else the first one. */
export async function findClusterSetFile(ask: boolean): Promise<{ uri: vscode.Uri; text: string } | undefined> {
  const found = await findClusterSetFiles();
  if (found.length <= 1 || !ask) return found[0];
  const pick = await vscode.window.showQuickPick(
    found.map((f) => ({ label: vscode.workspace.asRelativePath(f.uri), f })),
    { title: 'Which ClusterSet file?' },
  );
  return pick?.f;
}
