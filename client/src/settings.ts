// The client's one reader of the `clusterset.*` settings and its one trust guard: every command and view
// that reads a kubeconfig or contacts a cluster goes through `clusterAccessSettings()` and `requireTrust()`,
// so they all honour workspace trust the same way and say so with the same message.
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, type ClustersetSettings } from '../../server/src/protocol';

/** The language server's settings. */
export function readSettings(): ClustersetSettings {
  const c = vscode.workspace.getConfiguration('clusterset');
  // Set by the user (even to `generic`): it wins over the implementation the workspace's files show.
  const chosen = c.inspect('implementation');
  const explicit = [chosen?.globalValue, chosen?.workspaceValue, chosen?.workspaceFolderValue].some((v) => v !== undefined);
  return {
    implementation: c.get('implementation', DEFAULT_SETTINGS.implementation),
    implementationSource: explicit ? 'the clusterset.implementation setting' : undefined,
    crdVersion: c.get('crdVersion', DEFAULT_SETTINGS.crdVersion),
    kubernetesVersion: c.get('kubernetesVersion', DEFAULT_SETTINGS.kubernetesVersion),
    unknownFieldSeverity: c.get('unknownFieldSeverity', DEFAULT_SETTINGS.unknownFieldSeverity),
    validationTimeBudgetMs: c.get('validationTimeBudgetMs', DEFAULT_SETTINGS.validationTimeBudgetMs),
    cidrPool: c.get<string[]>('cidrPool', []),
  };
}

export interface ClusterAccessSettings {
  /** The kubeconfig path the user set, or undefined for $KUBECONFIG / ~/.kube/config. */
  kubeconfig: string | undefined;
  /** Exec credential plugins may run: the setting allows it and the workspace is trusted. */
  allowExecAuth: boolean;
  /** `clusterset.contexts`: the clusterset's contexts when no ClusterSet file names them. */
  contexts: string[];
  /** `clusterset.implementation`, used when no ClusterSet file says which. */
  implementation: string;
}

/** Settings for everything that reads a kubeconfig or a cluster. */
export function clusterAccessSettings(): ClusterAccessSettings {
  const c = vscode.workspace.getConfiguration('clusterset');
  const contexts = c.get<unknown>('contexts', []);
  return {
    kubeconfig: c.get<string>('kubeconfig', '') || undefined,
    allowExecAuth: vscode.workspace.isTrusted && c.get<boolean>('allowExecAuth', true),
    contexts: Array.isArray(contexts) ? contexts.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [],
    implementation: c.get<string>('implementation', DEFAULT_SETTINGS.implementation),
  };
}

/** Settings whose change means the clusterset must be read again. */
export const ACCESS_SETTINGS = [
  'clusterset.kubeconfig',
  'clusterset.allowExecAuth',
  'clusterset.contexts',
  'clusterset.implementation',
];

export const UNTRUSTED =
  'Clusterset does not read kubeconfig files, run credential plugins or contact clusters in an untrusted workspace.';

/**
 * The one trust guard. True in a trusted workspace; otherwise one warning naming what was refused, with a
 * button to manage trust, and false. `silent` only answers (for views, which say it in a row instead).
 */
export function requireTrust(action: string, silent = false): boolean {
  if (vscode.workspace.isTrusted) return true;
  if (!silent)
    void vscode.window
      .showWarningMessage(`${UNTRUSTED} Trust the workspace to ${action}.`, 'Manage Workspace Trust')
      .then((a) => {
        if (a) void vscode.commands.executeCommand('workbench.trust.manage');
      });
  return false;
}

/** The kubeconfig path the user set (kept for callers that need only this). */
export function kubeconfigSetting(): string | undefined {
  return clusterAccessSettings().kubeconfig;
}
