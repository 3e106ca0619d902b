// Reads the `clusterset.*` settings for the language server and for the cluster logic.
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, type ClustersetSettings } from '../../server/src/protocol';

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

/** The kubeconfig path the user set, or undefined for $KUBECONFIG / ~/.kube/config. */
export function kubeconfigSetting(): string | undefined {
  const v = vscode.workspace.getConfiguration('clusterset').get<string>('kubeconfig', '');
  return v || undefined;
}
