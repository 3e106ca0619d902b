// The pure language service: text and settings in, LSP types out. No connection, no I/O; the LSP server,
// the CLI and the tests all drive it through this one object.
import {
  DiagnosticSeverity,
  type CodeAction,
  type CodeLens,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, IMPLEMENTATIONS, type ClustersetSettings, type Implementation } from '../protocol';
import { parseProjectConfig, type ParsedProjectConfig } from './config/projectConfig';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { ClusterResolver, type PathMapping } from './model/clusterMapping';
import { readClusterSet } from './model/clusterSet';
import { folderOfUri, globMatcher, relativeTo } from './model/glob';
import { evidenceIn, type ImplementationEvidence } from './model/implementationEvidence';
import { ALL_RULES } from './rules/allRules';
import { displayPath, effectiveSettingsOf, type WorkspaceFacts } from './workspaceSettings';
import { codeActionsFor } from './codeActions';
import { completionAt } from './completion';
import { hoverAt } from './hover';
import type { ParsedDocument } from './parse/parsedDocument';
import { DocumentCache, parseFile, yamlTextOf, type ParsedFile } from './parse/parsedFile';
import { splitDocuments } from './parse/splitDocuments';
import {
  NOTHING_TO_REPORT,
  validateFile,
  type RuleCrashListener,
  type SyntaxErrorScope,
  type ValidationResult,
} from './validate';
import { stringAt } from './parse/path';
import { WorkspaceIndex } from './workspaceIndex';
import { generate } from './generate/index';
import type { GenerateRequest, GenerateResult, GeneratorContext } from './generate/types';
import { codeLensesFor, exportedServiceNames } from './codeLens';

/** `spec.implementation` of the first ClusterSet file in the workspace, when it names a known one. */
function implementationFromClusterSet(index: WorkspaceIndex): { implementation: Implementation; uri: string } | undefined {
  for (const o of index.ofKind('ClusterSet')) {
    const v = stringAt(o.doc.root, ['spec', 'implementation']);
    if (v && (IMPLEMENTATIONS as readonly string[]).includes(v)) return { implementation: v as Implementation, uri: o.uri };
  }
  return undefined;
}

/** `spec.clusters[].paths` of the workspace's ClusterSet files, relative to each file's folder. */
function clusterSetMappings(index: WorkspaceIndex): PathMapping[] {
  const out: PathMapping[] = [];
  for (const o of index.ofKind('ClusterSet')) {
    const clusters = readClusterSet(o.doc.root)
      .clusters.filter((c) => c.name && c.paths.length)
      .map((c) => ({ name: c.name?.value ?? '', globs: c.paths.map((p) => p.value) }));
    if (clusters.length) out.push({ baseUri: folderOfUri(o.uri), origin: displayPath(o.uri), clusters });
  }
  return out;
}

const KNOWN_RULES: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));

interface FileState {
  cache: DocumentCache;
  parsed: ParsedFile;
  /** Last validation, reused while neither the file, the index nor the settings changed. */
  result?: { indexRevision: number; settings: ClustersetSettings; value: ValidationResult };
}

