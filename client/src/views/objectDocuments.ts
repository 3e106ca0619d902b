// Read-only YAML documents of the objects the tree lists (scheme `clusterset-object:`): a
// TextDocumentContentProvider, so VS Code offers no save and nothing is written back. The URI carries the
// object reference; the provider reads only kinds with an API path in clusters/src/objectYaml.ts (never
// Secrets), through the member's own context, under the trust guard.
import * as vscode from 'vscode';
import { clusters } from '../clusterModule';
import type { ObjectRef } from '../../../clusters/src/inventory/snapshot';
import { clusterAccessSettings, requireTrust } from '../settings';
import type { LiveClusterset } from './liveClusterset';

export const OBJECT_SCHEME = 'clusterset-object';

export function objectUri(ref: ObjectRef): vscode.Uri {
  const path = `/${ref.cluster}/${ref.kind}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}.yaml`;
  return vscode.Uri.from({ scheme: OBJECT_SCHEME, path, query: JSON.stringify(ref) });
}

function refOf(uri: vscode.Uri): ObjectRef | undefined {
  try {
    const r = JSON.parse(uri.query) as Partial<ObjectRef>;
    if (
      typeof r.cluster === 'string' &&
      typeof r.kind === 'string' &&
      typeof r.name === 'string' &&
      typeof r.apiVersion === 'string'
    )
      return {
        cluster: r.cluster,
        kind: r.kind,
        name: r.name,
        apiVersion: r.apiVersion,
        ...(typeof r.namespace === 'string' ? { namespace: r.namespace } : {}),
      };
  } catch {
    // fall through: not one of ours
  }
  return undefined;
}

export class ObjectDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly live: LiveClusterset) {}

  /** Reads every open object document again (Refresh). */
  refreshOpen(): void {
    for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === OBJECT_SCHEME) this.changed.fire(d.uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ref = refOf(uri);
    const c = clusters();
    if (!ref || !c.objectPath(ref)) return '# Clusterset shows only the objects its tree lists.\n';
    if (!requireTrust('read objects from clusters', true)) return `# ${ref.kind} ${ref.name}: the workspace is not trusted.\n`;
    const member = this.live.currentScope?.members.find((m) => m.name === ref.cluster);
    if (!member) return `# cluster ${ref.cluster} is not in the clusterset any more (Refresh the Clusterset view).\n`;
    const s = clusterAccessSettings();
    const loaded = c.loadKubeConfig(s.kubeconfig);
    if (!loaded.ok) return `# ${loaded.error}\n`;
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    const access = c.openClusterAccess(loaded.kc, member.context, { allowExecAuth: s.allowExecAuth, signal: abort.signal });
    if (!access.ok) return `# ${ref.kind} ${ref.name} in ${ref.cluster}: ${c.describeFault(access.fault)}\n`;
    const r = await c.readObjectYaml(access.value, ref);
    return r.ok ? r.value : `# ${ref.kind} ${ref.name} in ${ref.cluster} could not be read: ${c.describeFault(r.fault)}\n`;
  }
}
