// The contract every rule file implements. Rules are pure: they read a document (and the workspace index)
// and return findings that point into the document by path.
import type { ClustersetSettings } from '../../protocol';
import type { NodePath } from '../parse/path';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { WorkspaceIndex } from '../workspaceIndex';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text edit expressed by path, turned into an LSP edit by the code-action layer. */
export type FixEdit =
  | { op: 'replaceValue'; path: NodePath; text: string }
  | { op: 'renameKey'; path: NodePath; newKey: string }
  | { op: 'insertText'; /** Offset relative to the document's text. */ at: number; text: string }
  | { op: 'replaceSpan'; start: number; end: number; text: string };

export interface QuickFix {
  title: string;
  edits: FixEdit[];
  /** Edits in another file (e.g. a new Service skeleton). */
  newFile?: { uri: string; text: string };
  preferred?: boolean;
}

export interface RelatedLocation {
  uri: string;
  /** Index of the document in that file. */
  docIndex: number;
  path: NodePath;
  message: string;
}

export interface Finding {
  ruleId: string;
  message: string;
  path: NodePath;
  /** Underline the key instead of the value. */
  target?: 'key' | 'value' | 'pair';
  /** Overrides the rule's default (profile-dependent severities). */
  severity?: Severity;
  /** A raw span inside the document text, for findings not tied to a YAML node (Corefile lines). */
  span?: { start: number; end: number };
  related?: RelatedLocation[];
  fixes?: QuickFix[];
}

export interface RuleContext {
  readonly uri: string;
  readonly docIndex: number;
  readonly doc: ParsedDocument;
  readonly settings: ClustersetSettings;
  readonly index: WorkspaceIndex;
}

export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Kinds the rule looks at; the engine calls `check` only for these. */
  readonly kinds: readonly string[];
  /** True when the rule reads the workspace index, so its findings change when other files change. */
  readonly crossFile?: boolean;
  /**
   * What a user may configure about the rule besides its level in the project config's `rules:` (every rule
   * can be set to a severity or `off` there): a `clusterset.*` setting that sets its severity.
   */
  readonly configurable?: { readonly severitySetting?: SeveritySettingKey };
  check(ctx: RuleContext): Finding[];
}

/** Settings whose value is a severity, so a rule may name one as its own severity setting. */
export type SeveritySettingKey = {
  [K in keyof ClustersetSettings]-?: NonNullable<ClustersetSettings[K]> extends Severity ? K : never;
}[keyof ClustersetSettings];

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The severity a finding is reported with, or undefined when its rule is off. The configured level (project
 * config, then the rule's severity setting) replaces the rule's default; a finding that sets its own severity
 * (profile-dependent) keeps it unless the configured level is milder: configuration lowers, never raises it.
 */
export function severityOf(rule: Rule, finding: Finding, settings: ClustersetSettings): Severity | undefined {
  const setting = rule.configurable?.severitySetting;
  const configured = settings.rules?.[rule.id] ?? (setting ? settings[setting] : undefined);
  if (configured === 'off') return undefined;
  if (!configured) return finding.severity ?? rule.severity;
  if (!finding.severity) return configured;
  return RANK[configured] > RANK[finding.severity] ? configured : finding.severity;
}