export interface LanguageService {
  readonly index: WorkspaceIndex;
  settings(): ClustersetSettings;
  updateSettings(partial: Partial<ClustersetSettings>): void;
  /** Adds or replaces a file (open editor or workspace file on disk). Returns true when the index changed. */
  setFile(uri: string, text: string, version?: number): boolean;
  /** Texts of the documents of `text` that the file's cache does not hold yet (for parsing them elsewhere). */
  unparsedDocuments(uri: string, text: string): string[];
  /** Puts documents parsed elsewhere (a worker thread) into the file's cache; the next setFile uses them. */
  addParsedDocuments(uri: string, docs: readonly ParsedDocument[]): void;
  /** Parses documents a time budget put off (see `parseBudgetMs`). Returns true when the index changed. */
  continueParsing(uri: string): boolean;
  /** How many documents of the file are still waiting to be parsed. */
  deferredCount(uri: string): number;
  removeFile(uri: string): boolean;
  /**
   * The URI of the project config file (`.clusterset.yaml` at the root); its text arrives through setFile like
   * any file's (the service does no I/O). Undefined: no project config.
   */
  setProjectConfigUri(uri: string | undefined): void;
  /** True for files the project config's `ignore:` globs exclude: not indexed, not validated. For walkers too. */
  isIgnored(uri: string): boolean;
  hasFile(uri: string): boolean;
  getFile(uri: string): ParsedFile | undefined;
  uris(): Iterable<string>;
  validate(uri: string): ValidationResult;
  codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
  hover(uri: string, position: Position): Hover | null;
  completion(uri: string, position: Position): CompletionList | null;
  /** Runs a generator (derived ServiceImport, wiring runbook, traffic policy, NetworkPolicy) on the workspace. */
  generate(request: GenerateRequest): GenerateResult;
  /** "Preview derived ServiceImport" lenses above the file's ServiceExports. */
  codeLenses(uri: string): CodeLens[];
  /** `namespace/name` of every exported service in the workspace. */
  exportedServices(): string[];
}

/** The workspace as the generators read it: the index, the settings and the first ClusterSet file. */
function generatorContext(index: WorkspaceIndex, settings: ClustersetSettings): GeneratorContext {
  for (const o of index.ofKind('ClusterSet')) {
    return { index, settings, clusterSet: { uri: o.uri, doc: o.doc, model: readClusterSet(o.doc.root) } };
  }
  return { index, settings, clusterSet: undefined };
}

export interface LanguageServiceOptions {
  settings?: Partial<ClustersetSettings>;
  /**
   * Parse at most this long per call (the editor sets it, so a 10 MB file never freezes the server); documents
   * past it are parsed by `continueParsing`. Unset (the CLI): parse everything at once.
   */
  parseBudgetMs?: number;
  /**
   * Called when a rule throws (a bug of ours): the document gets an `MCS000` warning instead of that rule's
   * findings. The server logs it, the CLI exits 2 and the tests fail on it, so a crash is never silent.
   */
  onRuleCrash?: RuleCrashListener;
  /** See `setProjectConfigUri`. */
  projectConfigUri?: string;
  /** Workspace root folders (URIs); rules read a file's folders relative to them. */
  roots?: readonly string[];
  /**
   * Whose YAML syntax errors to report: 'mcs-related' (default; the editor, where Red Hat YAML reports the rest) or
   * 'all' (the CLI: in CI nothing else would).
   */
  syntaxErrors?: SyntaxErrorScope;
  /** The fast path YAML parser (default true); `false` parses every document with `yaml` alone, as before it. */
  fastParse?: boolean;
  /**
   * Record what each cross-file computation read, so a change revalidates only what it touched (default true:
   * the editor). `false` for a service whose files are set once and then each validated once (`clusterset lint`).
   */
  trackDependencies?: boolean;
  /** Judge ConfigMaps and Deployments by their markers (default true; see rules/kindsRead.ts KIND_MARKERS). */
  kindMarkers?: boolean;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const files = new Map<string, FileState>();
  const syntaxErrors = options.syntaxErrors ?? 'mcs-related';
  // In 'all' mode documents of no interest are parsed too, for their syntax errors only.
  const parseOptions = {
    syntaxOfAll: syntaxErrors === 'all',
    fastParse: options.fastParse !== false,
    kindMarkers: options.kindMarkers !== false,
  };
  // One options object for every file's cache (10,000 files, 10,000 objects less).
  // A one-shot service (trackDependencies false: `clusterset lint`) parses each file once: nothing to keep.
  const newCache = (): DocumentCache => new DocumentCache(parseOptions, options.trackDependencies !== false);
  /** Caches of files not set yet, filled by addParsedDocuments. */
  const seeded = new Map<string, DocumentCache>();
  const cacheOf = (uri: string): DocumentCache => {
    const existing = files.get(uri)?.cache ?? seeded.get(uri);
    if (existing) return existing;
    const fresh = newCache();
    seeded.set(uri, fresh);
    return fresh;
  };
  const index = new WorkspaceIndex(options.trackDependencies !== false);
  if (options.roots) index.setRoots(options.roots);
  let settings: ClustersetSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const lookup = (uri: string): ParsedFile | undefined => files.get(uri)?.parsed;
  const deadline = (): number | undefined =>
    options.parseBudgetMs === undefined ? undefined : performance.now() + options.parseBudgetMs;
  let configUri = options.projectConfigUri;
  let config: (ParsedProjectConfig & { uri: string; ignore: Array<(p: string) => boolean> }) | undefined;
  const evidence = new Map<string, ImplementationEvidence[]>();
  let evidenceRevision = 0;
  let effective:
    | {
        settings: ClustersetSettings;
        implementation: Implementation | undefined;
        clusterSetUri: string | undefined;
        config: typeof config;
        evidenceRevision: number;
        value: ClustersetSettings;
      }
    | undefined;

