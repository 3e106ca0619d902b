// Every custom request, notification and setting shared by the client and the server. Each custom message is
// one typed `NotificationType`/`RequestType` here (as vscode-eslint's customMessages and rust-analyzer's
// lsp_ext.ts do), used by both sides, so the method name and its params cannot drift apart; no other file
// spells a `clusterset/…` method (test/unit/server/protocol.test.ts checks). The CLI, the cluster engine and
// the pure service import this file too, so its only runtime import is vscode-jsonrpc's message classes
// (one small module with no I/O), not the LSP connection code.
import { NotificationType, RequestType } from 'vscode-jsonrpc/lib/common/messages';
import { version } from '../../package.json';

/** The extension's version, from package.json only (the CLI's --version, the server's serverInfo). */
export const CLUSTERSET_VERSION: string = version;

/**
 * Folders the workspace walk never enters: dependencies and build output (a vendored mcs-api would bring its
 * CRDs and samples, doubling every object), plus every dot-folder (`.git`, `.venv`, `.terraform`,
 * `.vscode-test`: tool state, never the user's manifests). Shared by the editor's index, `clusterset lint`
 * (server/src/service/workspaceFilter.ts) and the client's own file searches, so all three see one workspace.
 */
export const WORKSPACE_SKIP_DIRS: readonly string[] = ['node_modules', 'vendor', 'dist', 'out'];
/** The same skip list as a VS Code `findFiles` exclude glob (`.*` = the dot-folders). */
export const WORKSPACE_EXCLUDE_GLOB = `**/{${[...WORKSPACE_SKIP_DIRS, '.*'].join(',')}}/**`;

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
  /** Where `crdVersion` came from ("the --crd-version flag"); set by a caller that outranks the project config. */
  crdVersionSource?: string;
  /** Where `kubernetesVersion` came from; set by a caller that outranks the project config. */
  kubernetesVersionSource?: string;
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
export interface ValidationBudgetParams {
  uri: string;
  elapsedMs: number;
  budgetMs: number;
}
export const ValidationBudgetNotification = new NotificationType<ValidationBudgetParams>('clusterset/validationBudget');

/** Server status for the client's status bar item. */
export interface ServerStatusParams {
  indexedFiles: number;
  mcsObjects: number;
  lastValidationMs: number;
  /** A worker thread parses large files on a second core. */
  parallelParse: boolean;
  /** Time the server spent warming its parser and rules up during initialize. */
  warmUpMs: number;
}
export const ServerStatusNotification = new NotificationType<ServerStatusParams>('clusterset/status');

/** The generators (server/src/service/generate/): derived ServiceImport, wiring runbook, traffic policy, NetworkPolicy. */
export type GeneratorId = 'serviceimport' | 'wiring' | 'traffic-policy' | 'networkpolicy';

export interface GenerateParams {
  generator: GeneratorId;
  /** `namespace/name` of the service, for the per-service generators. */
  service?: string;
  /** Version of the implementation (e.g. Cilium `1.19`), for version-dependent steps. */
  implementationVersion?: string;
  /** How to name the ClusterSet file in generated commands (the CLI passes a path relative to its cwd). */
  clusterSetPath?: string;
}

/** A whole document, or a clear error naming the problem: never half a file. */
export type GenerateResult =
  { ok: true; title: string; language: 'yaml' | 'markdown'; text: string; warnings: string[] } | { ok: false; error: string };

export const GenerateRequest = new RequestType<GenerateParams, GenerateResult, void>('clusterset/generate');

/** `namespace/name` of every exported service in the workspace, sorted (the generators' service pick). */
export const ExportedServicesRequest = new RequestType<Record<string, never>, string[], void>('clusterset/exportedServices');
