// Every custom request, notification and setting shared by the client and the server. The client imports
// this file; keep it free of runtime dependencies beyond the LSP protocol types.

export type Implementation = 'generic' | 'cilium' | 'submariner' | 'gke' | 'istio' | 'aws';
export const IMPLEMENTATIONS: readonly Implementation[] = ['generic', 'cilium', 'submariner', 'gke', 'istio', 'aws'];

/** The `clusterset.*` settings the language service reads. */
export interface ClustersetSettings {
  implementation: Implementation;
  /** mcs-api release of the installed CRDs, e.g. `v0.4.1`; empty = latest known. */
  crdVersion: string;
  /** Target Kubernetes minor version, e.g. `1.33`; empty = latest known. */
  kubernetesVersion: string;
  unknownFieldSeverity: 'error' | 'warning';
  validationTimeBudgetMs: number;
  /** `clusterset.cidrPool`: ranges the CIDR quick fixes may allocate from (default: the range's own private block). */
  cidrPool?: string[];
  /** Per-rule severity or `off` (the project config's `rules:`), by rule id; the engine knows no id itself. */
  rules?: Readonly<Record<string, RuleLevel>>;
  /**
   * Where `implementation` came from, for messages ("the --implementation flag"). Unset with `generic`: nobody
   * chose one, so the service may infer it from the workspace's files. The service fills it in its effective settings.
   */
  implementationSource?: string;
}

/** A rule's configured level: one of the diagnostic severities, or `off`. */
export type RuleLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';
export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

export const DEFAULT_SETTINGS: ClustersetSettings = {
  implementation: 'generic',
  crdVersion: '',
  kubernetesVersion: '',
  unknownFieldSeverity: 'error',
  validationTimeBudgetMs: 2000,
};

/** Sent by the server when a validation ran out of its time budget (shown in the status bar). */
export const ValidationBudgetNotification = 'clusterset/validationBudget';
export interface ValidationBudgetParams {
  uri: string;
  elapsedMs: number;
  budgetMs: number;
}

/** Server status for the client's status bar item. */
export const ServerStatusNotification = 'clusterset/status';
export interface ServerStatusParams {
  indexedFiles: number;
  mcsObjects: number;
  lastValidationMs: number;
  /** A worker thread parses large files on a second core. */
  parallelParse: boolean;
  /** Time the server spent warming its parser and rules up during initialize. */
  warmUpMs: number;
}
