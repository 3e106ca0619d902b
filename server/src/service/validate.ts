// Validation of one parsed file: syntax problems of MCS documents, then the rules, under a time budget.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ClustersetSettings } from '../protocol';
import { boundMessage, findingSpan, findingToDiagnostic, spanToRange, DIAGNOSTIC_SOURCE, type FileLookup } from './diagnostics';
import { isOwnSchemaKind } from './model/apiVersions';
import { isForeignObject } from './model/kindOwnership';
import { MISNAMED_KIND } from './parse/kindSuggestion';
import type { ParsedDocument } from './parse/parsedDocument';
import { stringAt } from './parse/path';
import type { ParsedFile, PlacedDocument } from './parse/parsedFile';
import { rulesByKind } from './rules/allRules';
import { severityOf, type Finding, type Rule, type RuleContext, type Severity } from './rules/rule';
import { placeholderAt } from './model/placeholders';
import { annotationSuppressions, isSuppressed, scanSuppressions } from './suppressions';
import type { IndexDependencies, WorkspaceIndex } from './workspaceIndex';

export interface LocatedFinding {
  finding: Finding;
  severity: Severity;
  docIndex: number;
  /** File offsets of the finding. */
  start: number;
  end: number;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  findings: LocatedFinding[];
  elapsedMs: number;
  /** True when the time budget ran out before every document was checked. */
  timedOut: boolean;
}

/** Per kind, the rules that read only their document and those that read the index (split once, not per document). */
const RULES_BY_KIND = new Map(
  [...rulesByKind()].map(([kind, rules]) => [
    kind,
    { local: rules.filter((r) => !r.crossFile), cross: rules.filter((r) => r.crossFile) },
  ]),
);

/** Findings of rules that look only at their own document, cached per parsed document and settings. */
const localCache = new WeakMap<
  ParsedDocument,
  { uri: string; docIndex: number; settings: ClustersetSettings; findings: Array<{ rule: Rule; finding: Finding }> }
>();

/**
 * Findings of the cross-file rules of one document, with what they read from the index: reused until one of
 * those keys changes, or the document moves (its uri/index are part of what the rules saw).
 */
const crossFileCache = new WeakMap<
  ParsedDocument,
  {
    uri: string;
    docIndex: number;
    settings: ClustersetSettings;
    deps: IndexDependencies;
    findings: Array<{ rule: Rule; finding: Finding }>;
  }
>();

function runRules(
  uri: string,
  placed: PlacedDocument,
  settings: ClustersetSettings,
  index: WorkspaceIndex,
  onCrash: RuleCrashListener | undefined,
): Array<{ rule: Rule; finding: Finding }> {
  const doc = placed.doc;
  // Another vendor's kind of the same name (Fleet's ServiceExport, Antrea's ClusterSet) is not checked; a
  // misspelled or missing MCS kind has its own rule (MCS009), nothing else applies to what kubectl cannot map.
  const foreign = doc.kind !== undefined && isForeignObject(doc.kind, doc.apiVersion);
  const dispatchKind = doc.kindSuggestion ? MISNAMED_KIND : doc.kind;
  const rules = dispatchKind && !foreign && !isUnrenderedTemplate(doc) ? RULES_BY_KIND.get(dispatchKind) : undefined;
  if (!rules) return [];
  // One context for every rule of the document (it is readonly to them).
  const ctx: RuleContext = { uri, docIndex: placed.index, doc, settings, index };
  const cached = localCache.get(doc);
  let local: Array<{ rule: Rule; finding: Finding }>;
  if (cached && cached.settings === settings && cached.uri === uri && cached.docIndex === placed.index) {
    local = cached.findings;
  } else {
    local = [];
    for (const rule of rules.local) {
      for (const finding of safeCheck(rule, ctx, onCrash)) local.push({ rule, finding });
    }
    // Validated once and never again (`clusterset lint`): nothing to keep.
    if (index.tracksDependencies) localCache.set(doc, { uri, docIndex: placed.index, settings, findings: local });
  }
  const crossFileRules = rules.cross;
  if (crossFileRules.length === 0) return local;
  const hit = crossFileCache.get(doc);
  if (hit && hit.uri === uri && hit.docIndex === placed.index && hit.settings === settings && index.unchangedSince(hit.deps)) {
    return hit.findings.length ? local.concat(hit.findings) : local;
  }
  const { value: cross, deps } = index.track(() => {
    const found: Array<{ rule: Rule; finding: Finding }> = [];
    for (const rule of crossFileRules) {
      for (const finding of safeCheck(rule, ctx, onCrash)) found.push({ rule, finding });
    }
    return found;
  });
  if (index.tracksDependencies) crossFileCache.set(doc, { uri, docIndex: placed.index, settings, deps, findings: cross });
  return cross.length ? local.concat(cross) : local;
}

