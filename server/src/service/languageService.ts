// The pure language service: text and settings in, LSP types out. No connection, no I/O; the LSP server,
// the CLI and the tests all drive it through this one object.
import type { CodeAction, CompletionList, Diagnostic, Hover, Position, Range } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, IMPLEMENTATIONS, type ClustersetSettings, type Implementation } from '../protocol';
import { codeActionsFor } from './codeActions';
import { completionAt } from './completion';
import { hoverAt } from './hover';
import type { ParsedDocument } from './parse/parsedDocument';
import { DocumentCache, parseFile, yamlTextOf, type ParsedFile } from './parse/parsedFile';
import { splitDocuments } from './parse/splitDocuments';
import { validateFile, type SyntaxErrorScope, type ValidationResult } from './validate';
import { stringAt } from './parse/path';
import { WorkspaceIndex } from './workspaceIndex';

/** `spec.implementation` of the first ClusterSet file in the workspace, when it names a known one. */
function implementationFromClusterSet(index: WorkspaceIndex): string | undefined {
  for (const o of index.ofKind('ClusterSet')) {
    const v = stringAt(o.doc.root, ['spec', 'implementation']);
    if (v && (IMPLEMENTATIONS as readonly string[]).includes(v)) return v;
  }
  return undefined;
}

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
  hasFile(uri: string): boolean;
  getFile(uri: string): ParsedFile | undefined;
  uris(): Iterable<string>;
  validate(uri: string): ValidationResult;
  codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
  hover(uri: string, position: Position): Hover | null;
  completion(uri: string, position: Position): CompletionList | null;
}

export interface LanguageServiceOptions {
  settings?: Partial<ClustersetSettings>;
  /**
   * Parse at most this long per call (the editor sets it, so a 10 MB file never freezes the server); documents
   * past it are parsed by `continueParsing`. Unset (the CLI): parse everything at once.
   */
  parseBudgetMs?: number;
  /**
   * Whose YAML syntax errors to report: 'mcs-related' (default; the editor, where Red Hat YAML reports the rest) or
   * 'all' (the CLI: in CI nothing else would).
   */
  syntaxErrors?: SyntaxErrorScope;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const files = new Map<string, FileState>();
  const syntaxErrors = options.syntaxErrors ?? 'mcs-related';
  // In 'all' mode documents of no interest are parsed too, for their syntax errors only.
  const newCache = (): DocumentCache => new DocumentCache(syntaxErrors === 'all' ? { syntaxOfAll: true } : {});
  /** Caches of files not set yet, filled by addParsedDocuments. */
  const seeded = new Map<string, DocumentCache>();
  const cacheOf = (uri: string): DocumentCache => {
    const existing = files.get(uri)?.cache ?? seeded.get(uri);
    if (existing) return existing;
    const fresh = newCache();
    seeded.set(uri, fresh);
    return fresh;
  };
  const index = new WorkspaceIndex();
  let settings: ClustersetSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const lookup = (uri: string): ParsedFile | undefined => files.get(uri)?.parsed;
  const deadline = (): number | undefined =>
    options.parseBudgetMs === undefined ? undefined : performance.now() + options.parseBudgetMs;
  let effective: { base: ClustersetSettings; implementation: string | undefined; value: ClustersetSettings } | undefined;

  /** The settings, with the implementation of the workspace's ClusterSet file when there is one (it wins). */
  function effectiveSettings(): ClustersetSettings {
    const implementation = implementationFromClusterSet(index);
    if (!effective || effective.base !== settings || effective.implementation !== implementation) {
      // Same object while nothing changed, so per-document caches keyed on the settings stay valid.
      effective = {
        base: settings,
        implementation,
        value: implementation ? { ...settings, implementation: implementation as Implementation } : settings,
      };
    }
    return effective.value;
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
      return index.updateFile(parsed);
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
      return index.updateFile(state.parsed);
    },
    deferredCount: (uri) => files.get(uri)?.parsed.deferredCount ?? 0,
    removeFile(uri) {
      files.delete(uri);
      seeded.delete(uri);
      return index.removeFile(uri);
    },
    hasFile: (uri) => files.has(uri),
    getFile: lookup,
    uris: () => files.keys(),
    validate(uri) {
      const state = files.get(uri);
      if (!state) return { diagnostics: [], findings: [], elapsedMs: 0, timedOut: false };
      const r = state.result;
      const current = effectiveSettings();
      if (r && r.indexRevision === index.revision && r.settings === current) return r.value;
      const value = validateFile(state.parsed, current, index, lookup, undefined, syntaxErrors);
      state.result = { indexRevision: index.revision, settings: current, value };
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
  };
  return service;
}