  /** The settings with what the workspace says (ClusterSet file, project config, inferred implementation). */
  function effectiveSettings(): ClustersetSettings {
    const clusterSet = implementationFromClusterSet(index);
    // Compared part by part (no key array per call: it runs once per validated file).
    if (
      !effective ||
      effective.settings !== settings ||
      effective.implementation !== clusterSet?.implementation ||
      effective.clusterSetUri !== clusterSet?.uri ||
      effective.config !== config ||
      effective.evidenceRevision !== evidenceRevision
    ) {
      // Same object while nothing changed, so per-document caches keyed on the settings stay valid.
      const facts: WorkspaceFacts = {
        clusterSet,
        config: config && { value: config.config, uri: config.uri },
        evidence: [...evidence.values()].flat(),
      };
      effective = {
        settings,
        implementation: clusterSet?.implementation,
        clusterSetUri: clusterSet?.uri,
        config,
        evidenceRevision,
        value: effectiveSettingsOf(settings, facts),
      };
    }
    return effective.value;
  }

  function isIgnored(uri: string): boolean {
    if (!config || config.ignore.length === 0) return false;
    const rel = relativeTo(folderOfUri(config.uri), uri);
    return rel !== undefined && config.ignore.some((m) => m(rel));
  }

  /** Re-places files into clusters after a ClusterSet file or the project config changed. */
  function refreshClusters(): boolean {
    const mappings = clusterSetMappings(index);
    if (config?.config.clusters.length)
      mappings.push({
        baseUri: folderOfUri(config.uri),
        origin: displayPath(config.uri),
        clusters: config.config.clusters.map((c) => ({ name: c.name, globs: c.paths })),
      });
    return index.setClusterResolver(new ClusterResolver(mappings));
  }

  const holdsClusterSet = (uri: string): boolean => index.objectsIn(uri).some((o) => o.kind === 'ClusterSet');

  /** Puts a file into the index, or keeps it out when ignored; returns true when the index changed. */
  function indexFile(uri: string, parsed: ParsedFile): boolean {
    if (uri === configUri) return false;
    if (isIgnored(uri)) return index.removeFile(uri);
    const had = holdsClusterSet(uri);
    const changed = index.updateFile(parsed);
    if (changed && (had || holdsClusterSet(uri))) refreshClusters();
    return changed;
  }

  function applyConfig(uri: string, text: string | undefined): void {
    if (text === undefined) config = undefined;
    else {
      const parsed = parseProjectConfig(text, KNOWN_RULES);
      config = { ...parsed, uri, ignore: parsed.config.ignore.map(globMatcher) };
    }
    for (const [u, state] of files) if (u !== uri) indexFile(u, state.parsed);
    refreshClusters();
  }

  function setEvidence(uri: string, text: string | undefined): void {
    const next = text === undefined || uri === configUri ? [] : evidenceIn(uri, text);
    const prev = evidence.get(uri) ?? [];
    if (prev.length === 0 && next.length === 0) return;
    if (next.length) evidence.set(uri, next);
    else evidence.delete(uri);
    if (JSON.stringify(prev) !== JSON.stringify(next)) evidenceRevision++;
  }