/** The diagnostic code of a rule that threw: a bug of ours, never a finding about the user's YAML. */
export const RULE_CRASH_CODE = 'MCS000';

/** A rule that threw on a document: given to `onRuleCrash` so the server logs it and tests and the CLI fail on it. */
export interface RuleCrash {
  ruleId: string;
  uri: string;
  docIndex: number;
  error: unknown;
}

export type RuleCrashListener = (crash: RuleCrash) => void;

/**
 * A rule bug must not take the server down, nor pass unseen: the crash becomes one `MCS000` warning on the
 * document and is handed to `onCrash` (the server logs it, the CLI exits 2, the fuzz tests fail).
 */
function safeCheck(rule: Rule, ctx: RuleContext, onCrash: RuleCrashListener | undefined): Finding[] {
  try {
    return rule.check(ctx);
  } catch (error) {
    onCrash?.({ ruleId: rule.id, uri: ctx.uri, docIndex: ctx.docIndex, error });
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [
      {
        ruleId: RULE_CRASH_CODE,
        severity: 'warning',
        message: `Internal error: rule ${rule.id} crashed on this document (${what.slice(0, 200)}), so its check is missing here; the other rules still ran. Please report it.`,
        path: ['kind'],
        target: 'key',
      },
    ];
  }
}

/**
 * Which documents get their YAML syntax problems reported. 'all' (the CLI: CI has no other YAML checker) reports
 * every document's; 'mcs-related' (the editor, beside Red Hat YAML) only those of MCS objects and of documents an
 * MCS object depends on (the exported Service, a route to a ServiceImport), so nothing is said twice.
 */
export type SyntaxErrorScope = 'all' | 'mcs-related';

/** Problems that only we find (not the YAML extension): reported in every document. */
const OWN_PROBLEM_CODES = new Set([
  'TOO_LARGE',
  'PARSER_FAILURE',
  'NESTING_TOO_DEEP',
  'ALIAS_LIMIT',
  'ALIAS_CYCLE',
  'BAD_MERGE',
  'BAD_TAG',
]);

/**
 * A document with Go template actions that does not parse (a Helm chart's templates/, a `{{ .Values.x }}` file
 * rendered later) is not YAML yet: what is wrong with it belongs to the template engine, so we say nothing.
 */
export function isUnrenderedTemplate(doc: ParsedDocument): boolean {
  return doc.syntaxProblems.length > 0 && doc.text.includes('{{');
}

function reportsSyntaxOf(doc: ParsedDocument, index: WorkspaceIndex, scope: SyntaxErrorScope): boolean {
  if (isUnrenderedTemplate(doc)) return false;
  if (scope === 'all' || doc.kindSuggestion || doc.mcsRelated) return true;
  if (isOwnSchemaKind(doc.kind) && !(doc.kind && isForeignObject(doc.kind, doc.apiVersion))) return true;
  if (doc.items?.some((i) => isOwnSchemaKind(i.kind) || i.kindSuggestion)) return true;
  if (doc.kind !== 'Service' || doc.syntaxProblems.length === 0) return false;
  // The Service an export names: a broken one means a broken export.
  const name = stringAt(doc.root, ['metadata', 'name']);
  const ns = stringAt(doc.root, ['metadata', 'namespace']) ?? 'default';
  for (const e of index.ofKind('ServiceExport')) {
    if (e.name === name && (e.namespace ?? 'default') === ns) return true;
  }
  return false;
}

function syntaxDiagnostic(file: ParsedFile, offset: number, p: ParsedDocument['syntaxProblems'][number]): Diagnostic {
  return {
    range: spanToRange(file, offset, p.start, p.end),
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: 'YAML',
    message: boundMessage(p.message),
  };
}

/** No document is read by a rule or has a syntax problem, and the file itself has none: an empty result. */
function nothingToReport(file: ParsedFile): boolean {
  if (file.fileProblems.length || file.deferredCount > 0) return false;
  const documents = file.documents;
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i].doc;
    if (!doc.skipped || doc.syntaxProblems.length) return false;
  }
  return true;
}

/**
 * The result of a file with nothing to report, shared (most files of a large repository: 7,000 of the GitOps
 * bench's 10,000 made three objects each, which the validation tail's scavenges then met). Frozen, so a caller
 * that tried to add to it would throw instead of changing every file's result.
 */
export const NOTHING_TO_REPORT: ValidationResult = Object.freeze({
  diagnostics: Object.freeze([]) as unknown as Diagnostic[],
  findings: Object.freeze([]) as unknown as LocatedFinding[],
  elapsedMs: 0,
  timedOut: false,
});

export function validateFile(
  file: ParsedFile,
  settings: ClustersetSettings,
  index: WorkspaceIndex,
  lookup: FileLookup,
  now: () => number = () => performance.now(),
  onCrash?: RuleCrashListener,
  syntaxErrors: SyntaxErrorScope = 'mcs-related',
): ValidationResult {
  // Most files of a large repository: nothing parsed for rules, no syntax problem, nothing to say.
  if (nothingToReport(file)) return NOTHING_TO_REPORT;
  const started = now();
  const deadline = started + settings.validationTimeBudgetMs;
  // The CLI's budget is infinite: no clock read per document (4,640 of them in the bench folder).
  const timeBudgeted = deadline !== Number.POSITIVE_INFINITY;
  const diagnostics: Diagnostic[] = [];
  const findings: LocatedFinding[] = [];
  const suppressions = scanSuppressions(file.text, (o) => file.lines.positionAt(o).line);
  let timedOut = false;
  for (const p of file.fileProblems) diagnostics.push(syntaxDiagnostic(file, 0, p));

  for (const placed of file.documents) {
    if (timeBudgeted && now() > deadline) {
      timedOut = true;
      break;
    }
    const doc = placed.doc;
    if (doc.syntaxProblems.length) {
      const all = reportsSyntaxOf(doc, index, syntaxErrors);
      for (const p of doc.syntaxProblems)
        if (all || (OWN_PROBLEM_CODES.has(p.code) && !isUnrenderedTemplate(doc)))
          diagnostics.push(syntaxDiagnostic(file, placed.offset, p));
    }
    if (doc.skipped) continue;
    const objectOff = annotationSuppressions(doc);
    for (const { rule, finding } of runRules(file.uri, placed, settings, index, onCrash)) {
      if (objectOff && (objectOff.has('*') || objectOff.has(finding.ruleId))) continue;
      // A value a template fills in later (${CLUSTER_ID}, {{ .Values.name }}) is not checked as a name or CIDR yet.
      if (finding.target !== 'key' && !finding.span && placeholderAt(doc.root, finding.path)) continue;
      const severity = severityOf(rule, finding, settings);
      if (!severity) continue; // the rule is off in the project config
      const span = findingSpan(placed, finding);
      const line = file.lines.positionAt(span.start).line;
      if (isSuppressed(suppressions, finding.ruleId, line)) continue;
      findings.push({ finding, severity, docIndex: placed.index, start: span.start, end: span.end });
      diagnostics.push(findingToDiagnostic(file, placed, finding, severity, lookup, span));
    }
  }
  if (file.deferredCount > 0) {
    const first = file.documents.find((d) => d.doc.deferred);
    const at = first ? file.lines.positionAt(first.offset) : { line: 0, character: 0 };
    diagnostics.push({
      range: { start: at, end: at },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: 'BUDGET',
      message: `Clusterset has not parsed ${file.deferredCount} of ${file.documents.length} documents of this file yet (parse time budget); they are being checked and the findings will follow.`,
    });
  }
  const elapsedMs = now() - started;
  if (timedOut) {
    diagnostics.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: 'BUDGET',
      message: `Clusterset stopped validating this file after ${Math.round(elapsedMs)} ms (budget ${settings.validationTimeBudgetMs} ms, setting clusterset.validationTimeBudgetMs); later documents were not checked.`,
    });
  }
  return { diagnostics, findings, elapsedMs, timedOut };
}