  function configDiagnostics(state: FileState): ValidationResult {
    const diagnostics: Diagnostic[] = (config?.problems ?? []).map((p) => ({
      range: { start: state.parsed.lines.positionAt(p.start), end: state.parsed.lines.positionAt(p.end) },
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: 'CONFIG',
      message: p.message,
    }));
    return { diagnostics, findings: [], elapsedMs: 0, timedOut: false };
  }

  const service: LanguageService = {
    index,
    settings: () => effectiveSettings(),
    updateSettings(partial) {
      settings = { ...settings, ...partial };
    },
    setFile(uri, text, version = 0) {
      const state = files.get(uri);
      if (state && state.parsed.text === text) {
        if (state.parsed.version !== version) state.parsed = { ...state.parsed, version };
        return false;
      }
      const cache = state?.cache ?? seeded.get(uri) ?? newCache();
      seeded.delete(uri);
      const parsed = parseFile(uri, text, version, cache, deadline());
      files.set(uri, { cache, parsed });
      setEvidence(uri, text);
      if (uri === configUri) {
        applyConfig(uri, text);
        return true;
      }
      return indexFile(uri, parsed);
    },
    unparsedDocuments(uri, text) {
      const cache = files.get(uri)?.cache ?? seeded.get(uri);
      return splitDocuments(yamlTextOf(text))
        .map((c) => c.text)
        .filter((t) => !cache?.get(t));
    },
    addParsedDocuments(uri, docs) {
      const cache = cacheOf(uri);
      for (const d of docs) cache.put(d);
    },
    continueParsing(uri) {
      const state = files.get(uri);
      if (!state || state.parsed.deferredCount === 0) return false;
      state.parsed = parseFile(uri, state.parsed.text, state.parsed.version, state.cache, deadline());
      state.result = undefined;
      return indexFile(uri, state.parsed);
    },
    deferredCount: (uri) => files.get(uri)?.parsed.deferredCount ?? 0,
    removeFile(uri) {
      files.delete(uri);
      seeded.delete(uri);
      setEvidence(uri, undefined);
      if (uri === configUri) {
        applyConfig(uri, undefined);
        return true;
      }
      const had = holdsClusterSet(uri);
      const changed = index.removeFile(uri);
      if (had) refreshClusters();
      return changed;
    },
    setProjectConfigUri(uri) {
      if (uri === configUri) return;
      configUri = uri;
      const state = uri === undefined ? undefined : files.get(uri);
      if (state && uri) index.removeFile(uri);
      applyConfig(uri ?? '', state?.parsed.text);
    },
    isIgnored,
    hasFile: (uri) => files.has(uri),
    getFile: lookup,
    uris: () => files.keys(),
    validate(uri) {
      const state = files.get(uri);
      if (!state || (uri !== configUri && isIgnored(uri))) return NOTHING_TO_REPORT;
      if (uri === configUri) return configDiagnostics(state);
      const r = state.result;
      const current = effectiveSettings();
      if (r && r.indexRevision === index.revision && r.settings === current) return r.value;
      const value = validateFile(state.parsed, current, index, lookup, undefined, options.onRuleCrash, syntaxErrors);
      // The shared empty result costs nothing to find again: no record per file of it.
      state.result = value === NOTHING_TO_REPORT ? undefined : { indexRevision: index.revision, settings: current, value };
      return value;
    },
    codeActions(uri, range, diagnostics) {
      const state = files.get(uri);
      if (!state) return [];
      return codeActionsFor(state.parsed, service.validate(uri).findings, range, diagnostics);
    },
    hover(uri, position) {
      const file = lookup(uri);
      return file ? hoverAt(file, position, service.index, effectiveSettings()) : null;
    },
    completion(uri, position) {
      const file = lookup(uri);
      return file ? completionAt(file, position, service.index, effectiveSettings()) : null;
    },
    generate: (request) => generate(request, generatorContext(index, effectiveSettings())),
    codeLenses(uri) {
      const file = lookup(uri);
      return file ? codeLensesFor(file) : [];
    },
    exportedServices: () => exportedServiceNames(index),
  };
  return service;
}
